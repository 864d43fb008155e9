import type { QueryKey } from '@tanstack/query-core';
import type { EventEntity } from '@/lib/protocol';
import {
  actionKeys,
  attachmentKeys,
  dashboardKeys,
  decisionKeys,
  goalKeys,
  issueKeys,
  measureKeys,
} from '@/lib/api/keys';

/**
 * The entity table: each kind of entity the events are about, and where the cache holds it. The
 * event map's entity rules take their detail and list keys from here, the bridge indexes the
 * lists, a resync covers every family, a rule that throws refetches its kind's families, and the
 * map report and the bench read it too. Adding an entity kind is one row here, plus its rules.
 */
export type EntityInfo = {
  /** The root of its query keys (`['actions']`). */
  root: QueryKey;
  /** Its detail key, when it has a detail query. */
  detail: ((id: string) => QueryKey) | null;
  /** The prefix of its lists (`['actions', 'list']`): a patch reaches every cached list under it that holds the entity. */
  lists: QueryKey;
  /** The field that identifies a cached copy. */
  idField: 'id';
  /** The field that orders versions of a cached copy: a copy with a newer value is left alone. */
  versionField: 'updatedAt' | 'createdAt';
  /** Every key family a copy of it or a value computed from it is cached under: what a resync or a failed rule refetches. */
  families: readonly QueryKey[];
};

export const ENTITIES = {
  goal: {
    root: goalKeys.all,
    detail: goalKeys.detail,
    lists: goalKeys.lists(),
    idField: 'id',
    versionField: 'updatedAt',
    families: [goalKeys.all, dashboardKeys.all],
  },
  action: {
    root: actionKeys.all,
    detail: actionKeys.detail,
    lists: actionKeys.lists(),
    idField: 'id',
    versionField: 'updatedAt',
    families: [actionKeys.all, dashboardKeys.all],
  },
  measure: {
    root: measureKeys.all,
    detail: measureKeys.detail,
    lists: measureKeys.lists(),
    idField: 'id',
    versionField: 'updatedAt',
    families: [measureKeys.all, dashboardKeys.all],
  },
  issue: {
    root: issueKeys.all,
    detail: issueKeys.detail,
    lists: issueKeys.lists(),
    idField: 'id',
    versionField: 'updatedAt',
    families: [issueKeys.all, dashboardKeys.all],
  },
  decision: {
    root: decisionKeys.all,
    detail: null,
    lists: decisionKeys.lists(),
    idField: 'id',
    versionField: 'createdAt',
    families: [decisionKeys.all],
  },
  attachment: {
    root: attachmentKeys.all,
    detail: null,
    lists: attachmentKeys.lists(),
    idField: 'id',
    versionField: 'createdAt',
    families: [attachmentKeys.all],
  },
} as const satisfies Record<EventEntity, EntityInfo>;

/** The kinds of entity events are about (`goal`, `action`, …), one per row of the table. */
export type EntityKind = keyof typeof ENTITIES;

/** Key families the map covers: every family of every kind, once, roots first (what a resync invalidates). */
export const coveredKeys: readonly QueryKey[] = (() => {
  const rows: readonly EntityInfo[] = Object.values(ENTITIES);
  const byRoot = new Map<unknown, QueryKey>();
  for (const family of [...rows.map((row) => row.root), ...rows.flatMap((row) => row.families)]) {
    if (!byRoot.has(family[0])) byRoot.set(family[0], family);
  }
  return [...byRoot.values()];
})();
