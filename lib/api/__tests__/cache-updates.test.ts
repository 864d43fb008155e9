import { beforeEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { patchOptimistically, writeEntity } from '../cache-updates';
import { goalCache } from '../goals';
import { goalKeys } from '../keys';
import type { Goal, ListResponse } from '../types';

const T0 = '2026-11-27T10:00:00.000Z';
const T1 = '2026-11-27T10:00:01.000Z';
const T2 = '2026-11-27T10:00:02.000Z';
const goal = (over: Partial<Goal> = {}): Goal => ({
  id: 'g-1',
  title: 'Hire two engineers',
  description: '',
  status: 'active',
  ownerId: 'u-ava',
  progress: 40,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

let client: QueryClient;
const list = (filters = {}) => client.getQueryData<ListResponse<Goal>>(goalKeys.list(filters)) ?? { items: [] };
const stale = (filters = {}) => client.getQueryState(goalKeys.list(filters))?.isInvalidated;

beforeEach(() => {
  client = new QueryClient();
  client.setQueryData(goalKeys.detail('g-1'), goal());
  client.setQueryData(goalKeys.list(), { items: [goal(), goal({ id: 'g-2', title: 'Ship v2' })] });
  client.setQueryData(goalKeys.list({ status: 'active' }), { items: [goal()] });
  client.setQueryData(goalKeys.list({ status: 'completed' }), { items: [] });
});

describe('writeEntity', () => {
  it('replaces the entity in the detail and matching lists, and moves it out of lists it left', () => {
    writeEntity(client, goalCache, goal({ status: 'completed', updatedAt: T1 }));
    expect(client.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ status: 'completed' });
    expect(list().items.map((g) => [g.id, g.status])).toEqual([
      ['g-1', 'completed'],
      ['g-2', 'active'],
    ]);
    expect(list({ status: 'active' }).items).toEqual([]);
    expect(list({ status: 'completed' }).items).toEqual([]);
    expect(stale({ status: 'completed' })).toBe(true);
  });

  it('never replaces newer cached data (an echoed event that already arrived wins)', () => {
    client.setQueryData(goalKeys.detail('g-1'), goal({ status: 'cancelled', updatedAt: T2 }));
    writeEntity(client, goalCache, goal({ status: 'completed', updatedAt: T1 }));
    expect(client.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ status: 'cancelled' });
  });

  it('inserts a created entity once into the lists it matches', () => {
    const created = goal({ id: 'g-3', title: 'New', status: 'draft' });
    writeEntity(client, goalCache, created, { insert: true });
    writeEntity(client, goalCache, created, { insert: true });
    expect(list().items.map((g) => g.id)).toEqual(['g-1', 'g-2', 'g-3']);
    expect(list({ status: 'active' }).items.map((g) => g.id)).toEqual(['g-1']);
  });
});

describe('patchOptimistically', () => {
  it('patches every cached copy and rolls back to the previous value', () => {
    const result = patchOptimistically(client, goalCache, 'g-1', { status: 'completed' });
    expect(result.previous).toMatchObject({ status: 'active' });
    expect(client.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ status: 'completed', updatedAt: T0 });
    expect(list({ status: 'active' }).items[0]).toMatchObject({ status: 'completed' });
    result.rollback();
    expect(client.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ status: 'active' });
    expect(list().items[0]).toMatchObject({ status: 'active' });
  });

  it('does not roll back over newer data from the server', () => {
    const result = patchOptimistically(client, goalCache, 'g-1', { status: 'completed' });
    client.setQueryData(goalKeys.detail('g-1'), goal({ status: 'cancelled', updatedAt: T1 }));
    result.rollback();
    expect(client.getQueryData(goalKeys.detail('g-1'))).toMatchObject({ status: 'cancelled' });
    expect(list().items[0]).toMatchObject({ status: 'active' });
  });
});
