import type { ActionStatus, AttachmentEntityType, GoalStatus, IssueStatus, Priority } from '../lib/protocol';

/** The demo world: realistic titles for two tenants. `seed.ts` turns it into dated entities with ids. */

export type SeedAction = {
  title: string;
  status: ActionStatus;
  priority: Priority;
  /** Email local part of the assignee, or null. */
  assignee: string | null;
  progress: number;
  /** Days from the seed date, or null for no due date. */
  due: number | null;
};
export type SeedGoal = { title: string; description: string; status: GoalStatus; owner: string; actions: SeedAction[] };
export type SeedTenant = {
  id: string;
  name: string;
  members: string[];
  goals: SeedGoal[];
  measures: { name: string; unit: string; target: number; readings: number[]; by: string }[];
  issues: { title: string; status: IssueStatus; priority: Priority; goal: string | null }[];
  decisions: { title: string; outcome: string; goal: string | null; issue: string | null; by: string }[];
  attachments: { on: AttachmentEntityType; target: string; fileName: string; sizeBytes: number }[];
  comments: { goal: string; by: string; message: string }[];
};

/** People in id order (u-1, u-2, ...). */
export const SEED_USERS = [
  { key: 'ava', name: 'Ava Adams', email: 'ava@acme.test' },
  { key: 'ben', name: 'Ben Brooks', email: 'ben@acme.test' },
  { key: 'cho', name: 'Cho Chen', email: 'cho@acme.test' },
  { key: 'max', name: 'Max Miller', email: 'max@acme.test' },
  { key: 'dana', name: 'Dana Diaz', email: 'dana@globex.test' },
  { key: 'eli', name: 'Eli Evans', email: 'eli@globex.test' },
  { key: 'fay', name: 'Fay Fischer', email: 'fay@globex.test' },
] as const;

const act = (
  title: string,
  status: ActionStatus,
  priority: Priority,
  assignee: string | null,
  progress: number,
  due: number | null,
): SeedAction => ({ title, status, priority, assignee, progress, due });

