/**
 * The event map: what each server event does to the TanStack Query cache. One typed table, one
 * rule per event type (a missing or unknown type fails the type check).
 *
 * Patch or invalidate?
 * - PATCH when the event carries everything the cached value needs: the action's new progress in
 *   its detail and in every cached list that holds it, a new reading at the right place in the
 *   readings list. Patches apply at once and only over older data (`updatedAt`): a copy that is
 *   already as new as the event is left alone.
 * - INVALIDATE when the value is the server's to compute (a goal's progress, dashboard counts), or
 *   when a filtered list may gain the entity (a status change can add it to "done" lists, and only
 *   the server knows where it sorts). A filtered list the entity leaves is patched instead: the
 *   entity is removed from it (see `patchEntityInList`). Invalidations are queued and flushed
 *   coalesced: each distinct key once per window, and only queries on screen refetch.
 *
 * `entity` names the one entity an event changes: the bridge patches its detail key and every
 * cached list under `lists` that holds it. `patch` lists other exact keys with their updater.
 */
import type { QueryKey } from '@tanstack/query-core';
import type { DomainEvent, EventType } from '@/lib/protocol';
import {
  actionKeys,
  attachmentKeys,
  dashboardKeys,
  decisionKeys,
  goalKeys,
  issueKeys,
  measureKeys,
} from '@/lib/api/keys';
import type { Action, Goal, Issue } from '@/lib/api/types';
import { type EntityKind } from './entities';
import { patchEntityInArray, type Changes, type SortBy } from './list-updaters';

/**
 * The shape of one event-map rule. Functions are declared as methods on purpose: method
 * parameters are bivariant, so a `Rule<'goal.created'>` can be handled as a `Rule` by the
 * generic apply code while each rule in the table is still checked against its own payload.
 */

/** A key computed from the event, or `null` when the event does not name one (e.g. no assignee). */
export type EventKey<T extends EventType> = QueryKey | ((event: DomainEvent<T>) => QueryKey | null);

/** The one entity an event changes, wherever it is cached: its detail and every list holding it (keys from ENTITIES). */
export interface EntityTarget<T extends EventType> {
  /** Its row in the entity table (its detail and list keys), and its name in logs and ordering state (`action:a-1`). */
  kind: EntityKind;
  id(event: DomainEvent<T>): string;
  /** The server time of the change: copies with a newer `updatedAt` are left alone. */
  version(event: DomainEvent<T>): string;
  /** Fields the event sets (camelCase entity fields). */
  changes(event: DomainEvent<T>): Changes;
}

/**
 * An exact key whose cached value the event rewrites: either a pure updater (same reference when
 * unchanged), or `insert`, an item added to the cached list unless an item with its id is there
 * (declared rather than written as an updater, so that a window of events adds to one copy of the
 * list instead of copying it per event). Neither ever creates a cache entry.
 */
export type PatchTarget<T extends EventType> = UpdateTarget<T> | InsertTarget<T>;

export interface UpdateTarget<T extends EventType> {
  key: EventKey<T>;
  update(cached: unknown, event: DomainEvent<T>): unknown;
}

export interface InsertTarget<T extends EventType> {
  key: EventKey<T>;
  insert(event: DomainEvent<T>): Changes;
  /** Placed by this ISO-time field, oldest first (`asc`) or newest first (`desc`); default: at the end. */
  sortBy?: SortBy;
}

/** A key to invalidate: a prefix (partial match, as TanStack Query matches keys) or, with `exact`, one key. */
export interface InvalidateTarget<T extends EventType> {
  key: EventKey<T>;
  exact?: boolean;
}

export interface Rule<T extends EventType = EventType> {
  /** Why the rule does what it does, in one line (printed by the map report and the devtools). */
  note: string;
  entity?: EntityTarget<T>;
  patch?: readonly PatchTarget<T>[];
  invalidate?: readonly InvalidateTarget<T>[];
}

/** The whole table: exactly one rule per event type. */
export type EventMap = { readonly [K in EventType]: Rule<K> };

export function resolveKey<T extends EventType>(key: EventKey<T>, event: DomainEvent<T>): QueryKey | null {
  return typeof key === 'function' ? key(event) : key;
}

type Ev<T extends EventType> = DomainEvent<T>;

const dashboard: InvalidateTarget<EventType> = { key: dashboardKeys.all };

/** The goal's detail, exactly: its progress is computed by the server from its actions. */
const goalOfAction = <T extends 'action.created' | ActionChange>(): InvalidateTarget<T> => ({
  key: (e) => goalKeys.detail('action' in e.data ? e.data.action.goalId : e.data.goalId),
  exact: true,
});

