// When a failed delivery is tried again: exponential backoff with jitter, so receivers that
// came back are not hit by every sender at the same instant. Pure.

export interface RetryPolicy {
  /** The first retry waits about this long; each next one twice as long. */
  baseMs: number;
  /** No retry waits longer than this. */
  maxDelayMs: number;
  /** A delivery is given up (failed, replayable) after this many attempts. */
  maxAttempts: number;
  /** A subscription is paused after this many failed attempts in a row (any delivery). */
  pauseAfter: number;
}

/** `attempt`: attempts made so far (1 after the first). `random`: in [0, 1). Jitter: the wait is 50–100 % of the step. */
export function retryDelayMs(policy: Pick<RetryPolicy, 'baseMs' | 'maxDelayMs'>, attempt: number, random: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + random / 2));
}
