import {
  encodeEvent,
  EVENT_TYPES,
  type ActionStatus,
  type EventType,
  type GoalStatus,
  type IssueStatus,
  type WireAction,
  type WireFrame,
  type WireGoal,
  type WireIssue,
  type WireMeasure,
} from '@/lib/protocol';
import { ACTION_STATUSES, ISSUE_STATUSES, PRIORITIES } from '@/lib/protocol';
import { createRng, type Rng } from './rng';
import type { World } from './world';

/**
 * A seeded stream of wire frames, as text, as the socket delivers them. Every frame is built with
 * `encodeEvent` (so it is valid), ids increase, and the clock moves forward one step per event, so
 * each entity's `updated_at` increases and no event is stale against the seeded cache. Status
 * changes carry the entity's real previous status: the generator keeps its own copy of the world.
 */

/**
 * Relative frequency of each event type: progress and status churn dominate; creations are rare
 * (about 2.5% in all), as in a planning tool where most writes edit what exists.
 */
export const EVENT_MIX: Record<EventType, number> = {
  'goal.created': 0.2,
  'goal.activated': 1.5,
  'goal.completed': 1.5,
  'goal.cancelled': 0.5,
  'goal.activity.created': 10,
  'action.created': 1,
  'action.status_changed': 12,
  'action.completed': 3,
  'action.priority_changed': 5,
  'action.reassigned': 5,
  'action.progress_updated': 30,
  'measure.reading.created': 12,
  'issue.created': 0.5,
  'issue.status_changed': 6,
  'decision.created': 1,
  'attachment.created': 4,
};

/** Only events that change an existing entity: what a burst on a few entities consists of. */
export const UPDATE_MIX: Partial<Record<EventType, number>> = {
  'goal.activated': 1,
  'goal.completed': 1,
  'goal.activity.created': 4,
  'action.status_changed': 8,
  'action.priority_changed': 4,
  'action.reassigned': 4,
  'action.progress_updated': 20,
  'measure.reading.created': 6,
  'issue.status_changed': 4,
};

export const FRAME_DEFAULTS = {
  seed: 42,
  events: 100_000,
  /** The first event's time: one hour after the world was seeded. */
  startMs: Date.parse('2026-01-01T01:00:00.000Z'),
  /** Milliseconds of event time between two events. */
  stepMs: 1,
  /** The first frame id's sequence number (`t1-000000001`). */
  firstId: 1,
};

export type FrameOptions = Partial<typeof FRAME_DEFAULTS> & {
  mix?: Partial<Record<EventType, number>>;
  /** Restrict updates to these entities (default: the whole world). */
  pool?: World;
};

export function generateFrames(world: World, options: FrameOptions = {}): string[] {
  const { seed, events, startMs, stepMs, firstId } = { ...FRAME_DEFAULTS, ...options };
  const rng = createRng(seed);
  const pool = options.pool ?? world;
  const state = new Model(
    pool,
    world.people.map((p) => p.id),
  );
  const pickType = weightedPicker(options.mix ?? EVENT_MIX, rng);
  const frames = new Array<string>(events);
  for (let i = 0; i < events; i++) {
    const meta = { id: frameId(firstId + i), timestamp: new Date(startMs + i * stepMs).toISOString() };
    frames[i] = JSON.stringify(state.event(pickType(), rng, meta));
  }
  return frames;
}

export function frameId(sequence: number): string {
  return `t1-${String(sequence).padStart(9, '0')}`;
}

function weightedPicker(mix: Partial<Record<EventType, number>>, rng: Rng): () => EventType {
  const types = EVENT_TYPES.filter((t) => (mix[t] ?? 0) > 0);
  if (types.length === 0) throw new RangeError('generateFrames: the event mix has no positive weight.');
  const cumulative: number[] = [];
  let total = 0;
  for (const t of types) cumulative.push((total += mix[t] ?? 0));
  return () => {
    const x = rng.next() * total;
    let i = 0;
    while (i < cumulative.length - 1 && x >= cumulative[i]!) i++;
    return types[i]!;
  };
}

type Meta = { id: string; timestamp: string };

/** The generator's own copy of the world, so previous values in events are the real ones. */
class Model {
  private readonly goals: WireGoal[];
  private readonly actions: WireAction[];
  private readonly measures: WireMeasure[];
  private readonly issues: WireIssue[];
  private created = 100_000;

  constructor(
    pool: World,
    private readonly people: string[],
  ) {
    this.goals = pool.goals.map((g) => ({ ...g }));
    this.actions = pool.actions.map((a) => ({ ...a }));
    this.measures = pool.measures.map((m) => ({ ...m }));
    this.issues = pool.issues.map((i) => ({ ...i }));
  }

