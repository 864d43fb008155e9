import {
  AppShell,
  Avatar,
  Brand,
  Button,
  ConnectionBadge,
  DataList,
  DataRow,
  Field,
  Grid,
  IconChevronDown,
  IconGauge,
  IconHome,
  IconListChecks,
  IconPaperclip,
  IconCircleDot,
  IconPlus,
  IconScale,
  IconSearch,
  IconTarget,
  Input,
  Nav,
  NavLink,
  PageHeader,
  Person,
  PriorityLabel,
  ProgressBar,
  Section,
  Select,
  Sparkline,
  Stat,
  StatusPill,
  Toolbar,
  ToolbarSpacer,
} from '..';
import type { ReactNode } from 'react';

const GOALS = [
  { id: 'g-1', title: 'Launch the partner onboarding programme', status: 'active', owner: 'Ava Stone', progress: 62 },
  {
    id: 'g-2',
    title: 'Cut average support response time below 4 hours',
    status: 'completed',
    owner: 'Ben Ortiz',
    progress: 100,
  },
  { id: 'g-3', title: 'Q3 hiring: two engineers and a designer', status: 'draft', owner: 'Cho Park', progress: 0 },
  { id: 'g-4', title: 'Retire the legacy billing service', status: 'cancelled', owner: 'Max Weber', progress: 35 },
];

const ACTIONS = [
  {
    id: 'a-12',
    title: 'Draft partner agreement template',
    status: 'in_progress',
    priority: 'high',
    who: 'Ava Stone',
    progress: 40,
  },
  {
    id: 'a-13',
    title: 'Review SLA breaches from June',
    status: 'blocked',
    priority: 'critical',
    who: 'Ben Ortiz',
    progress: 10,
  },
  { id: 'a-14', title: 'Publish job descriptions', status: 'not_started', priority: 'medium', who: null, progress: 0 },
  {
    id: 'a-15',
    title: 'Migrate invoices to the new ledger',
    status: 'done',
    priority: 'low',
    who: 'Cho Park',
    progress: 100,
  },
];

/** The app frame with a realistic dashboard, so the primitives are judged together. */
export function ShowcaseApp({ children }: { children?: ReactNode }) {
  return (
    <AppShell
      brand={<Brand />}
      nav={
        <>
          <Nav>
            <NavLink href="#" icon={<IconHome />} active>
              Overview
            </NavLink>
            <NavLink href="#" icon={<IconTarget />} badge={4}>
              Goals
            </NavLink>
            <NavLink href="#" icon={<IconListChecks />} badge={12}>
              Actions
            </NavLink>
            <NavLink href="#" icon={<IconGauge />}>
              Measures
            </NavLink>
            <NavLink href="#" icon={<IconCircleDot />} badge={3}>
              Issues
            </NavLink>
            <NavLink href="#" icon={<IconScale />}>
              Decisions
            </NavLink>
          </Nav>
          <Nav aria-label="Workspace" heading="Workspace">
            <NavLink href="#" icon={<IconPaperclip />}>
              Attachments
            </NavLink>
          </Nav>
        </>
      }
      sidebarFooter={<Person name="Ava Stone" />}
      headerStart={
        <Button variant="ghost" size="sm" icon={<IconSearch />}>
          Search
        </Button>
      }
      headerEnd={
        <>
          <ConnectionBadge state="live" label="Live" role="status" />
          <Button variant="secondary" size="sm">
            Acme Inc. <IconChevronDown />
          </Button>
          <Avatar name="Ava Stone" size="md" />
        </>
      }
    >
      <PageHeader
        eyebrow="Acme Inc."
        title="Overview"
        description="Where goals, actions and measures stand right now. Updates arrive live."
        actions={
          <>
            <Button variant="secondary">Export</Button>
            <Button icon={<IconPlus />}>New goal</Button>
          </>
        }
      />
      <Grid minColumn={160}>
        <Stat label="Active goals" value={7} hint="2 due this month" />
        <Stat label="Open actions" value={23} hint="4 blocked" />
        <Stat label="Open issues" value={3} hint="1 critical" />
        <Stat label="Decisions" value={18} hint="5 this quarter" />
      </Grid>
      <Section title="Goals" description="Sorted by last update." actions={<Button variant="link">View all</Button>}>
        <Toolbar aria-label="Filter goals">
          <Field label="Search goals" hideLabel>
            <Input placeholder="Search goals" controlSize="sm" />
          </Field>
          <Field label="Status" hideLabel>
            <Select controlSize="sm" placeholder="All statuses" options={[{ value: 'active', label: 'Active' }]} />
          </Field>
          <ToolbarSpacer />
          <span className="pp-subtle">4 goals</span>
        </Toolbar>
        <DataList aria-label="Goals">
          {GOALS.map((g, i) => (
            <DataRow
              key={g.id}
              data-testid={`goal-row-${g.id}`}
              className={i === 0 ? 'pp-flash' : undefined}
              title={g.title}
              titleHref="#"
              meta={
                <>
                  <span className="pp-mono">{g.id}</span>
                  <Person name={g.owner} />
                </>
              }
              end={
                <>
                  <ProgressBar value={g.progress} label={`${g.title} progress`} />
                  <StatusPill kind="goal" value={g.status} />
                </>
              }
            />
          ))}
        </DataList>
      </Section>
      <Section title="My actions">
        <DataList aria-label="Actions">
          {ACTIONS.map((a) => (
            <DataRow
              key={a.id}
              data-testid={`action-row-${a.id}`}
              title={a.title}
              titleHref="#"
              meta={<Person name={a.who} />}
              end={
                <>
                  <PriorityLabel value={a.priority} />
                  <ProgressBar value={a.progress} label={`${a.title} progress`} />
                  <StatusPill kind="action" value={a.status} />
                </>
              }
            />
          ))}
        </DataList>
      </Section>
      <Section title="Measures">
        <Grid minColumn={240}>
          {[
            { name: 'Weekly active partners', values: [12, 14, 13, 17, 19, 18, 22], target: 25, unit: '' },
            { name: 'Support response (h)', values: [9, 7.5, 6, 5.2, 4.4, 3.9], target: 4, unit: 'h' },
            { name: 'Churned accounts', values: [4], target: 2, unit: '' },
          ].map((m) => (
            <div key={m.name} className="pp-stat">
              <span className="pp-stat__label">{m.name}</span>
              <span className="pp-stat__value">{m.values[m.values.length - 1]}</span>
              <Sparkline values={m.values} target={m.target} unit={m.unit} label={m.name} width={200} height={40} />
            </div>
          ))}
        </Grid>
      </Section>
      {children}
    </AppShell>
  );
}