const ACME: SeedTenant = {
  id: 'acme',
  name: 'Acme Corp',
  members: ['ava', 'ben', 'cho', 'max'],
  goals: [
    {
      title: 'Launch v2 onboarding',
      owner: 'ava',
      status: 'active',
      description:
        'Replace the signup wizard with a checklist and an in-app tour so new teams reach their first project in one session.',
      actions: [
        act('Map the current signup funnel', 'done', 'medium', 'ava', 100, -20),
        act('Design the new welcome checklist', 'done', 'high', 'cho', 100, -9),
        act('Build the in-app product tour', 'in_progress', 'high', 'ben', 60, 3),
        act('Write the onboarding email series', 'in_progress', 'medium', 'cho', 40, 6),
        act('A/B test the checklist against v1', 'not_started', 'high', 'ava', 0, 14),
      ],
    },
    {
      title: 'Hire two engineers',
      owner: 'ben',
      status: 'active',
      description: 'Two senior backend engineers to own billing and the public API.',
      actions: [
        act('Write the job description', 'done', 'medium', 'ben', 100, -15),
        act('Post the roles on three job boards', 'done', 'low', 'max', 100, -12),
        act('Screen the first 20 candidates', 'in_progress', 'high', 'ben', 35, 2),
        act('Run onsite interviews', 'not_started', 'critical', 'max', 0, 10),
      ],
    },
    {
      title: 'Cut support response time in half',
      owner: 'cho',
      status: 'active',
      description: 'Median first response under four hours, every weekday.',
      actions: [
        act('Set up a shared support inbox', 'done', 'high', 'cho', 100, -18),
        act('Write ten canned replies', 'in_progress', 'medium', 'cho', 70, 1),
        act('Add an on-call rota for support', 'blocked', 'high', 'max', 20, -2),
        act('Publish a help center FAQ', 'not_started', 'low', null, 0, null),
      ],
    },
    {
      title: 'Ship SSO for enterprise customers',
      owner: 'max',
      status: 'completed',
      description: 'SAML single sign-on for the three enterprise pilots.',
      actions: [
        act('Integrate SAML with Okta', 'done', 'critical', 'max', 100, -25),
        act('Write the SSO setup guide', 'done', 'medium', 'ava', 100, -22),
        act('Run a security review', 'done', 'high', 'ben', 100, -21),
      ],
    },
    {
      title: 'Migrate billing to Stripe',
      owner: 'ava',
      status: 'cancelled',
      description: 'Move invoicing off the legacy system. Paused until pricing is final.',
      actions: [
        act('Export invoices from the old system', 'done', 'medium', 'ben', 100, -30),
        act('Build the Stripe webhook handler', 'blocked', 'critical', 'max', 30, -5),
      ],
    },
    {
      title: 'Plan the Q1 offsite',
      owner: 'ben',
      status: 'draft',
      description: 'Two days, whole company, somewhere with decent coffee.',
      actions: [
        act('Shortlist three venues', 'not_started', 'low', 'ben', 0, 21),
        act('Draft the offsite agenda', 'not_started', 'medium', null, 0, null),
      ],
    },
  ],
  measures: [
    {
      name: 'Weekly active users',
      unit: 'users',
      target: 5000,
      by: 'ava',
      readings: [3120, 3260, 3310, 3480, 3620, 3590, 3790, 3940],
    },
    {
      name: 'Net revenue retention',
      unit: '%',
      target: 110,
      by: 'max',
      readings: [101, 102, 101.5, 103, 104, 104.5, 105, 106],
    },
    {
      name: 'Median first response time',
      unit: 'hours',
      target: 4,
      by: 'cho',
      readings: [11, 10.5, 9, 9.5, 8, 7.5, 7, 6.5],
    },
    { name: 'Deploys per week', unit: 'deploys', target: 20, by: 'ben', readings: [9, 12, 11, 14, 13, 16, 15, 17] },
  ],
  issues: [
    { title: 'Signup emails land in spam', status: 'in_progress', priority: 'high', goal: 'Launch v2 onboarding' },
    {
      title: 'Candidate pipeline is too thin for senior roles',
      status: 'open',
      priority: 'medium',
      goal: 'Hire two engineers',
    },
    {
      title: 'Support backlog spikes on Mondays',
      status: 'open',
      priority: 'high',
      goal: 'Cut support response time in half',
    },
    {
      title: 'Okta metadata URL changed without notice',
      status: 'resolved',
      priority: 'medium',
      goal: 'Ship SSO for enterprise customers',
    },
    { title: 'Staging database ran out of disk', status: 'closed', priority: 'low', goal: null },
  ],
  decisions: [
    {
      title: 'Pause the Stripe migration',
      outcome: 'Cancelled for now; revisit in Q3 once pricing is final.',
      goal: 'Migrate billing to Stripe',
      issue: null,
      by: 'ava',
    },
    {
      title: 'Hire remote-first for engineering',
      outcome: 'Approved: roles are open to candidates in EU time zones.',
      goal: 'Hire two engineers',
      issue: 'Candidate pipeline is too thin for senior roles',
      by: 'ben',
    },
    {
      title: 'Keep the v1 tour as a fallback',
      outcome: 'Ship v2 behind a flag and keep v1 for one release.',
      goal: 'Launch v2 onboarding',
      issue: null,
      by: 'max',
    },
  ],
  attachments: [
    { on: 'goal', target: 'Launch v2 onboarding', fileName: 'onboarding-flow-v2.pdf', sizeBytes: 482_133 },
    { on: 'goal', target: 'Hire two engineers', fileName: 'job-description-backend.pdf', sizeBytes: 88_412 },
    { on: 'action', target: 'Design the new welcome checklist', fileName: 'welcome-checklist.png', sizeBytes: 240_511 },
    { on: 'issue', target: 'Signup emails land in spam', fileName: 'mail-headers.txt', sizeBytes: 12_033 },
  ],
  comments: [
    {
      goal: 'Launch v2 onboarding',
      by: 'ben',
      message: 'The new tour cut time-to-first-project in half in the pilot.',
    },
    { goal: 'Hire two engineers', by: 'cho', message: 'Two strong candidates already in the pipeline.' },
  ],
};

