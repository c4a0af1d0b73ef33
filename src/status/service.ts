// The public status as the routes, pages and feeds serve it: computed at most once per TTL
// (however many clients ask, one computation runs at a time) and kept with its JSON and ETag,
// so a busy status page costs the store one set of queries every few seconds.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Incident } from '../detect/index.js';
import { listIncidents } from '../incidents/index.js';
import { findCarrier, lookupZip, type Carrier, type ZipPlace } from '../reference/index.js';
import type { Store } from '../store/index.js';
import { buildStatus, publicIncidents, type PublicIncident, type PublicStatus } from './aggregate.js';
import { BucketCache } from './bucket-cache.js';
import { DAY_MS, HOUR_MS } from './counts.js';
import { countyNetworksSince } from './queries.js';
import { zipCheck, type ZipCheck } from './zip-check.js';

export const STATUS_TTL_MS = 5_000;
/** The feeds list this many of the newest public incidents. */
export const FEED_INCIDENTS = 50;

export interface Cached<T> {
  value: T;
  json: string;
  /** The JSON as UTF-8 bytes, and gzipped: encoded once, sent to every reader. */
  bytes: Buffer;
  gzipped: Buffer;
  etag: string;
  at: number;
}

const etagOf = (json: string): string => `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
const cached = <T>(value: T, at: number): Cached<T> => {
  const json = JSON.stringify(value);
  const bytes = Buffer.from(json, 'utf8');
  let gzipped: Buffer | undefined;
  return {
    value, json, bytes, etag: etagOf(json), at,
    get gzipped() {
      return (gzipped ??= gzipSync(bytes));
    },
  };
};

/** One value recomputed at most once per TTL; concurrent callers share the computation under way. */
class Memo<T> {
  #value: Cached<T> | undefined;
  #pending: Promise<Cached<T>> | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly compute: (now: number) => Promise<T>,
  ) {}

  /** Whether `c` is the value a call now would get, without computing anything. */
  isCurrent(c: Cached<unknown>, now: number): boolean {
    return this.#value === c && now - c.at < this.ttlMs && now >= c.at;
  }

  get(now: number): Promise<Cached<T>> {
    if (this.#value && this.isCurrent(this.#value, now)) return Promise.resolve(this.#value);
    this.#pending ??= this.compute(now)
      .then((v) => (this.#value = cached(v, now)))
      .finally(() => (this.#pending = undefined));
    return this.#pending;
  }
}

export interface StatusServiceOptions {
  store: Store;
  minCount: number;
  clock: () => Date;
  ttlMs?: number;
  /** Told how long each computation of the public status took (seconds): the operator's metric. */
  computed?: (seconds: number) => void;
}

export class StatusService {
  readonly minCount: number;
  readonly #store: Store;
  readonly #clock: () => Date;
  readonly #ttlMs: number;
  readonly #buckets: BucketCache;
  readonly #status: Memo<PublicStatus>;
  readonly #feed: Memo<PublicIncident[]>;
  readonly #nearby = new Map<string, Memo<Map<string, number>>>();

  constructor(o: StatusServiceOptions) {
    this.#store = o.store;
    this.minCount = o.minCount;
    this.#clock = o.clock;
    this.#ttlMs = o.ttlMs ?? STATUS_TTL_MS;
    this.#buckets = new BucketCache(o.store);
    const computed = o.computed ?? (() => {});
    this.#status = new Memo(this.#ttlMs, async (now) => {
      const started = performance.now();
      const { slices, hours } = await this.#buckets.read(now);
      const incidents = await listIncidents(this.#store.db, { since: new Date(now - DAY_MS), limit: 500 });
      const status = buildStatus({ now, minCount: this.minCount, slices, hours, incidents });
      computed((performance.now() - started) / 1000);
      return status;
    });
    this.#feed = new Memo(this.#ttlMs, async () => {
      // Dismissed and thin incidents are dropped after the read, so read a few more than shown.
      const rows: Incident[] = await listIncidents(this.#store.db, { limit: FEED_INCIDENTS * 2 });
      return publicIncidents(rows, this.minCount).slice(0, FEED_INCIDENTS);
    });
  }

  now(): number {
    return this.#clock().getTime();
  }

  status(): Promise<Cached<PublicStatus>> {
    return this.#status.get(this.now());
  }

  /** Whether `c` (an answer of status()) is still the current status: what the hot cache asks. */
  isCurrentStatus(c: Cached<PublicStatus>): boolean {
    return this.#status.isCurrent(c, this.now());
  }

  /** The newest public incidents, however old (the feeds' entries). */
  feedIncidents(): Promise<Cached<PublicIncident[]>> {
    return this.#feed.get(this.now());
  }

  async incident(id: string): Promise<PublicIncident | undefined> {
    return (await this.feedIncidents()).value.find((i) => i.id === id) ?? (await this.status()).value.incidents.find((i) => i.id === id);
  }

  /** undefined for a ZIP we cannot place. */
  async zip(zip: string, carrierId: string | undefined): Promise<Cached<ZipCheck> | undefined> {
    const place: ZipPlace | undefined = lookupZip(zip);
    if (!place) return undefined;
    const carrier: Carrier | undefined = carrierId ? findCarrier(carrierId) : undefined;
    const status = await this.status();
    const nearby = await this.#nearbyOf(place.county).get(this.now());
    return cached(zipCheck(status.value, place, carrier, nearby.value), status.at);
  }

  #nearbyOf(county: string): Memo<Map<string, number>> {
    let memo = this.#nearby.get(county);
    if (!memo) {
      // Bounded: a crawler walking every ZIP must not grow this without end.
      if (this.#nearby.size >= 5_000) this.#nearby.clear();
      memo = new Memo(this.#ttlMs, (now) => countyNetworksSince(this.#store, county, new Date(now - HOUR_MS)));
      this.#nearby.set(county, memo);
    }
    return memo;
  }
}
