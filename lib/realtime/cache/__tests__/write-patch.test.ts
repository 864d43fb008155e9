import { describe, expect, it } from 'vitest';
import { QueryObserver } from '@tanstack/query-core';
import { writePatch } from '../inflight-guard';
import { newClient } from '../../__tests__/helpers/bridge-fixtures';

describe('writePatch', () => {
  it('writes the value itself (no structural sharing pass), keeps dataUpdatedAt and an invalidation', () => {
    const client = newClient();
    client.setQueryData(['k'], { items: [{ id: 1 }] }, { updatedAt: 1_000 });
    void client.invalidateQueries({ queryKey: ['k'], refetchType: 'none' });
    const query = client.getQueryCache().find({ queryKey: ['k'] })!;
    const next = { items: [{ id: 1 }] };
    writePatch(query, next);
    expect(query.state.data).toBe(next);
    expect(query.state).toMatchObject({ dataUpdatedAt: 1_000, isInvalidated: true, status: 'success' });
  });

  it("restores the query's own structuralSharing option (or its absence: undefined)", () => {
    const client = newClient();
    const sharing = (_old: unknown, next: unknown) => next;
    const observer = new QueryObserver(client, {
      queryKey: ['s'],
      queryFn: () => 1,
      enabled: false,
      structuralSharing: sharing,
    });
    const stop = observer.subscribe(() => {});
    client.setQueryData(['s'], 1);
    client.setQueryData(['plain'], 1);
    const withOption = client.getQueryCache().find({ queryKey: ['s'] })!;
    const plain = client.getQueryCache().find({ queryKey: ['plain'] })!;
    writePatch(withOption, 2);
    writePatch(plain, 2);
    expect(withOption.options.structuralSharing).toBe(sharing);
    expect(plain.options.structuralSharing).toBeUndefined();
    expect([withOption.state.data, plain.state.data, withOption.state.isInvalidated]).toEqual([2, 2, false]);
    // Structural sharing still applies to later writes from elsewhere.
    client.setQueryData(['plain'], { deep: [1] });
    const shared = plain.state.data;
    client.setQueryData(['plain'], { deep: [1] });
    expect(plain.state.data).toBe(shared);
    stop();
  });
});
