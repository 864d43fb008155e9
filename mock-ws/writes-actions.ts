import type { ActionStatus, Priority, WireAction } from '../lib/protocol';
import { actionCompletedMessage } from './activity-text';
import { nextId } from './db';
import type { Store } from './store';
import { actorName, addActivity, recomputeGoalProgress, requireRef } from './writes-goals';

export type NewAction = {
  goal_id: string;
  title: string;
  priority?: Priority;
  assignee_id?: string | null;
  due_date?: string | null;
};
export type ActionPatch = {
  status?: ActionStatus;
  priority?: Priority;
  assignee_id?: string | null;
  progress?: number;
  title?: string;
};

export function createAction(store: Store, tenant: string, _actorId: string, input: NewAction): WireAction {
  const { db, clock } = store;
  requireRef(store.find(db.goals, tenant, input.goal_id), 'goal_id', 'goal', input.goal_id);
  const assignee = input.assignee_id ?? null;
  if (assignee !== null) checkAssignee(store, tenant, assignee);
  const at = clock.stamp();
  const action: WireAction = {
    id: nextId(db, 'action'),
    goal_id: input.goal_id,
    title: input.title,
    status: 'not_started',
    priority: input.priority ?? 'medium',
    assignee_id: assignee,
    progress: 0,
    due_date: input.due_date ?? null,
    created_at: at,
    updated_at: at,
  };
  db.actions.set(action.id, { tenant, value: action });
  store.emit(tenant, 'action.created', { action });
  recomputeGoalProgress(store, tenant, action.goal_id);
  return action;
}

/**
 * Apply each named field as its own step with its own, later `updated_at`, and send one event per
 * changed field. Separate timestamps matter: a client that drops events not newer than its cache would
 * otherwise ignore the second event of the same PATCH.
 */
export function patchAction(store: Store, tenant: string, actorId: string, id: string, patch: ActionPatch): WireAction {
  const { db, clock } = store;
  let action = store.get(db.actions, tenant, id, 'Action');
  if (patch.assignee_id !== undefined && patch.assignee_id !== null) checkAssignee(store, tenant, patch.assignee_id);
  const step = (changes: Partial<WireAction>) => {
    action = { ...action, ...changes, updated_at: clock.stamp(action.updated_at) };
    db.actions.set(action.id, { tenant, value: action });
    return action;
  };
  const ids = () => ({ action_id: action.id, goal_id: action.goal_id });
  let touched = false;

  if (patch.title !== undefined && patch.title !== action.title) {
    step({ title: patch.title });
    touched = true;
  }
  const completing = patch.status === 'done' && action.status !== 'done';
  if (patch.status !== undefined && patch.status !== action.status) {
    const previous = action.status;
    step(completing ? { status: 'done', progress: 100 } : { status: patch.status });
    touched = true;
    if (completing) {
      store.emit(tenant, 'action.completed', {
        ...ids(),
        completed_at: action.updated_at,
        updated_at: action.updated_at,
      });
      addActivity(
        store,
        tenant,
        action.goal_id,
        'action_completed',
        actionCompletedMessage(actorName(store, actorId), action.title),
        actorId,
      );
    } else {
      store.emit(tenant, 'action.status_changed', {
        ...ids(),
        previous_status: previous,
        status: action.status,
        updated_at: action.updated_at,
      });
    }
  }
  if (patch.priority !== undefined && patch.priority !== action.priority) {
    const previous = action.priority;
    step({ priority: patch.priority });
    touched = true;
    store.emit(tenant, 'action.priority_changed', {
      ...ids(),
      previous_priority: previous,
      priority: action.priority,
      updated_at: action.updated_at,
    });
  }
  if (patch.assignee_id !== undefined && patch.assignee_id !== action.assignee_id) {
    const previous = action.assignee_id;
    step({ assignee_id: patch.assignee_id });
    touched = true;
    store.emit(tenant, 'action.reassigned', {
      ...ids(),
      previous_assignee_id: previous,
      assignee_id: action.assignee_id,
      updated_at: action.updated_at,
    });
  }
  // Completing sets progress to 100; a progress named in the same PATCH does not undo that.
  if (patch.progress !== undefined && !completing && patch.progress !== action.progress) {
    step({ progress: patch.progress });
    touched = true;
    store.emit(tenant, 'action.progress_updated', {
      ...ids(),
      progress: action.progress,
      updated_at: action.updated_at,
    });
  }
  if (touched) recomputeGoalProgress(store, tenant, action.goal_id);
  return action;
}

function checkAssignee(store: Store, tenant: string, userId: string): void {
  requireRef(store.isMember(tenant, userId) ? true : undefined, 'assignee_id', 'team member', userId);
}