/** Goal lists show each goal's server-computed progress too, so they refetch with the goal. */
const goalLists: InvalidateTarget<EventType> = { key: goalKeys.lists() };

/** Everything that shows the progress of an action's goal: its detail and the goal lists. */
const goalProgress = <T extends 'action.created' | ActionChange>(): InvalidateTarget<T>[] => [
  goalOfAction<T>(),
  goalLists,
];

/** Filtered lists the entity may now belong to: every list whose filters include `filters` (partial match). */
function listsWith<T extends EventType>(
  list: (filters: Record<string, string>) => QueryKey,
  filters: (event: Ev<T>) => Record<string, string | null | undefined>,
): InvalidateTarget<T> {
  return {
    key: (e) => {
      const given = filters(e);
      const named: Record<string, string> = {};
      let any = false;
      for (const field in given) {
        const value = given[field];
        if (value === null || value === undefined || value === '') continue;
        named[field] = value;
        any = true;
      }
      // An empty filter would partially match every list, the unfiltered one included.
      return any ? list(named) : null;
    },
  };
}

type GoalStatusEvent = 'goal.activated' | 'goal.completed' | 'goal.cancelled';
const goalStatus = <T extends GoalStatusEvent>(): EntityTarget<T> => ({
  kind: 'goal',
  id: (e) => e.data.goalId,
  version: (e) => e.data.updatedAt,
  changes: (e) => ({ status: e.data.status }) satisfies Partial<Goal>,
});

type ActionChange =
  | 'action.status_changed'
  | 'action.completed'
  | 'action.priority_changed'
  | 'action.reassigned'
  | 'action.progress_updated';
const actionChange = <T extends ActionChange>(changes: (e: Ev<T>) => Partial<Action>): EntityTarget<T> => ({
  kind: 'action',
  id: (e) => e.data.actionId,
  version: (e) => e.data.updatedAt,
  changes: changes as (e: Ev<T>) => Changes,
});

/** A created entity: patched where REST already has it (no-op unless older), inserted by `patch`. */
const created = <T extends EventType>(
  kind: EntityTarget<T>['kind'],
  entity: (e: Ev<T>) => Goal | Action | Issue,
): EntityTarget<T> => ({
  kind,
  id: (e) => entity(e).id,
  version: (e) => entity(e).updatedAt,
  changes: entity,
});

/** Insert into a cached list at the end (REST lists are oldest first); never creates the list. */
const append = <T extends EventType>(key: PatchTarget<T>['key'], item: (e: Ev<T>) => Changes): PatchTarget<T> => ({
  key,
  insert: (e) => ({ ...item(e) }),
});

