/**
 * Timestamps for writes. Each one is strictly later than every timestamp this clock issued before and
 * than the entity's previous `updated_at`, so two writes in the same millisecond still order correctly
 * (clients drop events whose `updated_at` is not newer than their cache).
 */
export type Clock = {
  now(): number;
  stamp(after?: string): string;
};

export function createClock(now: () => number = Date.now): Clock {
  let last = 0;
  return {
    now,
    stamp(after) {
      let t = Math.max(now(), last + 1);
      if (after !== undefined) {
        const previous = Date.parse(after);
        if (previous >= t) t = previous + 1;
      }
      last = t;
      return new Date(t).toISOString();
    },
  };
}
