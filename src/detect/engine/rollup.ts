// Per network x region counts: a 64-minute ring of minute counts with running window sums
// (what significance looks at) and a 5-week ring of hourly counts (what baselines learn
// from). Typed arrays only, advanced lazily, so a report costs a few integer writes.
import { HISTORY_HOURS, RING_MINUTES, WINDOWS } from './config.js';
import type { ScopeLevel } from './types.js';

const RING_MASK = RING_MINUTES - 1;

export class RegionSeries {
  // Views on two buffers per key (minute ring + window sums; hourly counts + flags): a
  // report's writes stay within a few cache lines and thousands of keys cost few allocations.
  readonly minutes: Uint32Array;
  /** sums[i] = reports in the WINDOWS[i] minutes ending at lastMinute (inclusive). */
  readonly sums: Float64Array;
  readonly hours: Uint32Array | Uint16Array;
  /** 1 = the hour was inside an incident (or its tail): baselines skip it. */
  readonly flags: Uint8Array;
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
  /** A county's state key, once looked up (saves a map lookup per report). */
  parent: RegionSeries | null = null;
  /** hours[] slot of lastHour, and whether hourly counts saturate (counties' 16 bits) */
  private hourSlot = 0;
  private readonly saturates: boolean;

  constructor(
    readonly level: ScopeLevel,
    readonly region: string,
    readonly state: string,
  ) {
    this.regionId = Number(region) | 0;
    // Counties rarely exceed 65k reports an hour; halve their memory (saturating adds).
    this.saturates = level === 'county';
    const ring = new ArrayBuffer(8 * WINDOWS.length + 4 * RING_MINUTES);
    this.sums = new Float64Array(ring, 0, WINDOWS.length);
    this.minutes = new Uint32Array(ring, 8 * WINDOWS.length, RING_MINUTES);
    const hourBytes = this.saturates ? 2 : 4;
    const history = new ArrayBuffer(hourBytes * HISTORY_HOURS + HISTORY_HOURS);
    this.hours = this.saturates ? new Uint16Array(history, 0, HISTORY_HOURS) : new Uint32Array(history, 0, HISTORY_HOURS);
    this.flags = new Uint8Array(history, hourBytes * HISTORY_HOURS, HISTORY_HOURS);
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
    this.hourSlot = hour % HISTORY_HOURS;
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
    const slot = this.hourSlot;
    if (!this.saturates || this.hours[slot]! < 0xffff) {
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
 * per user per company). Open-addressing tables in typed arrays keyed by (network, a 64-bit
 * hash of the fingerprint) holding the minute each was last counted: a lookup allocates
 * nothing, an entry costs 16 bytes and no string is kept (fingerprints are themselves
 * truncated hashes; two different ones share 64 bits with odds of about 1 in 30 million
 * among a million reporters an hour).
 *
 * Two generations, each one window long: entries counted in this window's epoch, and in the
 * one before. Anything older can no longer block, so when the epoch turns the older table is
 * cleared and reused as the current one: no rebuild ever re-inserts entries (rebuilds did
 * 2.5 random writes per report on the 22 Feb replay), and memory follows the last two
 * windows' reporters (a table is sized at each turn for the epoch just ended).
 */
export class FingerprintDedupe {
  private current = new DedupeTable();
  private previous = new DedupeTable();
  private epoch = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMinutes: number) {}

  /** Slots held by both generations (16 bytes each). */
  get slotCount(): number {
    return this.current.slotCount + this.previous.slotCount;
  }

  /** True when this report should count; records it. `minute` never decreases. */
  admit(network: number, fingerprint: string, minute: number): boolean {
    // Two independent 32-bit FNV-1a variants in one pass.
    let a = 0x811c9dc5 ^ network;
    let b = 0x9747b28c;
    for (let k = 0; k < fingerprint.length; k++) {
      const c = fingerprint.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = avalanche(a);
    b = avalanche(b ^ network);
    this.turn(minute);
    const net = network + 1;
    // Counted in this epoch: within the window, since an epoch is one window long.
    if (this.current.find(net, a, b) >= 0) return false;
    const before = this.previous.find(net, a, b);
    if (before >= 0 && minute - this.previous.minuteAt(before) < this.windowMinutes) return false;
    this.current.insert(net, a, b, minute);
    return true;
  }

  private turn(minute: number): void {
    const epoch = Math.floor(minute / this.windowMinutes);
    if (epoch === this.epoch) return;
    if (epoch === this.epoch + 1) {
      // This epoch's table becomes the previous one; the older one, emptied, the current.
      const older = this.previous;
      this.previous = this.current;
      older.clear(this.previous.entries);
      this.current = older;
    } else {
      // A window or more without reports: nothing counted before can still block.
      this.previous.clear(0);
      this.current.clear(0);
    }
    this.epoch = epoch;
  }
}

/** Linear-probing set of (network + 1, hash a, hash b) with the minute, at most half full. */
class DedupeTable {
  private cap = MIN_SLOTS;
  /** per slot [network index + 1 (0 = empty), hash a, hash b, minute counted]: 16 bytes */
  private slots = new Int32Array(STRIDE * MIN_SLOTS);
  private taken = 0;

  /** The slot offset holding the key, or -1. */
  find(net: number, a: number, b: number): number {
    const mask = this.cap - 1;
    const slots = this.slots;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      const n = slots[at]!;
      if (n === 0) return -1;
      if (n === net && slots[at + 1] === a && slots[at + 2] === b) return at;
    }
  }

  get slotCount(): number {
    return this.cap;
  }

  minuteAt(at: number): number {
    return this.slots[at + 3]!;
  }

  /** Adds a key known to be absent. */
  insert(net: number, a: number, b: number, minute: number): void {
    if (2 * (this.taken + 1) > this.cap) this.grow();
    const mask = this.cap - 1;
    const slots = this.slots;
    let i = a & mask;
    while (slots[i * STRIDE] !== 0) i = (i + 1) & mask;
    const at = i * STRIDE;
    slots[at] = net;
    slots[at + 1] = a;
    slots[at + 2] = b;
    slots[at + 3] = minute;
    this.taken++;
  }

  /**
   * Empties the table for the next epoch, sized for `expected` reporters (the epoch just
   * ended held that many): a burst's tables shrink again once it has passed.
   */
  clear(expected: number): void {
    const cap = capacityFor(expected);
    if (cap < this.cap) {
      this.cap = cap;
      this.slots = new Int32Array(STRIDE * cap);
    } else if (this.taken > 0) {
      this.slots.fill(0);
    }
    this.taken = 0;
  }

  get entries(): number {
    return this.taken;
  }

  private grow(): void {
    const old = this.slots;
    this.cap *= 2;
    this.slots = new Int32Array(STRIDE * this.cap);
    this.taken = 0;
    for (let at = 0; at < old.length; at += STRIDE) if (old[at] !== 0) this.insert(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
  }
}

const STRIDE = 4;
const MIN_SLOTS = 1 << 12;

/** Slots for `entries` at most a quarter full (room to grow before the half-full limit). */
function capacityFor(entries: number): number {
  let cap = MIN_SLOTS;
  while (cap < 4 * entries) cap *= 2;
  return cap;
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
