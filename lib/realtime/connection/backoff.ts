/** Reconnect backoff: pure functions over a policy, so the schedule is testable without a socket. */

export type BackoffPolicy = {
  initialDelayMs: number;
  maxDelayMs: number;
  backoffFactor: number;
  /** Fraction of each step that is randomised away: the delay is uniform in (step × (1 − jitter), step]. */
  jitter: number;
};

/** The delay before attempt `attempt` (1-based) without jitter: 1, 2, 4, 8, 16, 30, 30 … s by default. */
export function backoffStep(attempt: number, policy: BackoffPolicy): number {
  if (attempt <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.backoffFactor ** (attempt - 1));
}

/**
 * "Equal jitter": never longer than the documented step (so 30 s stays the maximum), never shorter
 * than its (1 − jitter) share, so a server restart is not met by every tab at the same instant.
 */
export function jitteredDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const step = backoffStep(attempt, policy);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step * (1 - policy.jitter * r));
}
