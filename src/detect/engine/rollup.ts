// Per network x region counts: a 64-minute ring of minute counts with running window sums
// (what significance looks at) and a 5-week ring of hourly counts (what baselines learn
// from). Typed arrays only, advanced lazily, so a report costs a few integer writes.
import { HISTORY_HOURS, RING_MINUTES, WINDOWS } from './config.js';
import type { ScopeLevel } from './types.js';

const RING_MASK = RING_MINUTES - 1;

export class RegionSeries {
  readonly minutes = new Uint32Array(RING_MINUTES);
  /** sums[i] = reports in the WINDOWS[i] minutes ending at lastMinute (inclusive). */
  readonly sums = new Float64Array(WINDOWS.length);
  readonly hours: Uint32Array | Uint16Array;
  /** 1 = the hour was inside an incident (or its tail): baselines skip it. */
  readonly flags = new Uint8Array(HISTORY_HOURS);
  lastMinute = -1;
  lastHour = -1;
  total = 0; // reports in the hourly ring (5 weeks): the key's share of its network
  /** Cached expected rate (reports/min) and the minute stamp it was computed for. */
  cachedHour = -1;
  cachedRate = 0;
  /** Share of the network expected here before history speaks (population share). */
  priorShare = 0;
  /** No candidate from this key before this minute (after a spam-like window). */
  holdUntil = -1;
  /** The region as a number (FIPS without leading zeros), for the report log. */
  readonly regionId: number;

  constructor(
    readonly level: ScopeLevel,
    readonly region: string,
    readonly state: string,
  ) {
    this.regionId = Number(region) | 0;
    // Counties rarely exceed 65k reports an hour; halve their memory (saturating adds).
    this.hours = level === 'county' ? new Uint16Array(HISTORY_HOURS) : new Uint32Array(HISTORY_HOURS);
  }

  /** Moves the ring to `minute`, dropping minutes that left each window. */
  advance(minute: number): void {
    const from = this.lastMinute;
    if (minute <= from) return;
    if (from < 0 || minute - from >= RING_MINUTES) {
      this.minutes.fill(0);
      this.sums.fill(0);
    } else {
      for (let t = from + 1; t <= minute; t++) {
        for (let i = 0; i < WINDOWS.length; i++) this.sums[i]! -= this.minutes[(t - WINDOWS[i]!) & RING_MASK]!;
        this.minutes[t & RING_MASK] = 0;
      }
    }
    this.lastMinute = minute;
    this.advanceHour(Math.floor(minute / 60));
  }

  private advanceHour(hour: number): void {
    const from = this.lastHour;
    if (hour <= from) return;
    if (from < 0 || hour - from >= HISTORY_HOURS) {
      this.hours.fill(0);
      this.flags.fill(0);
      this.total = 0;
    } else {
      for (let h = from + 1; h <= hour; h++) {
        const slot = h % HISTORY_HOURS;
        this.total -= this.hours[slot]!;
        this.hours[slot] = 0;
        this.flags[slot] = 0;
      }
    }
    this.lastHour = hour;
  }

  /** Counts one (deduplicated) report at `minute`. */
  add(minute: number): void {
    if (minute !== this.lastMinute) this.advance(minute);
    this.minutes[minute & RING_MASK]!++;
    const sums = this.sums;
    sums[0]!++;
    sums[1]!++;
    sums[2]!++;
    sums[3]!++; // WINDOWS has 4 entries
    const slot = this.lastHour % HISTORY_HOURS;
    if (this.hours[slot]! < 0xffff || this.level !== 'county') {
      this.hours[slot]!++;
      this.total++;
    }
  }

  /** Reports at one minute still in the ring (0 when it left). */
  at(minute: number): number {
    if (minute > this.lastMinute || minute <= this.lastMinute - RING_MINUTES) return 0;
    return this.minutes[minute & RING_MASK]!;
  }

  /** Reports in the `windowIndex` window ending at `minute` (advance first). */
  windowSum(windowIndex: number, minute: number): number {
    this.advance(minute);
    return this.sums[windowIndex]!;
  }

  /** Marks the current hour as incident time so future baselines ignore it. */
  flagHour(hour: number): void {
    this.advanceHour(hour);
    if (hour > this.lastHour - HISTORY_HOURS) this.flags[hour % HISTORY_HOURS] = 1;
  }
}

/**
 * One fingerprint counts once per network per window (Downdetector counts the first report
 * per user per company). Keyed network -> fingerprint -> minute counted, so a lookup
 * allocates nothing. Two generations rotate every window: dropping the older map bounds
 * memory without deleting entries one by one.
 */
export class FingerprintDedupe {
  private current = new Map<string, Map<string, number>>();
  private previous = new Map<string, Map<string, number>>();
  private rotatedAt = -1;

  constructor(private readonly windowMinutes: number) {}

  /** True when this report should count; records it. */
  admit(network: string, fingerprint: string, minute: number): boolean {
    if (this.rotatedAt < 0) this.rotatedAt = minute;
    if (minute - this.rotatedAt >= this.windowMinutes) {
      // Everything in `previous` is now older than one window: it can no longer block.
      this.previous = minute - this.rotatedAt >= 2 * this.windowMinutes ? new Map() : this.current;
      this.current = new Map();
      this.rotatedAt = minute;
    }
    let seen = this.current.get(network);
    if (!seen) this.current.set(network, (seen = new Map()));
    const last = seen.get(fingerprint) ?? this.previous.get(network)?.get(fingerprint);
    if (last !== undefined && minute - last < this.windowMinutes) return false;
    seen.set(fingerprint, minute);
    return true;
  }
}
