// Per network x region counts: a ring of cumulative counts by minute (window sums and minute
// counts are differences of two entries) and a 5-week ring of hourly counts (what baselines
// learn from). The keys of one level of one network share a pool of typed arrays, one per
// field, so a report's count is one write into memory many keys share (a typed array per key
// and field cost a pointer chase each), and the hourly count is written once per hour, not
// once per report.
import { HISTORY_HOURS, RING_MINUTES, WINDOWS } from './config.js';
import type { ScopeLevel } from './types.js';

/** Cumulative entries per key: twice the minute ring, so every minute the ring keeps has the entry before it. */
const CUM_MINUTES = 2 * RING_MINUTES;
const CUM_MASK = CUM_MINUTES - 1;

/** Typed arrays holding the counts of many keys, a slot each; grown by doubling. */
export class SeriesPool {
  private slots = 0;
  /** per slot CUM_MINUTES cumulative counts (mod 2^32): [minute & CUM_MASK] = reports up to that minute */
  cum: Uint32Array;
  /** per slot HISTORY_HOURS hourly counts of completed hours (16 bits saturating for counties) */
  hours: Uint32Array | Uint16Array;
  /** 1 = the hour was inside an incident (or its tail): baselines skip it */
  flags: Uint8Array;

  constructor(
    private readonly saturates: boolean,
    private capacity = 16,
  ) {
    this.cum = new Uint32Array(capacity * CUM_MINUTES);
    this.hours = this.makeHours(capacity * HISTORY_HOURS);
    this.flags = new Uint8Array(capacity * HISTORY_HOURS);
  }

  /** A new key's slot. */
  take(): number {
    if (this.slots === this.capacity) this.grow();
    return this.slots++;
  }

  private makeHours(n: number): Uint32Array | Uint16Array {
    return this.saturates ? new Uint16Array(n) : new Uint32Array(n);
  }

  private grow(): void {
    this.capacity *= 2;
    const cum = new Uint32Array(this.capacity * CUM_MINUTES);
    cum.set(this.cum);
    const hours = this.makeHours(this.capacity * HISTORY_HOURS);
    hours.set(this.hours);
    const flags = new Uint8Array(this.capacity * HISTORY_HOURS);
    flags.set(this.flags);
    this.cum = cum;
    this.hours = hours;
    this.flags = flags;
  }
}

export class RegionSeries {
  // Hot fields first: a report reads these and writes one cumulative entry.
  private readonly pool: SeriesPool;
  private readonly cumBase: number;
  lastMinute = -1;
  /** reports ever counted (the cumulative entry of lastMinute, before the 2^32 wrap) */
  private count = 0;
  lastHour = -1;
  /** `count` when lastHour began: the current hour's reports are count - hourStart */
  private hourStart = 0;
  /** reports in the completed hours of the 5-week ring */
  private completed = 0;
  private readonly hourBase: number;
  private readonly saturates: boolean;
  /** Cached expected rate (reports/min) and the minute stamp it was computed for. */
  cachedHour = -1;
  cachedRate = 0;
  /** Share of the network expected here before history speaks (population share). */
  priorShare = 0;
  /** No candidate from this key before this minute (after a spam-like window). */
  holdUntil = -1;
  /** The region as a number (FIPS without leading zeros), for the report log. */
  readonly regionId: number;
  /** A county's state key, once looked up (saves a map lookup per report). */
  parent: RegionSeries | null = null;

  constructor(
    readonly level: ScopeLevel,
    readonly region: string,
    readonly state: string,
    pool?: SeriesPool,
  ) {
    // Counties rarely exceed 65k reports an hour; halve their memory (saturating counts).
    this.saturates = level === 'county';
    this.pool = pool ?? new SeriesPool(this.saturates, 1);
    const slot = this.pool.take();
    this.cumBase = slot * CUM_MINUTES;
    this.hourBase = slot * HISTORY_HOURS;
    this.regionId = Number(region) | 0;
  }

  /** Reports in the hourly ring (5 weeks, the current hour included): the key's share of its network. */
  get total(): number {
    return this.completed + this.currentHourCount();
  }

