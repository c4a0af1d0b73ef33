// Counts of finished buckets do not change (reports are stamped with the receiving server's
// clock), so each finished bucket is counted once and kept; only the bucket under way is counted
// again on each refresh. SQLite counts on the server's own thread, so a first load is read an
// hour at a time with a turn for other work (intake) in between.
import type { Store } from '../store/index.js';
import { DAY_MS, HOUR_MS, hourStart, hoursOf, SLICE_MS, sliceStart, slicesOf, type HourCounties, type SliceTotals } from './counts.js';
import { WINDOW_SLICES } from './aggregate.js';
import { countiesBetween, totalsBetween } from './queries.js';

const HISTORY_MS = 7 * DAY_MS;
const COUNTY_HOURS = 24;

export class BucketCache {
  readonly #slices = new Map<number, SliceTotals>();
  readonly #hours = new Map<number, HourCounties>();

  constructor(private readonly store: Store) {}

  async read(now: number): Promise<{ slices: Map<number, SliceTotals>; hours: Map<number, HourCounties> }> {
    const currentSlice = sliceStart(now);
    const firstSlice = currentSlice - (WINDOW_SLICES - 1) * SLICE_MS - HISTORY_MS;
    await this.#fill(this.#slices, firstSlice, currentSlice, SLICE_MS, async (from, to) => slicesOf(await totalsBetween(this.store, new Date(from), new Date(to), SLICE_MS)));
    const currentHour = hourStart(now);
    const firstHour = currentHour - (COUNTY_HOURS - 1) * HOUR_MS;
    await this.#fill(this.#hours, firstHour, currentHour, HOUR_MS, async (from, to) => hoursOf(await countiesBetween(this.store, new Date(from), new Date(to), HOUR_MS)));
    const slices = new Map(this.#slices);
    const live = slicesOf(await totalsBetween(this.store, new Date(currentSlice), new Date(now + 1), SLICE_MS)).get(currentSlice);
    if (live) slices.set(currentSlice, live);
    const hours = new Map(this.#hours);
    const liveHour = hoursOf(await countiesBetween(this.store, new Date(currentHour), new Date(now + 1), HOUR_MS)).get(currentHour);
    if (liveHour) hours.set(currentHour, liveHour);
    return { slices, hours };
  }

  /** Counts every finished bucket in [first, current) not yet kept, and forgets those before `first`. */
  async #fill<T>(kept: Map<number, T>, first: number, current: number, size: number, count: (from: number, to: number) => Promise<Map<number, T>>): Promise<void> {
    for (const at of kept.keys()) if (at < first) kept.delete(at);
    let from = first;
    while (from < current && kept.has(from)) from += size;
    if (from >= current) return;
    const step = this.store.dialect === 'sqlite' ? HOUR_MS : current - from;
    for (let start = from; start < current; start += step) {
      const end = Math.min(start + step, current);
      const got = await count(start, end);
      for (let at = start; at < end; at += size) kept.set(at, got.get(at) ?? (new Map() as T));
      if (end < current) await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
