import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '@/lib/protocol';
import { createAnnouncer } from '../announcer';
import { describeEvent, type EventLookups } from '../describe-event';

const ts = '2026-11-27T10:00:00.000Z';
const people: Record<string, string> = { 'u-5': 'Dana Diaz', 'u-6': 'Eli Evans' };
const lookups: EventLookups = {
  person: (id) => (id ? (people[id] ?? null) : null),
  goal: (id) => (id === 'g-2' ? 'Hire two engineers' : null),
  action: (id) => (id === 'a-3' ? 'Screen candidates' : null),
  issue: (id) => (id === 'i-1' ? 'Signup emails land in spam' : null),
  measure: (id) => (id === 'm-1' ? { name: 'Gross margin', unit: '%' } : null),
};

const goalCompleted: DomainEvent = {
  type: 'goal.completed',
  timestamp: ts,
  data: { goalId: 'g-2', previousStatus: 'active', status: 'completed', updatedAt: ts },
};
const activity = (kind: string, actorId: string, message = 'x'): DomainEvent => ({
  type: 'goal.activity.created',
  timestamp: ts,
  data: { activity: { id: `act-${kind}`, goalId: 'g-2', kind, message, actorId, createdAt: ts } },
});

afterEach(() => vi.useRealTimers());

describe('describeEvent', () => {
  it('names what happened in words, with titles from the cache', () => {
    expect(describeEvent(goalCompleted, lookups)?.message).toBe("Someone completed 'Hire two engineers'");
    expect(describeEvent(goalCompleted, lookups, 'u-5')?.message).toBe("Dana completed 'Hire two engineers'");
    const reassigned: DomainEvent = {
      type: 'action.reassigned',
      timestamp: ts,
      data: { actionId: 'a-3', goalId: 'g-2', previousAssigneeId: null, assigneeId: 'u-6', updatedAt: ts },
    };
    expect(describeEvent(reassigned, lookups)?.message).toBe("Someone assigned 'Screen candidates' to Eli Evans");
    const reading: DomainEvent = {
      type: 'measure.reading.created',
      timestamp: ts,
      data: { measureId: 'm-1', reading: { id: 'r-9', measureId: 'm-1', value: 58.75, recordedAt: ts, recordedBy: 'u-5' } },
    };
    expect(describeEvent(reading, lookups)).toEqual({
      message: "Dana recorded 58.75% on 'Gross margin'",
      changed: [
        { kind: 'measure', id: 'm-1' },
        { kind: 'reading', id: 'r-9' },
      ],
    });
    const resolved: DomainEvent = {
      type: 'issue.status_changed',
      timestamp: ts,
      data: { issueId: 'i-1', previousStatus: 'open', status: 'resolved', updatedAt: ts },
    };
    expect(describeEvent(resolved, lookups)?.message).toBe("Someone resolved 'Signup emails land in spam'");
  });

  it('falls back to a generic subject when the entity is not cached', () => {
    const progress: DomainEvent = {
      type: 'action.progress_updated',
      timestamp: ts,
      data: { actionId: 'a-404', goalId: 'g-9', progress: 40, updatedAt: ts },
    };
    expect(describeEvent(progress, lookups)?.message).toBe('Someone updated an action to 40%');
  });
});

describe('createAnnouncer', () => {
  function setup(isOwn = false) {
    const toast = vi.fn();
    const mark = vi.fn();
    const announcer = createAnnouncer({ lookups: () => lookups, isOwn: () => isOwn, toast, mark, actorWaitMs: 400 });
    return { toast, mark, announcer };
  }

  it('names the actor from the feed item that follows a status change', () => {
    vi.useFakeTimers();
    const { toast, mark, announcer } = setup();
    announcer.handle(goalCompleted);
    expect(mark).toHaveBeenCalledWith('goal', 'g-2');
    expect(toast).not.toHaveBeenCalled();
    announcer.handle(activity('status_changed', 'u-5', 'Dana Diaz marked the goal completed'));
    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast).toHaveBeenCalledWith("Dana completed 'Hire two engineers'");
    vi.advanceTimersByTime(1_000);
    expect(toast).toHaveBeenCalledTimes(1);
  });

  it('says "Someone" when no feed item arrives in time', () => {
    vi.useFakeTimers();
    const { toast, announcer } = setup();
    announcer.handle(goalCompleted);
    vi.advanceTimersByTime(399);
    expect(toast).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(toast).toHaveBeenCalledWith("Someone completed 'Hire two engineers'");
  });

  it('toasts comments, but not the status feed items on their own', () => {
    const { toast, announcer } = setup();
    announcer.handle(activity('comment', 'u-6', 'Notary booked'));
    announcer.handle(activity('status_changed', 'u-6'));
    expect(toast.mock.calls).toEqual([["Eli commented on 'Hire two engineers': “Notary booked”"]]);
  });

  it('ignores the echo of this tab’s own writes entirely', () => {
    vi.useFakeTimers();
    const { toast, mark, announcer } = setup(true);
    announcer.handle(goalCompleted);
    vi.advanceTimersByTime(1_000);
    expect(toast).not.toHaveBeenCalled();
    expect(mark).not.toHaveBeenCalled();
  });

  it('clears waiting timers on dispose', () => {
    vi.useFakeTimers();
    const { toast, announcer } = setup();
    announcer.handle(goalCompleted);
    announcer.dispose();
    vi.advanceTimersByTime(1_000);
    expect(toast).not.toHaveBeenCalled();
  });
});
