import type { EventType, WireEventData } from './events';
import type { WireAction, WireGoal, WireIssue } from './entities';

/**
 * One valid wire payload per event type. Used by tests, the benchmarks and the devtools
 * panel's "What would this event do?" view; every example validates against its schema.
 */
const T0 = '2026-11-27T10:00:00.000Z';
const T1 = '2026-11-27T10:05:00.000Z';

export const exampleGoal: WireGoal = {
  id: 'g-1',
  title: 'Hire two engineers',
  description: 'Grow the platform team before Q1.',
  status: 'active',
  owner_id: 'u-1',
  progress: 40,
  created_at: T0,
  updated_at: T0,
};

export const exampleAction: WireAction = {
  id: 'a-1',
  goal_id: 'g-1',
  title: 'Publish the job post',
  status: 'in_progress',
  priority: 'high',
  assignee_id: 'u-2',
  progress: 40,
  due_date: '2026-12-04',
  created_at: T0,
  updated_at: T0,
};

export const exampleIssue: WireIssue = {
  id: 'i-1',
  title: 'Recruiter budget not approved',
  status: 'open',
  priority: 'medium',
  goal_id: 'g-1',
  created_at: T0,
  updated_at: T0,
};

export const exampleEvents: { [K in EventType]: WireEventData<K> } = {
  'goal.created': {
    goal: { ...exampleGoal, id: 'g-100', title: 'Open a Berlin office', status: 'draft', progress: 0 },
  },
  'goal.activated': { goal_id: 'g-1', previous_status: 'draft', status: 'active', updated_at: T1 },
  'goal.completed': { goal_id: 'g-1', previous_status: 'active', status: 'completed', updated_at: T1 },
  'goal.cancelled': { goal_id: 'g-1', previous_status: 'active', status: 'cancelled', updated_at: T1 },
  'goal.activity.created': {
    activity: {
      id: 'ac-100',
      goal_id: 'g-1',
      kind: 'comment',
      message: 'Shortlist is ready.',
      actor_id: 'u-2',
      created_at: T1,
    },
  },
  'action.created': {
    action: { ...exampleAction, id: 'a-100', title: 'Book interview rooms', status: 'not_started', progress: 0 },
  },
  'action.status_changed': {
    action_id: 'a-1',
    goal_id: 'g-1',
    previous_status: 'in_progress',
    status: 'blocked',
    updated_at: T1,
  },
  'action.completed': { action_id: 'a-1', goal_id: 'g-1', completed_at: T1, updated_at: T1 },
  'action.priority_changed': {
    action_id: 'a-1',
    goal_id: 'g-1',
    previous_priority: 'high',
    priority: 'critical',
    updated_at: T1,
  },
  'action.reassigned': {
    action_id: 'a-1',
    goal_id: 'g-1',
    previous_assignee_id: 'u-2',
    assignee_id: 'u-3',
    updated_at: T1,
  },
  'action.progress_updated': { action_id: 'a-1', goal_id: 'g-1', progress: 70, updated_at: T1 },
  'measure.reading.created': {
    measure_id: 'm-1',
    reading: { id: 'r-100', measure_id: 'm-1', value: 42, recorded_at: T1, recorded_by: 'u-2' },
  },
  'issue.created': { issue: { ...exampleIssue, id: 'i-100', title: 'Laptops arrive late' } },
  'issue.status_changed': { issue_id: 'i-1', previous_status: 'open', status: 'in_progress', updated_at: T1 },
  'decision.created': {
    decision: {
      id: 'd-100',
      title: 'Use an external recruiter',
      outcome: 'Approved for two roles.',
      issue_id: 'i-1',
      goal_id: 'g-1',
      decided_by: 'u-1',
      created_at: T1,
    },
  },
  'attachment.created': {
    attachment: {
      id: 'at-100',
      entity_type: 'goal',
      entity_id: 'g-1',
      file_name: 'job-description.pdf',
      size_bytes: 48_213,
      url: '/files/at-100/job-description.pdf',
      created_at: T1,
    },
  },
};
