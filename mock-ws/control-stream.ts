import { z } from 'zod';
import { ACTION_STATUSES, PRIORITIES, type ActionStatus, type EventType, type WireAction } from '../lib/protocol';
import { ApiError, parseInput } from './api-error';
import { membersOf, rowsOf } from './db';
import { createRandom, type Random } from './prng';
import type { Store } from './store';
import { patchAction } from './writes-actions';
import { addComment } from './writes-goals';
import { addReading } from './writes-records';

/** `POST /__control/stream`: a steady stream of real writes at a rate, for load and benchmarks. */

export const DEFAULTS = {
  /** How often the pacer wakes; each wake sends every event that is due by then. */
  tickMs: 10,
  maxRate: 10_000,
  maxDurationMs: 600_000,
  tenant: 'acme',
  seed: 1,
  mix: 'progress' as StreamMix,
};

export type StreamMix = 'progress' | 'mixed';

const streamBody = z.object({
  stop: z.literal(true).optional(),
  tenant: z.string().min(1).max(100).optional(),
  rate: z.number().positive().max(DEFAULTS.maxRate).optional(),
  duration_ms: z.number().int().min(1).max(DEFAULTS.maxDurationMs).optional(),
  mix: z.enum(['progress', 'mixed']).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
});

export type StreamStatus = {
  running: boolean;
  tenant: string | null;
  rate: number | null;
  duration_ms: number | null;
  mix: StreamMix | null;
  seed: number | null;
  planned: number;
  events: number;
  by_type: Record<string, number>;
  started_at: number | null;
  finished_at: number | null;
  /** Events per second actually reached, over the time the stream ran. */
  achieved_rate: number | null;
  /** Why the stream ended early, if it did. */
  stopped: string | null;
};

type Move = { type: EventType; run: () => boolean };
type Stream = StreamStatus & { tenant: string; startedAt: number; random: Random; timer?: NodeJS.Timeout };

const IDLE: StreamStatus = {
  running: false,
  tenant: null,
  rate: null,
  duration_ms: null,
  mix: null,
  seed: null,
  planned: 0,
  events: 0,
  by_type: {},
  started_at: null,
  finished_at: null,
  achieved_rate: null,
  stopped: null,
};

/**
 * Writes through the same store functions as REST (patchAction, addReading, addComment), so every
 * event is validated by `encodeEvent`, moves `updated_at` forward, goes out through the normal
 * broadcast (chaos included) and REST keeps answering the truth.
 */
