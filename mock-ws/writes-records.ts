import type {
  AttachmentEntityType,
  IssueStatus,
  Priority,
  WireAttachment,
  WireDecision,
  WireIssue,
  WireReading,
} from '../lib/protocol';
import { nextId } from './db';
import { attachmentUrl } from './seed';
import type { Store } from './store';
import { requireRef } from './writes-goals';

/** Writes for measures, issues, decisions and attachments. */

export function addReading(
  store: Store,
  tenant: string,
  actorId: string,
  measureId: string,
  value: number,
): WireReading {
  const { db, clock } = store;
  const measure = store.get(db.measures, tenant, measureId, 'Measure');
  const at = clock.stamp(measure.updated_at);
  const reading: WireReading = {
    id: nextId(db, 'reading'),
    measure_id: measureId,
    value,
    recorded_at: at,
    recorded_by: actorId,
  };
  db.readings.set(reading.id, { tenant, value: reading });
  db.measures.set(measureId, { tenant, value: { ...measure, current_value: value, updated_at: at } });
  store.emit(tenant, 'measure.reading.created', { measure_id: measureId, reading });
  return reading;
}

export type NewIssue = { title: string; priority?: Priority; goal_id?: string | null };
export type IssuePatch = { status?: IssueStatus; priority?: Priority; title?: string };

export function createIssue(store: Store, tenant: string, _actorId: string, input: NewIssue): WireIssue {
  const { db, clock } = store;
  const goalId = input.goal_id ?? null;
  if (goalId !== null) requireRef(store.find(db.goals, tenant, goalId), 'goal_id', 'goal', goalId);
  const at = clock.stamp();
  const issue: WireIssue = {
    id: nextId(db, 'issue'),
    title: input.title,
    status: 'open',
    priority: input.priority ?? 'medium',
    goal_id: goalId,
    created_at: at,
    updated_at: at,
  };
  db.issues.set(issue.id, { tenant, value: issue });
  store.emit(tenant, 'issue.created', { issue });
  return issue;
}

/** Title and priority have no event of their own in the contract; they only bump `updated_at`. */
export function patchIssue(store: Store, tenant: string, _actorId: string, id: string, patch: IssuePatch): WireIssue {
  const { db, clock } = store;
  let issue = store.get(db.issues, tenant, id, 'Issue');
  const title = patch.title ?? issue.title;
  const priority = patch.priority ?? issue.priority;
  if (title !== issue.title || priority !== issue.priority) {
    issue = { ...issue, title, priority, updated_at: clock.stamp(issue.updated_at) };
    db.issues.set(id, { tenant, value: issue });
  }
  if (patch.status !== undefined && patch.status !== issue.status) {
    const previous = issue.status;
    issue = { ...issue, status: patch.status, updated_at: clock.stamp(issue.updated_at) };
    db.issues.set(id, { tenant, value: issue });
    store.emit(tenant, 'issue.status_changed', {
      issue_id: id,
      previous_status: previous,
      status: issue.status,
      updated_at: issue.updated_at,
    });
  }
  return issue;
}

export type NewDecision = { title: string; outcome: string; issue_id?: string | null; goal_id?: string | null };

export function createDecision(store: Store, tenant: string, actorId: string, input: NewDecision): WireDecision {
  const { db, clock } = store;
  const issueId = input.issue_id ?? null;
  const goalId = input.goal_id ?? null;
  if (issueId !== null) requireRef(store.find(db.issues, tenant, issueId), 'issue_id', 'issue', issueId);
  if (goalId !== null) requireRef(store.find(db.goals, tenant, goalId), 'goal_id', 'goal', goalId);
  const decision: WireDecision = {
    id: nextId(db, 'decision'),
    title: input.title,
    outcome: input.outcome,
    issue_id: issueId,
    goal_id: goalId,
    decided_by: actorId,
    created_at: clock.stamp(),
  };
  db.decisions.set(decision.id, { tenant, value: decision });
  store.emit(tenant, 'decision.created', { decision });
  return decision;
}

export type NewAttachment = {
  entity_type: AttachmentEntityType;
  entity_id: string;
  file_name: string;
  size_bytes: number;
};

export function createAttachment(store: Store, tenant: string, _actorId: string, input: NewAttachment): WireAttachment {
  const { db, clock } = store;
  const targets = { goal: db.goals, action: db.actions, issue: db.issues }[input.entity_type] as Map<
    string,
    { tenant: string }
  >;
  const target = targets.get(input.entity_id);
  requireRef(target?.tenant === tenant ? target : undefined, 'entity_id', input.entity_type, input.entity_id);
  const id = nextId(db, 'attachment');
  const attachment: WireAttachment = {
    id,
    entity_type: input.entity_type,
    entity_id: input.entity_id,
    file_name: input.file_name,
    size_bytes: input.size_bytes,
    url: attachmentUrl(id, input.file_name),
    created_at: clock.stamp(),
  };
  db.attachments.set(id, { tenant, value: attachment });
  store.emit(tenant, 'attachment.created', { attachment });
  return attachment;
}
