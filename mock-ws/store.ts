import { encodeEvent, type EventType, type WireEventData, type WireFrame } from '../lib/protocol';
import { notFound } from './api-error';
import type { Clock } from './clock';
import { nextEventId, type Db, type Row, type User } from './db';
import { buildSeed } from './seed';

/** Delivers an encoded event frame to a tenant's sockets; returns how many sockets it was meant for. */
export type Publish = (tenant: string, frame: WireFrame) => number;

export type Store = {
  readonly db: Db;
  readonly clock: Clock;
  /** Restore the seed exactly, including id and event counters. */
  reset(): void;
  /** Validate, number and publish an event for a tenant. `id` overrides the next per-tenant id. */
  emit<T extends EventType>(
    tenant: string,
    type: T,
    data: WireEventData<T>,
    id?: string,
  ): { frame: WireFrame<T>; sent: number };
  user(id: string): User | undefined;
  isMember(tenant: string, userId: string): boolean;
  /** The tenant's entity with this id, or a 404 ApiError naming it. */
  get<T>(map: Map<string, Row<T>>, tenant: string, id: string, what: string): T;
  find<T>(map: Map<string, Row<T>>, tenant: string, id: string): T | undefined;
};

export function createStore(opts: { seedDate: string; clock: Clock; publish: Publish }): Store {
  let db = buildSeed(opts.seedDate);
  const find = <T>(map: Map<string, Row<T>>, tenant: string, id: string): T | undefined => {
    const row = map.get(id);
    return row && row.tenant === tenant ? row.value : undefined;
  };
  return {
    get db() {
      return db;
    },
    clock: opts.clock,
    reset() {
      db = buildSeed(opts.seedDate);
    },
    emit(tenant, type, data, id) {
      // Validate before numbering, so a rejected event does not use up an id.
      const frame = encodeEvent(type, data, { timestamp: new Date(opts.clock.now()).toISOString() });
      frame.id = id ?? nextEventId(db, tenant);
      return { frame, sent: opts.publish(tenant, frame as WireFrame) };
    },
    user: (id) => db.users.get(id),
    isMember: (tenant, userId) => db.users.get(userId)?.tenants.includes(tenant) ?? false,
    find,
    get(map, tenant, id, what) {
      const value = find(map, tenant, id);
      if (value === undefined) throw notFound(`${what} "${clipId(id)}"`);
      return value;
    },
  };
}

function clipId(id: string): string {
  return id.length > 60 ? `${id.slice(0, 60)}…` : id;
}