  private currentHourCount(): number {
    const n = this.count - this.hourStart;
    return this.saturates && n > 0xffff ? 0xffff : n;
  }

  /** Moves the ring to `minute`: the minutes passed without reports hold the same cumulative count. */
  advance(minute: number): void {
    const from = this.lastMinute;
    if (minute <= from) return;
    const cum = this.pool.cum;
    const base = this.cumBase;
    const count = this.count;
    if (from >= 0 && minute - from <= 8) {
      for (let t = from + 1; t <= minute; t++) cum[base + (t & CUM_MASK)] = count;
    } else if (from < 0 || minute - from >= CUM_MINUTES) {
      cum.fill(count, base, base + CUM_MINUTES);
    } else {
      const first = (from + 1) & CUM_MASK;
      const last = minute & CUM_MASK;
      if (first <= last) cum.fill(count, base + first, base + last + 1);
      else cum.fill(count, base + first, base + CUM_MINUTES).fill(count, base, base + last + 1);
    }
    this.lastMinute = minute;
    this.advanceHour(Math.floor(minute / 60));
  }

  private advanceHour(hour: number): void {
    const from = this.lastHour;
    if (hour <= from) return;
    const hours = this.pool.hours;
    const flags = this.pool.flags;
    const base = this.hourBase;
    if (from < 0 || hour - from >= HISTORY_HOURS) {
      hours.fill(0, base, base + HISTORY_HOURS);
      flags.fill(0, base, base + HISTORY_HOURS);
      this.completed = 0;
    } else {
      // The hour that ended is written once, now; the slots the new hours take are forgotten.
      const ended = this.currentHourCount();
      hours[base + (from % HISTORY_HOURS)] = ended;
      this.completed += ended;
      for (let h = from + 1; h <= hour; h++) {
        const slot = base + (h % HISTORY_HOURS);
        this.completed -= hours[slot]!;
        hours[slot] = 0;
        flags[slot] = 0;
      }
    }
    this.hourStart = this.count;
    this.lastHour = hour;
  }

  /** Reads the line the next count writes (changes nothing): see DetectionEngine.pushAll. */
  touch(): number {
    return this.pool.cum[this.cumBase + (this.lastMinute & CUM_MASK)]!;
  }

  /** Counts one (deduplicated) report at `minute`. */
  add(minute: number): void {
    if (minute !== this.lastMinute) this.advance(minute);
    this.pool.cum[this.cumBase + (minute & CUM_MASK)] = ++this.count;
  }

  /** Reports at one minute still in the ring (0 when it left). */
  at(minute: number): number {
    if (minute > this.lastMinute || minute <= this.lastMinute - RING_MINUTES) return 0;
    const cum = this.pool.cum;
    return (cum[this.cumBase + (minute & CUM_MASK)]! - cum[this.cumBase + ((minute - 1) & CUM_MASK)]!) >>> 0;
  }

  /** Reports in the `windowIndex` window ending at lastMinute (advance first). */
  windowCount(windowIndex: number): number {
    const start = this.lastMinute - WINDOWS[windowIndex]!;
    return (this.count - this.pool.cum[this.cumBase + (start & CUM_MASK)]!) >>> 0;
  }

  /** Reports in the `windowIndex` window ending at `minute`. */
  windowSum(windowIndex: number, minute: number): number {
    this.advance(minute);
    return this.windowCount(windowIndex);
  }

  /** Reports in hour `hour` (the current one so far), for hours the ring still holds. */
  hourCount(hour: number): number {
    if (hour === this.lastHour) return this.currentHourCount();
    return this.pool.hours[this.hourBase + (hour % HISTORY_HOURS)]!;
  }

  /** True when hour `hour` was marked as incident time. */
  flagged(hour: number): boolean {
    return this.pool.flags[this.hourBase + (hour % HISTORY_HOURS)] === 1;
  }

  /** Marks the current hour as incident time so future baselines ignore it. */
  flagHour(hour: number): void {
    this.advanceHour(hour);
    if (hour > this.lastHour - HISTORY_HOURS) this.pool.flags[this.hourBase + (hour % HISTORY_HOURS)] = 1;
  }
}
