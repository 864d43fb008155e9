import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '@/lib/protocol';
import { ANNOUNCER_DEFAULTS, createAnnouncer } from '../announcer';
import { changedRows } from '../changed-rows';
import { describeMessage, type EventLookups } from '../describe-event';

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

describe('describeMessage', () => {
  it('names what happened in words, with titles from the cache', () => {
    expect(describeMessage(goalCompleted, lookups)).toBe("Someone completed 'Hire two engineers'");
    expect(describeMessage(goalCompleted, lookups, 'u-5')).toBe("Dana completed 'Hire two engineers'");
    const reassigned: DomainEvent = {
      type: 'action.reassigned',
      timestamp: ts,
      data: { actionId: 'a-3', goalId: 'g-2', previousAssigneeId: null, assigneeId: 'u-6', updatedAt: ts },
    };
    expect(describeMessage(reassigned, lookups)).toBe("Someone assigned 'Screen candidates' to Eli Evans");
    const reading: DomainEvent = {
      type: 'measure.reading.created',
      timestamp: ts,
      data: {
        measureId: 'm-1',
        reading: { id: 'r-9', measureId: 'm-1', value: 58.75, recordedAt: ts, recordedBy: 'u-5' },
      },
    };
    expect({ message: describeMessage(reading, lookups), changed: changedRows(reading) }).toEqual({
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
    expect(describeMessage(resolved, lookups)).toBe("Someone resolved 'Signup emails land in spam'");
  });

  it('falls back to a generic subject when the entity is not cached', () => {
    const progress: DomainEvent = {
      type: 'action.progress_updated',
      timestamp: ts,
      data: { actionId: 'a-404', goalId: 'g-9', progress: 40, updatedAt: ts },
    };
    expect(describeMessage(progress, lookups)).toBe('Someone updated an action to 40%');
  });
});

describe('createAnnouncer', () => {
  function setup(isOwn = false, look = lookups) {
    const toast = vi.fn();
    const summarize = vi.fn();
    const mark = vi.fn();
    const announcer = createAnnouncer({
      lookups: () => look,
      isOwn: () => isOwn,
      toast,
      summarize,
      mark,
      actorWaitMs: 400,
    });
    return { toast, summarize, mark, announcer };
  }

  const progress = (n: number): DomainEvent => ({
    type: 'action.progress_updated',
    timestamp: ts,
    data: { actionId: 'a-3', goalId: 'g-2', progress: n, updatedAt: ts },
  });

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

  it('gives the first changes a toast each at once, and folds a burst into one summary updated in place', () => {
    vi.useFakeTimers();
    const { toast, summarize, mark, announcer } = setup();
    const { toastsPerWindow, summaryEveryMs, summaryDurationMs } = ANNOUNCER_DEFAULTS;
    for (let n = 1; n <= toastsPerWindow; n++) announcer.handle(progress(n));
    expect(toast.mock.calls).toEqual([1, 2, 3].map((n) => [`Someone updated 'Screen candidates' to ${n}%`]));

    announcer.handle(progress(4));
    expect(toast).toHaveBeenCalledTimes(toastsPerWindow);
    expect(summarize).toHaveBeenCalledTimes(1);
    expect(summarize).toHaveBeenLastCalledWith({
      count: 1,
      title: '1 more change from your team',
      description: "Latest: Someone updated 'Screen candidates' to 4%",
      durationMs: summaryDurationMs,
    });

    // 500 events a second: one summary update per interval, never a toast each.
    const step = 2;
    const last = 4 + summaryEveryMs / step - 1;
    for (let n = 5; n <= last; n++) {
      vi.advanceTimersByTime(step);
      announcer.handle(progress(n));
    }
    expect(toast).toHaveBeenCalledTimes(toastsPerWindow);
    expect(summarize).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(step);
    expect(summarize).toHaveBeenCalledTimes(2);
    expect(summarize).toHaveBeenLastCalledWith(
      expect.objectContaining({
        count: last - 3,
        title: `${last - 3} more changes from your team`,
        description: `Latest: Someone updated 'Screen candidates' to ${last}%`,
      }),
    );
    // Every change still highlights its rows.
    expect(mark).toHaveBeenCalledTimes(last * 2);
  });

  it('describes a folded change only when the summary shows it', () => {
    vi.useFakeTimers();
    const action = vi.fn(lookups.action);
    const { announcer } = setup(false, { ...lookups, action });
    for (let n = 1; n <= 10; n++) announcer.handle(progress(n));
    // Three toasts of their own and the summary's latest change: not ten descriptions.
    expect(action).toHaveBeenCalledTimes(ANNOUNCER_DEFAULTS.toastsPerWindow + 1);
  });

  it('goes back to a toast per change after a quiet window, and counts afresh once the summary is gone', () => {
    vi.useFakeTimers();
    const { toast, summarize, announcer } = setup();
    const { toastsPerWindow, toastWindowMs, summaryDurationMs } = ANNOUNCER_DEFAULTS;
    for (let n = 1; n <= toastsPerWindow + 2; n++) announcer.handle(progress(n));
    vi.advanceTimersByTime(ANNOUNCER_DEFAULTS.summaryEveryMs);
    expect(summarize).toHaveBeenLastCalledWith(expect.objectContaining({ count: 2 }));

    vi.advanceTimersByTime(toastWindowMs);
    announcer.handle(progress(50));
    expect(toast).toHaveBeenLastCalledWith("Someone updated 'Screen candidates' to 50%");

    vi.advanceTimersByTime(summaryDurationMs);
    for (let n = 60; n < 60 + toastsPerWindow + 1; n++) announcer.handle(progress(n));
    expect(summarize).toHaveBeenLastCalledWith(
      expect.objectContaining({ count: 1, title: '1 more change from your team' }),
    );
  });

  it('counts a status change held for its actor when it is announced, and clears a pending summary update on dispose', () => {
    vi.useFakeTimers();
    const { toast, summarize, announcer } = setup();
    for (let n = 1; n <= ANNOUNCER_DEFAULTS.toastsPerWindow + 1; n++) announcer.handle(progress(n));
    expect(summarize).toHaveBeenCalledTimes(1);
    announcer.handle(goalCompleted);
    announcer.handle(activity('status_changed', 'u-5'));
    vi.advanceTimersByTime(ANNOUNCER_DEFAULTS.summaryEveryMs);
    expect(toast).toHaveBeenCalledTimes(ANNOUNCER_DEFAULTS.toastsPerWindow);
    expect(summarize).toHaveBeenLastCalledWith(
      expect.objectContaining({ count: 2, description: "Latest: Dana completed 'Hire two engineers'" }),
    );

    announcer.handle(progress(99));
    announcer.dispose();
    vi.advanceTimersByTime(10_000);
    expect(summarize).toHaveBeenCalledTimes(2);
  });
});
