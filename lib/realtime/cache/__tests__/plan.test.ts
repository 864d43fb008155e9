import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@/lib/protocol';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import { applyPlan, type ApplyMode } from '../plan';
import { CacheIndex } from '../cache-index';
import { EntityVersions } from '../memory';
import { coveredKeys } from '../entities';
import { InflightGuard } from '../inflight-guard';
import { planEvent, type CacheContext } from '../plan';
import { WriteBatch } from '../write-batch';
import { actionThatThrows, event, newClient } from '../../__tests__/helpers/bridge-fixtures';

/** Plan and apply one event, as the bridge does, in the shape of a rule run: the result, the rule's note, the error. */
function runRule(evt: DomainEvent, cache: CacheContext, mode: ApplyMode) {
  const { note, ...result } = applyPlan(planEvent(evt, cache), cache, mode);
  if (result.status !== 'applied' || result.error === undefined) return { result, note };
  const { error, ...applied } = result;
  return { result: applied, note, error };
}

function context(client = newClient()): CacheContext {
  const queryCache = client.getQueryCache();
  const index = new CacheIndex(queryCache, [actionKeys.lists()]);
  return {
    queryCache,
    index,
    guard: new InflightGuard(10),
    versions: new EntityVersions(10),
    writes: new WriteBatch(index),
  };
}

describe('runRule', () => {
  it("returns the rule's result and note", () => {
    const run = runRule(event('goal.completed'), context(), 'apply');
    expect(run).toEqual({
      result: { status: 'applied', entity: 'goal:g-1', patched: [], invalidations: expect.any(Array) },
      note: expect.stringContaining('Status is on the event'),
    });
  });

  it('a rule that throws anything (not only an Error) falls back to refetching the family, with the reason redacted', () => {
    const client = newClient();
    client.setQueryData(actionKeys.detail('a-1'), actionThatThrows('token ?access_token=eyJsecret'));
    const run = runRule(event('action.progress_updated'), context(client), 'apply');
    expect(run.result).toEqual({
      status: 'applied',
      patched: [],
      invalidations: [
        { key: actionKeys.all, exact: false },
        { key: dashboardKeys.all, exact: false },
      ],
    });
    expect(run.error).toMatch(/^Applying action\.progress_updated failed \(token \?access_token=/);
    expect(run.error).not.toContain('eyJsecret');
  });

  it('an event type with no rule refetches everything the map covers', () => {
    const unknown = { ...event('goal.completed'), type: 'widget.created' } as unknown as Parameters<typeof runRule>[0];
    const run = runRule(unknown, context(), 'dry-run');
    expect(run.result).toMatchObject({
      status: 'applied',
      invalidations: coveredKeys.map((key) => ({ key, exact: false })),
    });
    expect(run.note).toMatch(/No rule for this event type/);
    expect(run.result.status === 'applied' && run.result.invalidations[0]?.key).toEqual(goalKeys.all);
  });
});
