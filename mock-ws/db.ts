import type {
  WireAction,
  WireActivity,
  WireAttachment,
  WireDecision,
  WireGoal,
  WireIssue,
  WireMeasure,
  WireReading,
  WireTenant,
} from '../lib/protocol';

/** The in-memory database. Every row knows its tenant; the wire entity is kept apart so it is sent as-is. */
export type Row<T> = { tenant: string; value: T };

export type User = { id: string; name: string; email: string; tenants: string[] };

export const ID_PREFIXES = {
  user: 'u',
  goal: 'g',
  action: 'a',
  measure: 'm',
  reading: 'r',
  issue: 'i',
  decision: 'd',
  activity: 'ac',
  attachment: 'at',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

export type Db = {
  tenants: Map<string, WireTenant>;
  users: Map<string, User>;
  goals: Map<string, Row<WireGoal>>;
  actions: Map<string, Row<WireAction>>;
  measures: Map<string, Row<WireMeasure>>;
  readings: Map<string, Row<WireReading>>;
  issues: Map<string, Row<WireIssue>>;
  decisions: Map<string, Row<WireDecision>>;
  activity: Map<string, Row<WireActivity>>;
  attachments: Map<string, Row<WireAttachment>>;
  /** Last id number handed out, per kind; ids are unique across tenants. */
  counters: Record<IdKind, number>;
  /** Last event sequence number, per tenant. */
  eventSeq: Record<string, number>;
};

export function emptyDb(): Db {
  return {
    tenants: new Map(),
    users: new Map(),
    goals: new Map(),
    actions: new Map(),
    measures: new Map(),
    readings: new Map(),
    issues: new Map(),
    decisions: new Map(),
    activity: new Map(),
    attachments: new Map(),
    counters: {
      user: 0,
      goal: 0,
      action: 0,
      measure: 0,
      reading: 0,
      issue: 0,
      decision: 0,
      activity: 0,
      attachment: 0,
    },
    eventSeq: {},
  };
}

export function nextId(db: Db, kind: IdKind): string {
  db.counters[kind] += 1;
  return `${ID_PREFIXES[kind]}-${db.counters[kind]}`;
}

/** Per-tenant event id, zero-padded so string order equals numeric order. */
export function nextEventId(db: Db, tenant: string): string {
  const seq = (db.eventSeq[tenant] ?? 0) + 1;
  db.eventSeq[tenant] = seq;
  return `${tenant}-${String(seq).padStart(6, '0')}`;
}

export function rowsOf<T>(map: Map<string, Row<T>>, tenant: string): T[] {
  const out: T[] = [];
  for (const row of map.values()) if (row.tenant === tenant) out.push(row.value);
  return out;
}

export function membersOf(db: Db, tenant: string): User[] {
  return [...db.users.values()].filter((user) => user.tenants.includes(tenant));
}