export const eventMap = {
  'goal.created': {
    note: "The event carries the whole goal: add it to the unfiltered list; lists filtered by its status and the dashboard counts are the server's.",
    entity: created('goal', (e) => e.data.goal),
    patch: [append(goalKeys.list({}), (e) => e.data.goal)],
    invalidate: [listsWith(goalKeys.list, (e) => ({ status: e.data.goal.status })), dashboard],
  },
  'goal.activated': {
    note: 'Status is on the event: patch the goal everywhere (it leaves lists filtered by its old status); lists of the new status and the dashboard refetch.',
    entity: goalStatus(),
    invalidate: [listsWith(goalKeys.list, (e) => ({ status: e.data.status })), dashboard],
  },
  'goal.completed': {
    note: 'Status is on the event: patch the goal everywhere (it leaves lists filtered by its old status); lists of the new status and the dashboard refetch.',
    entity: goalStatus(),
    invalidate: [listsWith(goalKeys.list, (e) => ({ status: e.data.status })), dashboard],
  },
  'goal.cancelled': {
    note: 'Status is on the event: patch the goal everywhere (it leaves lists filtered by its old status); lists of the new status and the dashboard refetch.',
    entity: goalStatus(),
    invalidate: [listsWith(goalKeys.list, (e) => ({ status: e.data.status })), dashboard],
  },
  'goal.activity.created': {
    note: "Prepend the activity to its goal's feed (newest first); the dashboard's recent activity is picked by the server.",
    patch: [
      {
        key: (e) => goalKeys.activity(e.data.activity.goalId),
        insert: (e) => ({ ...e.data.activity }),
        sortBy: { field: 'createdAt', order: 'desc' },
      },
    ],
    invalidate: [dashboard],
  },
  'action.created': {
    note: "Add the action to the unfiltered list and to its goal's list; other filtered lists, the goal's progress and the dashboard are the server's.",
    entity: created('action', (e) => e.data.action),
    patch: [
      append(actionKeys.list({}), (e) => e.data.action),
      append(
        (e) => actionKeys.list({ goalId: e.data.action.goalId }),
        (e) => e.data.action,
      ),
    ],
    invalidate: [
      listsWith(actionKeys.list, (e) => ({ status: e.data.action.status })),
      listsWith(actionKeys.list, (e) => ({ assigneeId: e.data.action.assigneeId })),
      ...goalProgress(),
      dashboard,
    ],
  },
  'action.status_changed': {
    note: "Status is on the event: patch the action everywhere (it leaves lists of its old status); lists of the new status, the goal's progress and the dashboard refetch.",
    entity: actionChange((e) => ({ status: e.data.status })),
    invalidate: [listsWith(actionKeys.list, (e) => ({ status: e.data.status })), ...goalProgress(), dashboard],
  },
  'action.completed': {
    note: 'Completed means status done and progress 100: patch it everywhere; "done" lists, the goal\'s progress and the dashboard refetch.',
    entity: actionChange(() => ({ status: 'done', progress: 100 })),
    invalidate: [listsWith(actionKeys.list, () => ({ status: 'done' })), ...goalProgress(), dashboard],
  },
  'action.priority_changed': {
    note: 'Priority is on the event and no list filters by it: patch the action everywhere; the goal and the dashboard refetch.',
    entity: actionChange((e) => ({ priority: e.data.priority })),
    invalidate: [...goalProgress(), dashboard],
  },
  'action.reassigned': {
    note: "Assignee is on the event: patch the action everywhere (it leaves the old assignee's lists); the new assignee's lists, the goal and the dashboard refetch.",
    entity: actionChange((e) => ({ assigneeId: e.data.assigneeId })),
    invalidate: [listsWith(actionKeys.list, (e) => ({ assigneeId: e.data.assigneeId })), ...goalProgress(), dashboard],
  },
  'action.progress_updated': {
    note: "Progress is on the event and changes no list membership: patch the action everywhere; the goal's progress and the dashboard are computed by the server.",
    entity: actionChange((e) => ({ progress: e.data.progress })),
    invalidate: [...goalProgress(), dashboard],
  },
  'measure.reading.created': {
    note: "The reading is the measure's new current value: append it to the readings (oldest first) and patch the measure in its detail, its list and the dashboard.",
    entity: {
      kind: 'measure',
      id: (e) => e.data.measureId,
      version: (e) => e.data.reading.recordedAt,
      changes: (e) => ({ currentValue: e.data.reading.value }),
    },
    patch: [
      {
        key: (e) => measureKeys.readings(e.data.measureId),
        insert: (e) => ({ ...e.data.reading }),
        sortBy: { field: 'recordedAt', order: 'asc' },
      },
      {
        key: dashboardKeys.summary(),
        update: (cached, e) =>
          patchEntityInArray(
            cached,
            'measures',
            e.data.measureId,
            { currentValue: e.data.reading.value },
            e.data.reading.recordedAt,
          ),
      },
    ],
  },
  'issue.created': {
    note: "The event carries the whole issue: add it to the unfiltered list; lists filtered by its status and the open-issue count are the server's.",
    entity: created('issue', (e) => e.data.issue),
    patch: [append(issueKeys.list({}), (e) => e.data.issue)],
    invalidate: [listsWith(issueKeys.list, (e) => ({ status: e.data.issue.status })), dashboard],
  },
  'issue.status_changed': {
    note: 'Status is on the event: patch the issue everywhere (it leaves lists of its old status); lists of the new status and the open-issue count refetch.',
    entity: {
      kind: 'issue',
      id: (e) => e.data.issueId,
      version: (e) => e.data.updatedAt,
      changes: (e) => ({ status: e.data.status }) satisfies Partial<Issue>,
    },
    invalidate: [listsWith(issueKeys.list, (e) => ({ status: e.data.status })), dashboard],
  },
  'decision.created': {
    note: 'The event carries the whole decision: add it to the decision list. Nothing server-computed depends on it.',
    patch: [append(decisionKeys.list(), (e) => e.data.decision)],
  },
  'attachment.created': {
    note: 'The event carries the whole attachment: add it to the list of the entity it is attached to.',
    patch: [
      append(
        (e) => attachmentKeys.list(e.data.attachment.entityType, e.data.attachment.entityId),
        (e) => e.data.attachment,
      ),
    ],
  },
} satisfies EventMap;
