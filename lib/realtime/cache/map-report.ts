import type { QueryKey } from '@tanstack/query-core';
import { decodeFrame, EVENT_TYPES, exampleEvents, type DomainEvent, type EventType } from '@/lib/protocol';
import { coveredKeys, ENTITIES } from './entities';
import { eventMap, resolveKey, type Rule } from './event-map';

/**
 * The event map as data a person can read: per event type, the keys its rule patches and the key
 * prefixes it invalidates, with the rule's note. Generated from `eventMap` itself by resolving
 * each rule against a placeholder event, whose every string field is `<its path>`: a key part
 * that comes from the event prints as `<actionId>`, a constant prints as itself. Pure: no I/O.
 * `npm run map:report` prints it; docs/event-map.generated.md is its committed Markdown.
 */

export type InvalidatedKey = { key: QueryKey; exact: boolean };

export type EntityReport = {
  kind: string;
  id: string;
  /** Fields the event sets on the entity (camelCase). */
  fields: string[];
  /** Patched when cached. */
  detail: QueryKey | null;
  /** Every cached list under this prefix that holds the entity is patched. */
  lists: QueryKey;
};

export type RuleReport = {
  type: EventType;
  note: string;
  entity: EntityReport | null;
  /** Exact keys the rule's `patch` targets rewrite (inserts and other updaters). */
  patched: QueryKey[];
  /** Prefixes (or, with `exact`, single keys) queued for a coalesced invalidation. */
  invalidated: InvalidatedKey[];
};

export type MapReport = {
  rules: RuleReport[];
  /** Key families a resync after a reconnect invalidates once each. */
  resync: QueryKey[];
};

/** Above this many fields an entity patch is printed as "the whole <kind>". */
const WHOLE_ENTITY_FIELDS = 5;

/** What one rule does for one event: keys it would patch and invalidate (null keys are left out). */
export function describeRule<T extends EventType>(type: T, event: DomainEvent<T>): RuleReport {
  const rule = eventMap[type] as Rule<T>;
  const entity: EntityReport | null =
    rule.entity === undefined
      ? null
      : {
          kind: rule.entity.kind,
          id: rule.entity.id(event),
          fields: Object.keys(rule.entity.changes(event)),
          detail: ENTITIES[rule.entity.kind].detail?.(rule.entity.id(event)) ?? null,
          lists: ENTITIES[rule.entity.kind].lists,
        };
  const patched: QueryKey[] = [];
  for (const target of rule.patch ?? []) {
    const key = resolveKey(target.key, event);
    if (key !== null) patched.push(key);
  }
  const invalidated: InvalidatedKey[] = [];
  for (const target of rule.invalidate ?? []) {
    const key = resolveKey(target.key, event);
    if (key !== null) invalidated.push({ key, exact: target.exact === true });
  }
  return { type, note: rule.note, entity, patched, invalidated };
}

/** The normalized example event of `type` with every string leaf replaced by `<path>`. */
export function placeholderEvent<T extends EventType>(type: T): DomainEvent<T> {
  const parsed = decodeFrame(
    JSON.stringify({ type, timestamp: '2026-01-01T00:00:00.000Z', data: exampleEvents[type] }),
  );
  if (!parsed.ok)
    throw new Error(
      `The example event for ${type} does not validate (${parsed.message}); fix lib/protocol/examples.ts.`,
    );
  const event = parsed.frame as DomainEvent<T>;
  return { ...event, data: placeholders(event.data, '') as DomainEvent<T>['data'] };
}

function placeholders(value: unknown, path: string): unknown {
  if (typeof value === 'string') return `<${path}>`;
  if (Array.isArray(value)) return value.map((item, i) => placeholders(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      out[key] = placeholders(item, path === '' ? key : `${path}.${key}`);
    return out;
  }
  return value;
}

export function buildMapReport(): MapReport {
  return {
    rules: EVENT_TYPES.map((type) => describeRule(type, placeholderEvent(type))),
    resync: [...coveredKeys],
  };
}

/** A query key as code: `['actions', 'list', { status: <status> }]`; placeholders stay unquoted. */
export function formatKey(key: QueryKey): string {
  return `[${key.map(formatPart).join(', ')}]`;
}

function formatPart(part: unknown): string {
  if (typeof part === 'string') return /^<[\w.[\]]+>$/.test(part) ? part : `'${part}'`;
  if (Array.isArray(part)) return `[${part.map(formatPart).join(', ')}]`;
  if (part !== null && typeof part === 'object') {
    const entries = Object.entries(part);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${formatPart(v)}`).join(', ')} }`;
  }
  return String(part);
}

/** One printable line: a key as code, and what happens to it. */
export type KeyLine = { code: string; remark?: string };

/** One line per patched key, as the Markdown table and the devtools panel print them. */
export function patchedLines(rule: RuleReport): KeyLine[] {
  const lines: KeyLine[] = [];
  if (rule.entity !== null) {
    const { kind, fields, detail, lists } = rule.entity;
    const what = fields.length > WHOLE_ENTITY_FIELDS ? `the whole ${kind}` : fields.join(', ');
    if (detail !== null) lines.push({ code: formatKey(detail), remark: what });
    lines.push({ code: `${formatKey(lists).slice(0, -1)}, …]`, remark: `every cached list holding it: ${what}` });
  }
  for (const key of rule.patched) lines.push({ code: formatKey(key) });
  return lines;
}

export function invalidatedLines(rule: RuleReport): KeyLine[] {
  return rule.invalidated.map(({ key, exact }) =>
    exact ? { code: formatKey(key), remark: 'exact' } : { code: formatKey(key) },
  );
}

const text = (value: string) => value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const cell = (lines: KeyLine[]) =>
  lines.length === 0
    ? '—'
    : lines
        .map(({ code, remark }) => (remark === undefined ? `\`${code}\`` : `\`${code}\` (${text(remark)})`))
        .join('<br>');

export function renderMarkdown(report: MapReport = buildMapReport()): string {
  const rows = report.rules.map(
    (rule) =>
      `| \`${rule.type}\` | ${cell(patchedLines(rule))} | ${cell(invalidatedLines(rule))} | ${text(rule.note)} |`,
  );
  return [
    '# Event map report',
    '',
    '<!-- Generated from lib/realtime/cache/event-map.ts by `npm run map:report -- --write`. Do not edit by hand. -->',
    '',
    'What each server event does to the TanStack Query cache. `<path>` is a value taken from the event',
    '(camelCase payload path); anything else is a constant. Patches apply only over older data;',
    'invalidations match key prefixes (unless marked exact), are coalesced per flush window, and only',
    'active queries refetch. The guide is [event-map.md](./event-map.md).',
    '',
    '| Event type | Keys patched | Key prefixes invalidated | Notes |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `After a reconnect, a resync invalidates: ${report.resync.map((key) => `\`${formatKey(key)}\``).join(', ')}.`,
    '',
  ].join('\n');
}

export function renderJson(report: MapReport = buildMapReport()): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
