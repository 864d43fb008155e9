import type { QueryKey } from '@tanstack/query-core';
import { eventEntity, type DomainEvent } from '@/lib/protocol';
import {
  actionKeys,
  attachmentKeys,
  dashboardKeys,
  decisionKeys,
  goalKeys,
  issueKeys,
  measureKeys,
} from '@/lib/api/keys';
import { applyRule, type ApplyContext, type ApplyMode, type ApplyResult } from './apply-event';
import { coveredKeys, eventMap, type Rule } from './event-map';
import { redact } from './redact';

/** What to refetch when a rule throws: the event's whole family and the dashboard. */
const FAMILY_KEYS: Record<ReturnType<typeof eventEntity>, QueryKey> = {
  goal: goalKeys.all,
  action: actionKeys.all,
  measure: measureKeys.all,
  issue: issueKeys.all,
  decision: decisionKeys.all,
  attachment: attachmentKeys.all,
};

export type RuleRun = {
  result: ApplyResult;
  /** The rule's note, for the devtools. */
  note: string;
  /** Set when the rule threw; the result then refetches the event's family instead. */
  error?: string;
};

/** Look up the event's rule and run it; never throws (a failing rule falls back to refetching). */
export function runRule(event: DomainEvent, ctx: ApplyContext, mode: ApplyMode): RuleRun {
  const rule = eventMap[event.type] as Rule | undefined;
  try {
    if (rule === undefined) throw new Error('no rule in the event map');
    return { result: applyRule(rule, event, ctx, mode), note: rule.note };
  } catch (thrown) {
    // Never throw into the socket handler: fall back to refetching what the event may touch.
    const error = redact(
      `Applying ${event.type} failed (${thrown instanceof Error ? thrown.message : String(thrown)}); its family is refetched instead.`,
    );
    const family = FAMILY_KEYS[eventEntity(event.type)] as QueryKey | undefined;
    const keys = family === undefined ? coveredKeys : [family, dashboardKeys.all];
    const result: ApplyResult = {
      status: 'applied',
      patched: [],
      invalidations: keys.map((key) => ({ key, exact: false })),
    };
    return {
      result,
      note: rule?.note ?? 'No rule for this event type: everything the map covers is refetched.',
      error,
    };
  }
}
