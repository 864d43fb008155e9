import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '@/lib/protocol';
import { createOwnWrites } from '../own-writes';

const ts = '2026-11-27T10:00:00.000Z';
const completed = (goalId: string): DomainEvent => ({
  type: 'goal.completed',
  timestamp: ts,
  data: { goalId, previousStatus: 'active', status: 'completed', updatedAt: ts },
});

describe('createOwnWrites', () => {
  it('recognises the echo of a write while it is in flight and for a grace period after', () => {
    let now = 0;
    const own = createOwnWrites({ graceMs: 1_000, now: () => now });
    expect(own.isOwnEvent(completed('g-1'))).toBe(false);
    const settle = own.begin('goal', 'g-1');
    now = 50_000;
    expect(own.isOwnEvent(completed('g-1'))).toBe(true);
    expect(own.isOwnEvent(completed('g-2'))).toBe(false);
    settle();
    settle();
    now += 1_000;
    expect(own.isOwnEvent(completed('g-1'))).toBe(true);
    now += 1;
    expect(own.isOwnEvent(completed('g-1'))).toBe(false);
  });

  it('recognises created entities by title, since their id is not known before the response', () => {
    const own = createOwnWrites();
    own.begin('issue', 'new:Login is slow');
    const issue = (title: string): DomainEvent => ({
      type: 'issue.created',
      timestamp: ts,
      data: {
        issue: { id: 'i-9', title, status: 'open', priority: 'high', goalId: null, createdAt: ts, updatedAt: ts },
      },
    });
    expect(own.isOwnEvent(issue('Login is slow'))).toBe(true);
    expect(own.isOwnEvent(issue('Another issue'))).toBe(false);
  });
});
