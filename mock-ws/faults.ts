/** Scripted faults set through the control API: slow REST paths and refused handshakes. */
export type Refusal = { status: number; until: number };

export type Faults = {
  setRestDelay(pathPrefix: string, ms: number): void;
  restDelays(): Record<string, number>;
  /** Delay for a path: the rule with the longest matching prefix wins. */
  restDelayFor(path: string): number;
  refuse(status: number, forMs: number): Refusal | null;
  /** The refusal in force now, if any. */
  refusal(): Refusal | null;
  clear(): void;
};

export function createFaults(now: () => number = Date.now): Faults {
  const delays = new Map<string, number>();
  let refusal: Refusal | null = null;
  return {
    setRestDelay(prefix, ms) {
      if (ms > 0) delays.set(prefix, ms);
      else delays.delete(prefix);
    },
    restDelays: () => Object.fromEntries(delays),
    restDelayFor(path) {
      let best = '';
      let ms = 0;
      for (const [prefix, delay] of delays) {
        if (path.startsWith(prefix) && prefix.length >= best.length) {
          best = prefix;
          ms = delay;
        }
      }
      return ms;
    },
    refuse(status, forMs) {
      refusal = forMs > 0 ? { status, until: now() + forMs } : null;
      return refusal;
    },
    refusal() {
      if (refusal && now() >= refusal.until) refusal = null;
      return refusal;
    },
    clear() {
      delays.clear();
      refusal = null;
    },
  };
}
