// Per-client limit on accepted reports: a fixed one-minute window per fingerprint. Counters
// live in this process; with several API processes each enforces the limit on its share,
// which is acceptable for abuse control (it is not an accounting record).
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  #window = 0;
  #counts = new Map<string, number>();

  constructor(limitPerWindow: number, windowMs = 60_000) {
    this.#limit = limitPerWindow;
    this.#windowMs = windowMs;
  }

  take(client: string, nowMs: number): RateDecision {
    if (this.#limit <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const window = Math.floor(nowMs / this.#windowMs);
    if (window !== this.#window) {
      this.#window = window;
      this.#counts.clear();
    }
    const n = (this.#counts.get(client) ?? 0) + 1;
    if (n > this.#limit) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * this.#windowMs - nowMs) / 1000)) };
    }
    this.#counts.set(client, n);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}
