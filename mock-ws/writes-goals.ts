import type { GoalStatus, WireActivity, WireGoal } from '../lib/protocol';
import { ApiError } from './api-error';
import { goalStatusMessage } from './activity-text';
import { nextId } from './db';
import type { Store } from './store';

const STATUS_EVENT = {
  active: 'goal.activated',
  completed: 'goal.completed',
  cancelled: 'goal.cancelled',
} as const satisfies Partial<Record<GoalStatus, string>>;

export type GoalPatch = { status?: GoalStatus; title?: string; description?: string };

export function createGoal(
  store: Store,
  tenant: string,
  actorId: string,
  input: { title: string; description?: string },
): WireGoal {
  const { db, clock } = store;
  const at = clock.stamp();
  const goal: WireGoal = {
    id: nextId(db, 'goal'),
    title: input.title,
    description: input.description ?? '',
    status: 'draft',
    owner_id: actorId,
    progress: 0,
    created_at: at,
    updated_at: at,
  };
  db.goals.set(goal.id, { tenant, value: goal });
  store.emit(tenant, 'goal.created', { goal });
  return goal;
}

export function patchGoal(store: Store, tenant: string, actorId: string, id: string, patch: GoalPatch): WireGoal {
  const { db, clock } = store;
  let goal = store.get(db.goals, tenant, id, 'Goal');
  const save = (next: WireGoal) => {
    db.goals.set(next.id, { tenant, value: next });
    goal = next;
  };
  const title = patch.title ?? goal.title;
  const description = patch.description ?? goal.description;
  if (title !== goal.title || description !== goal.description) {
    save({ ...goal, title, description, updated_at: clock.stamp(goal.updated_at) });
  }
  if (patch.status !== undefined && patch.status !== goal.status) {
    const previous = goal.status;
    save({ ...goal, status: patch.status, updated_at: clock.stamp(goal.updated_at) });
    if (patch.status !== 'draft') {
      store.emit(tenant, STATUS_EVENT[patch.status], {
        goal_id: goal.id,
        previous_status: previous,
        status: goal.status,
        updated_at: goal.updated_at,
      });
    }
    addActivity(
      store,
      tenant,
      goal.id,
      'status_changed',
      goalStatusMessage(actorName(store, actorId), goal.status),
      actorId,
    );
  }
  return goal;
}

export function addComment(
  store: Store,
  tenant: string,
  actorId: string,
  goalId: string,
  message: string,
): WireActivity {
  store.get(store.db.goals, tenant, goalId, 'Goal');
  return addActivity(store, tenant, goalId, 'comment', message, actorId);
}

/** Record a goal feed item and broadcast it, so every open feed moves. */
export function addActivity(
  store: Store,
  tenant: string,
  goalId: string,
  kind: string,
  message: string,
  actorId: string,
): WireActivity {
  const { db, clock } = store;
  const activity: WireActivity = {
    id: nextId(db, 'activity'),
    goal_id: goalId,
    kind,
    message,
    actor_id: actorId,
    created_at: clock.stamp(),
  };
  db.activity.set(activity.id, { tenant, value: activity });
  store.emit(tenant, 'goal.activity.created', { activity });
  return activity;
}

/** A goal's progress is the rounded mean of its actions' progress. No event: clients refetch the goal from the action event. */
export function recomputeGoalProgress(store: Store, tenant: string, goalId: string): void {
  const { db, clock } = store;
  const goal = store.find(db.goals, tenant, goalId);
  if (!goal) return;
  let sum = 0;
  let count = 0;
  for (const row of db.actions.values()) {
    if (row.tenant === tenant && row.value.goal_id === goalId) {
      sum += row.value.progress;
      count += 1;
    }
  }
  const progress = count ? Math.round(sum / count) : 0;
  db.goals.set(goalId, { tenant, value: { ...goal, progress, updated_at: clock.stamp(goal.updated_at) } });
}

export function actorName(store: Store, userId: string): string {
  return store.user(userId)?.name ?? 'Someone';
}

/** A referenced id in a request body must exist in the caller's tenant. */
export function requireRef<T>(found: T | undefined, field: string, what: string, id: string): T {
  if (found === undefined) {
    throw new ApiError(
      400,
      'validation_failed',
      `Invalid request body: ${field}: there is no ${what} "${id.slice(0, 60)}" in this tenant.`,
    );
  }
  return found;
}
