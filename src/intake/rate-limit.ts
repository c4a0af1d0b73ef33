// Per-client limit: a token bucket per key holding `limit` requests, refilled at `limit` per
// window. Unlike fixed minute windows it has no boundary where a client may send twice the
// limit at once, and the answer does not depend on where in the minute a burst falls.
// These buckets live in this process: the whole limit on the embedded store, and the local
// filter in front of the shared buckets on PostgreSQL or Redis (shared-rate-limit.ts).
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

/** Past this many tracked clients, full buckets (clients quiet for a window) are forgotten. */
const SWEEP_AT = 10_000;

export class RateLimiter {
  readonly #limit: number;
  readonly #perMs: number;
  readonly #buckets = new Map<string, Bucket>();
  #sweepAt = SWEEP_AT;

  constructor(limitPerWindow: number, windowMs = 60_000) {
    this.#limit = limitPerWindow;
    this.#perMs = limitPerWindow / windowMs;
  }

  take(client: string, nowMs: number): RateDecision {
    const decision = this.peek(client, nowMs);
    if (decision.allowed && this.#limit > 0) this.#buckets.get(client)!.tokens -= 1;
    return decision;
  }

  /** What `take` would answer, without taking. */
  peek(client: string, nowMs: number): RateDecision {
    if (this.#limit <= 0) return { allowed: true, retryAfterSeconds: 0 };
    const bucket = this.#refilled(client, nowMs);
    if (bucket.tokens < 1) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
    }
    return { allowed: true, retryAfterSeconds: 0 };
  }

  #refilled(client: string, nowMs: number): Bucket {
    let bucket = this.#buckets.get(client);
    if (!bucket) {
      if (this.#buckets.size >= this.#sweepAt) this.#sweep(nowMs);
      bucket = { tokens: this.#limit, atMs: nowMs };
      this.#buckets.set(client, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.#limit, bucket.tokens + Math.max(0, nowMs - bucket.atMs) * this.#perMs);
    bucket.atMs = nowMs;
    return bucket;
  }

  /** Forgets clients whose bucket has refilled: remembering them changes nothing. */
  #sweep(nowMs: number): void {
    for (const [client, b] of this.#buckets) {
      if (b.tokens + (nowMs - b.atMs) * this.#perMs >= this.#limit) this.#buckets.delete(client);
    }
    // Many clients all active at once: sweep again only when the map has doubled.
    this.#sweepAt = Math.max(SWEEP_AT, this.#buckets.size * 2);
  }

  /** Clients tracked now (for tests and metrics). */
  get tracked(): number {
    return this.#buckets.size;
  }
}
