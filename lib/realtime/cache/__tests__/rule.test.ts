import { describe, expect, it } from 'vitest';
import { goalKeys } from '@/lib/api/keys';
import { resolveKey } from '../event-map';
import { event } from '../../__tests__/helpers/bridge-fixtures';

describe('resolveKey', () => {
  it('returns a static key as is and computes a key from the event', () => {
    const completed = event('goal.completed');
    expect(resolveKey(goalKeys.all, completed)).toBe(goalKeys.all);
    expect(resolveKey<'goal.completed'>((e) => goalKeys.detail(e.data.goalId), completed)).toEqual(
      goalKeys.detail('g-1'),
    );
    expect(resolveKey(() => null, completed)).toBe(null);
  });
});