  event(type: EventType, rng: Rng, meta: Meta): WireFrame {
    const at = meta.timestamp;
    const newId = (prefix: string) => `${prefix}-${++this.created}`;
    const person = () => rng.pick(this.people);
    switch (type) {
      case 'goal.created': {
        const goal = {
          ...rng.pick(this.goals),
          id: newId('g'),
          status: 'draft' as const,
          progress: 0,
          created_at: at,
          updated_at: at,
        };
        return encodeEvent(type, { goal }, meta);
      }
      case 'goal.activated':
      case 'goal.completed':
      case 'goal.cancelled': {
        const status = GOAL_TARGET[type];
        const goal = pickWhere(this.goals, rng, (g) => g.status !== status);
        const previous = goal.status;
        Object.assign(goal, { status, updated_at: at });
        return encodeEvent(type, { goal_id: goal.id, previous_status: previous, status, updated_at: at }, meta);
      }
      case 'goal.activity.created': {
        const goal = rng.pick(this.goals);
        const activity = {
          id: newId('ac'),
          goal_id: goal.id,
          kind: 'comment',
          message: 'Shortlist is ready.',
          actor_id: person(),
          created_at: at,
        };
        return encodeEvent(type, { activity }, meta);
      }
      case 'action.created': {
        const goal = rng.pick(this.goals);
        const action = {
          ...rng.pick(this.actions),
          id: newId('a'),
          goal_id: goal.id,
          status: 'not_started' as const,
          progress: 0,
          created_at: at,
          updated_at: at,
        };
        return encodeEvent(type, { action }, meta);
      }
      case 'action.status_changed': {
        const action = pickWhere(this.actions, rng, (a) => a.status !== 'done');
        const previous = action.status;
        const status = pickOther<ActionStatus>(
          ACTION_STATUSES.filter((s) => s !== 'done'),
          previous,
          rng,
        );
        Object.assign(action, { status, updated_at: at });
        return encodeEvent(
          type,
          { action_id: action.id, goal_id: action.goal_id, previous_status: previous, status, updated_at: at },
          meta,
        );
      }
      case 'action.completed': {
        const action = pickWhere(this.actions, rng, (a) => a.status !== 'done');
        Object.assign(action, { status: 'done', progress: 100, updated_at: at });
        return encodeEvent(
          type,
          { action_id: action.id, goal_id: action.goal_id, completed_at: at, updated_at: at },
          meta,
        );
      }
      case 'action.priority_changed': {
        const action = rng.pick(this.actions);
        const previous = action.priority;
        const priority = pickOther(PRIORITIES, previous, rng);
        Object.assign(action, { priority, updated_at: at });
        return encodeEvent(
          type,
          { action_id: action.id, goal_id: action.goal_id, previous_priority: previous, priority, updated_at: at },
          meta,
        );
      }
      case 'action.reassigned': {
        const action = rng.pick(this.actions);
        const previous = action.assignee_id;
        const assignee = pickOther(this.people, previous ?? '', rng);
        Object.assign(action, { assignee_id: assignee, updated_at: at });
        return encodeEvent(
          type,
          {
            action_id: action.id,
            goal_id: action.goal_id,
            previous_assignee_id: previous,
            assignee_id: assignee,
            updated_at: at,
          },
          meta,
        );
      }
      case 'action.progress_updated': {
        const action = rng.pick(this.actions);
        const progress = rng.int(101);
        Object.assign(action, { progress, updated_at: at });
        return encodeEvent(type, { action_id: action.id, goal_id: action.goal_id, progress, updated_at: at }, meta);
      }
      case 'measure.reading.created': {
        const measure = rng.pick(this.measures);
        const value = rng.int(1_000) / 10;
        Object.assign(measure, { current_value: value, updated_at: at });
        const reading = { id: newId('r'), measure_id: measure.id, value, recorded_at: at, recorded_by: person() };
        return encodeEvent(type, { measure_id: measure.id, reading }, meta);
      }
      case 'issue.created': {
        const issue = {
          ...rng.pick(this.issues),
          id: newId('i'),
          status: 'open' as const,
          created_at: at,
          updated_at: at,
        };
        return encodeEvent(type, { issue }, meta);
      }
      case 'issue.status_changed': {
        const issue = rng.pick(this.issues);
        const previous = issue.status;
        const status = pickOther<IssueStatus>(ISSUE_STATUSES, previous, rng);
        Object.assign(issue, { status, updated_at: at });
        return encodeEvent(type, { issue_id: issue.id, previous_status: previous, status, updated_at: at }, meta);
      }
      case 'decision.created': {
        const issue = rng.pick(this.issues);
        const decision = {
          id: newId('d'),
          title: 'Use an external recruiter',
          outcome: 'Approved for two roles.',
          issue_id: issue.id,
          goal_id: issue.goal_id ?? null,
          decided_by: person(),
          created_at: at,
        };
        return encodeEvent(type, { decision }, meta);
      }
      case 'attachment.created': {
        const action = rng.pick(this.actions);
        const attachment = {
          id: newId('at'),
          entity_type: 'action' as const,
          entity_id: action.id,
          file_name: 'notes.pdf',
          size_bytes: 48_213,
          url: '/files/notes.pdf',
          created_at: at,
        };
        return encodeEvent(type, { attachment }, meta);
      }
    }
  }
}

const GOAL_TARGET: Record<'goal.activated' | 'goal.completed' | 'goal.cancelled', GoalStatus> = {
  'goal.activated': 'active',
  'goal.completed': 'completed',
  'goal.cancelled': 'cancelled',
};

/** A random item that satisfies `ok`, or any item when a few tries find none. */
function pickWhere<T>(items: readonly T[], rng: Rng, ok: (item: T) => boolean): T {
  for (let attempt = 0; attempt < 8; attempt++) {
    const item = rng.pick(items);
    if (ok(item)) return item;
  }
  return rng.pick(items);
}

function pickOther<T>(choices: readonly T[], current: T, rng: Rng): T {
  const others = choices.filter((c) => c !== current);
  return rng.pick(others.length > 0 ? others : choices);
}