const GLOBEX: SeedTenant = {
  id: 'globex',
  name: 'Globex',
  members: ['dana', 'eli', 'fay', 'max'],
  goals: [
    {
      title: 'Open the Berlin sales office',
      owner: 'dana',
      status: 'active',
      description: 'A local team of five selling into DACH by the end of the quarter.',
      actions: [
        act('Sign the office lease', 'done', 'high', 'dana', 100, -14),
        act('Hire a country manager', 'in_progress', 'critical', 'dana', 50, 5),
        act('Register the German entity', 'in_progress', 'high', 'eli', 80, 4),
        act('Set up local payroll', 'not_started', 'medium', 'fay', 0, 12),
        act('Plan the launch event', 'not_started', 'low', null, 0, null),
      ],
    },
    {
      title: 'Reduce warehouse picking errors',
      owner: 'eli',
      status: 'active',
      description: 'Below 0.5% wrong picks across both warehouses.',
      actions: [
        act("Audit last quarter's picking errors", 'done', 'medium', 'eli', 100, -16),
        act('Label every bin with barcodes', 'in_progress', 'high', 'eli', 45, 6),
        act('Train the night shift on scanners', 'blocked', 'medium', 'fay', 10, -1),
        act('Roll out pick-to-light in aisle 4', 'not_started', 'high', 'max', 0, 20),
      ],
    },
    {
      title: 'Grow the partner channel',
      owner: 'fay',
      status: 'active',
      description: 'Twenty active resellers bringing a third of new revenue.',
      actions: [
        act('Define partner tiers', 'done', 'medium', 'fay', 100, -19),
        act('Create a partner onboarding kit', 'in_progress', 'medium', 'fay', 65, 2),
        act('Recruit five new resellers', 'in_progress', 'high', 'dana', 20, 30),
        act('Launch the partner portal', 'not_started', 'critical', 'eli', 0, null),
      ],
    },
    {
      title: 'Achieve ISO 9001 certification',
      owner: 'dana',
      status: 'completed',
      description: 'Certified quality management for the main plant.',
      actions: [
        act('Document quality procedures', 'done', 'high', 'fay', 100, -40),
        act('Run the internal audit', 'done', 'high', 'eli', 100, -33),
        act('Pass the external audit', 'done', 'critical', 'dana', 100, -26),
      ],
    },
    {
      title: 'Replace the legacy ERP',
      owner: 'max',
      status: 'cancelled',
      description: 'Stopped: the budget moved to the warehouse program.',
      actions: [
        act('Compare three ERP vendors', 'done', 'medium', 'max', 100, -35),
        act('Migrate the product catalogue', 'not_started', 'critical', null, 0, null),
      ],
    },
    {
      title: 'Launch the spring product line',
      owner: 'eli',
      status: 'draft',
      description: 'Six new colours and a lighter frame, in stores by March.',
      actions: [
        act('Finalize the colour range', 'not_started', 'medium', 'eli', 0, 25),
        act('Book the trade show booth', 'not_started', 'high', 'fay', 0, 9),
      ],
    },
  ],
  measures: [
    {
      name: 'Qualified leads',
      unit: 'leads',
      target: 400,
      by: 'dana',
      readings: [210, 225, 240, 238, 262, 280, 291, 305],
    },
    {
      name: 'Gross margin',
      unit: '%',
      target: 62,
      by: 'max',
      readings: [55.2, 55.8, 56.1, 57, 56.7, 57.9, 58.4, 58.8],
    },
    {
      name: 'Picking accuracy',
      unit: '%',
      target: 99.5,
      by: 'eli',
      readings: [97.1, 97.4, 97.3, 97.9, 98.2, 98.1, 98.5, 98.7],
    },
    {
      name: 'On-time shipments',
      unit: '%',
      target: 98,
      by: 'fay',
      readings: [91, 92.5, 92, 93.4, 94, 94.8, 95.1, 95.6],
    },
  ],
  issues: [
    {
      title: 'Lease negotiation stalled on fit-out costs',
      status: 'in_progress',
      priority: 'high',
      goal: 'Open the Berlin sales office',
    },
    {
      title: 'Scanner batteries die mid-shift',
      status: 'open',
      priority: 'critical',
      goal: 'Reduce warehouse picking errors',
    },
    {
      title: 'Reseller contract template is outdated',
      status: 'open',
      priority: 'medium',
      goal: 'Grow the partner channel',
    },
    {
      title: 'Auditor flagged missing calibration records',
      status: 'resolved',
      priority: 'high',
      goal: 'Achieve ISO 9001 certification',
    },
    { title: 'Forklift certification lapsed for two staff', status: 'closed', priority: 'medium', goal: null },
  ],
  decisions: [
    {
      title: 'Lease the Friedrichshain office',
      outcome: 'Signed a three-year lease with a break clause after 18 months.',
      goal: 'Open the Berlin sales office',
      issue: 'Lease negotiation stalled on fit-out costs',
      by: 'dana',
    },
    {
      title: 'Stop the ERP replacement',
      outcome: 'Paused: the budget moves to the warehouse program.',
      goal: 'Replace the legacy ERP',
      issue: null,
      by: 'max',
    },
    {
      title: 'Buy spare scanner batteries',
      outcome: 'Ordered 40 spares; swap them at every shift change.',
      goal: 'Reduce warehouse picking errors',
      issue: 'Scanner batteries die mid-shift',
      by: 'eli',
    },
  ],
  attachments: [
    {
      on: 'goal',
      target: 'Open the Berlin sales office',
      fileName: 'berlin-office-floorplan.pdf',
      sizeBytes: 1_893_220,
    },
    { on: 'goal', target: 'Achieve ISO 9001 certification', fileName: 'iso-9001-certificate.pdf', sizeBytes: 322_010 },
    { on: 'action', target: 'Label every bin with barcodes', fileName: 'bin-label-template.docx', sizeBytes: 55_120 },
    { on: 'issue', target: 'Scanner batteries die mid-shift', fileName: 'scanner-battery-log.csv', sizeBytes: 12_044 },
  ],
  comments: [
    {
      goal: 'Open the Berlin sales office',
      by: 'eli',
      message: 'Notary appointment for the entity is booked for next Tuesday.',
    },
    {
      goal: 'Reduce warehouse picking errors',
      by: 'fay',
      message: 'Night shift wants scanner training before the holidays.',
    },
  ],
};

export const SEED_TENANTS: readonly SeedTenant[] = [ACME, GLOBEX];
