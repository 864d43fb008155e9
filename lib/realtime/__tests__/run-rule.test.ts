import { describe, expect, it } from 'vitest';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import type { ApplyContext } from '../apply-event';
import { CacheIndex } from '../cache-index';
import { EntityVersions } from '../entity-versions';
import { coveredKeys } from '../event-map';
import { InflightGuard } from '../inflight-guard';
import { runRule } from '../run-rule';
import { WriteBatch } from '../write-batch';
import { action1, event, newClient } from './helpers/bridge-fixtures';

function context(client = newClient()): ApplyContext {
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
    const hostile = { ...action1 };
    Object.defineProperty(hostile, 'updatedAt', {
      enumerable: true,
      get: () => {
        throw 'token ?access_token=eyJsecret';
      },
    });
    client.setQueryData(actionKeys.detail('a-1'), hostile);
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
    const run = runRule(unknown, context(), 'plan');
    expect(run.result).toMatchObject({
      status: 'applied',
      invalidations: coveredKeys.map((key) => ({ key, exact: false })),
    });
    expect(run.note).toMatch(/No rule for this event type/);
    expect(run.result.status === 'applied' && run.result.invalidations[0]?.key).toEqual(goalKeys.all);
  });
});