export function createStreamer(deps: {
  store: Store;
  print: (line: string) => void;
  now?: () => number;
  tickMs?: number;
}) {
  const { store } = deps;
  const now = deps.now ?? (() => Date.now());
  const tickMs = deps.tickMs ?? DEFAULTS.tickMs;
  let current: Stream | null = null;
  let last: StreamStatus = IDLE;

  const snapshot = (s: Stream): StreamStatus => {
    const end = s.finished_at ?? now();
    const seconds = (end - s.startedAt) / 1_000;
    return {
      running: s.running,
      tenant: s.tenant,
      rate: s.rate,
      duration_ms: s.duration_ms,
      mix: s.mix,
      seed: s.seed,
      planned: s.planned,
      events: s.events,
      by_type: { ...s.by_type },
      started_at: s.started_at,
      finished_at: s.finished_at,
      achieved_rate: seconds > 0 ? Math.round((s.events / seconds) * 10) / 10 : null,
      stopped: s.stopped,
    };
  };

  const end = (s: Stream, reason: string | null) => {
    if (s.timer) clearInterval(s.timer);
    s.timer = undefined;
    s.running = false;
    s.finished_at = now();
    s.stopped = reason;
    last = snapshot(s);
    if (current === s) current = null;
  };

  const tick = (s: Stream) => {
    const due = Math.min(s.planned, Math.floor(((now() - s.startedAt) * (s.rate ?? 0)) / 1_000));
    try {
      const moves = movesFor(store, s.tenant, s.random, s.mix ?? 'progress');
      while (s.events < due) {
        const move = moves.next();
        if (!move) return end(s, `no open actions left in tenant ${s.tenant} to update`);
        s.events += 1;
        s.by_type[move] = (s.by_type[move] ?? 0) + 1;
      }
    } catch (error) {
      deps.print(`stream failed: ${error instanceof Error ? error.message : String(error)}`);
      return end(s, `a write failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (s.events >= s.planned) end(s, null);
  };

  const stop = (reason: string): StreamStatus => {
    if (current) end(current, reason);
    return last;
  };

  return {
    /** Parse a `POST /__control/stream` body and start, replace or stop the stream. */
    command(body: unknown): StreamStatus {
      const input = parseInput(streamBody, body, 'stream body');
      if (input.stop) return stop('stopped by POST /__control/stream {"stop":true}');
      if (input.rate === undefined || input.duration_ms === undefined) {
        throw new ApiError(
          400,
          'validation_failed',
          'Invalid stream body: rate (events per second) and duration_ms are both needed to start a stream, e.g. {"rate":500,"duration_ms":5000}; send {"stop":true} to stop one.',
        );
      }
      const tenant = input.tenant ?? DEFAULTS.tenant;
      if (!store.db.tenants.has(tenant)) {
        throw new ApiError(
          400,
          'validation_failed',
          `Unknown tenant "${tenant.slice(0, 60)}"; known tenants: ${[...store.db.tenants.keys()].join(', ')}.`,
        );
      }
      const planned = Math.round((input.rate * input.duration_ms) / 1_000);
      if (planned < 1) {
        throw new ApiError(
          400,
          'validation_failed',
          `Invalid stream body: ${input.rate} events/s for ${input.duration_ms} ms is less than one event; raise rate or duration_ms.`,
        );
      }
      if (openActions(store, tenant).length === 0) {
        throw new ApiError(
          400,
          'bad_request',
          `Tenant ${tenant} has no open action to update; POST /__control/reset restores the seed.`,
        );
      }
      stop('replaced by a new stream');
      const seed = input.seed ?? DEFAULTS.seed;
      const at = now();
      const s: Stream = {
        ...IDLE,
        running: true,
        tenant,
        rate: input.rate,
        duration_ms: input.duration_ms,
        mix: input.mix ?? DEFAULTS.mix,
        seed,
        planned,
        by_type: {},
        started_at: at,
        startedAt: at,
        random: createRandom(seed),
      };
      s.timer = setInterval(() => tick(s), tickMs);
      s.timer.unref?.();
      current = s;
      deps.print(`stream ${tenant}: ${planned} ${s.mix} events at ${input.rate}/s over ${input.duration_ms} ms`);
      return snapshot(s);
    },
    status(): StreamStatus {
      return current ? snapshot(current) : last;
    },
    /** Stop a running stream (reset, shutdown); the last status stays readable. */
    stop,
  };
}

function openActions(store: Store, tenant: string): WireAction[] {
  return rowsOf(store.db.actions, tenant).filter((a) => a.status !== 'done');
}

const OPEN_STATUSES = ACTION_STATUSES.filter((s): s is Exclude<ActionStatus, 'done'> => s !== 'done');
const CHECK_INS = [
  'Quick check-in: on track.',
  'Numbers updated.',
  'Reviewed with the team.',
  'Small step forward today.',
];

/**
 * The next writes of a stream. `progress`: only action.progress_updated. `mixed`: mostly progress, plus
 * status, priority and assignee changes on open actions (never to done, so the set stays stable),
 * measure readings and goal comments. Each returns the one event type its write sends.
 */
function movesFor(store: Store, tenant: string, random: Random, mix: StreamMix) {
  const actions = openActions(store, tenant);
  const members = membersOf(store.db, tenant);
  const actor = () => random.pick(members).id;
  const pickAction = () => (actions.length ? random.pick(actions) : undefined);
  const write = (action: WireAction, patch: Parameters<typeof patchAction>[4]) => {
    const next = patchAction(store, tenant, actor(), action.id, patch);
    actions[actions.indexOf(action)] = next;
  };
  const progress: Move = {
    type: 'action.progress_updated',
    run: () => {
      const action = pickAction();
      if (!action) return false;
      let value = random.int(1, 99);
      if (value === action.progress) value = (value % 99) + 1;
      write(action, { progress: value });
      return true;
    },
  };
  const weighted: Array<[number, Move]> = [
    [6, progress],
    [
      1,
      {
        type: 'action.status_changed',
        run: () => change(pickAction(), (a) => ({ status: random.pick(OPEN_STATUSES.filter((s) => s !== a.status)) })),
      },
    ],
    [
      1,
      {
        type: 'action.priority_changed',
        run: () => change(pickAction(), (a) => ({ priority: random.pick(PRIORITIES.filter((p) => p !== a.priority)) })),
      },
    ],
    [
      1,
      {
        type: 'action.reassigned',
        run: () =>
          change(pickAction(), (a) => {
            const others = members.filter((m) => m.id !== a.assignee_id);
            return others.length ? { assignee_id: random.pick(others).id } : null;
          }),
      },
    ],
    [
      0.5,
      {
        type: 'measure.reading.created',
        run: () => {
          const measures = rowsOf(store.db.measures, tenant);
          if (!measures.length) return false;
          const m = random.pick(measures);
          const base = m.current_value ?? m.target / 2;
          addReading(store, tenant, actor(), m.id, Math.round(base * (0.95 + random.next() * 0.1) * 10) / 10);
          return true;
        },
      },
    ],
    [
      0.5,
      {
        type: 'goal.activity.created',
        run: () => {
          const goals = rowsOf(store.db.goals, tenant);
          if (!goals.length) return false;
          addComment(store, tenant, actor(), random.pick(goals).id, random.pick(CHECK_INS));
          return true;
        },
      },
    ],
  ];
  const total = weighted.reduce((sum, [w]) => sum + w, 0);
  function change(
    action: WireAction | undefined,
    patch: (a: WireAction) => Parameters<typeof patchAction>[4] | null,
  ): boolean {
    if (!action) return false;
    const p = patch(action);
    if (!p) return false;
    write(action, p);
    return true;
  }
  const pick = (): Move => {
    if (mix === 'progress') return progress;
    let roll = random.next() * total;
    for (const [weight, move] of weighted) {
      roll -= weight;
      if (roll < 0) return move;
    }
    return progress;
  };
  return {
    /** Make one write; its event type, or null when no open action is left. */
    next(): EventType | null {
      for (let attempt = 0; attempt < 4; attempt++) {
        const move = pick();
        if (move.run()) return move.type;
      }
      return progress.run() ? progress.type : null;
    },
  };
}
