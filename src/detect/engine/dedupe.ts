// Fingerprint dedupe: one reporter counts once per network per window, in typed arrays (no
// string kept, no allocation per report), and the fingerprint hashes a ReportBatch carries.
/**
 * One fingerprint counts once per network per window (Downdetector counts the first report
 * per user per company). An open-addressing table in typed arrays keyed by (network, a hash of
 * the fingerprint) holding the minute each was last counted: a lookup allocates nothing, an
 * entry costs 8 bytes and no string is kept. The key keeps 46 bits of two 32-bit hashes
 * (fingerprints are themselves truncated hashes; two different ones share them with odds of
 * about 1 in 70 million among a million reporters an hour).
 *
 * Two generations, each one window long: entries counted in this window's epoch, and in the
 * one before. Anything older can no longer block, so when the epoch turns the older
 * generation is cleared and reused as the current one: no rebuild ever re-inserts entries
 * (rebuilds did 2.5 random writes per report on the 22 Feb replay). The two generations share
 * one array, side by side in each bucket, so a key's slots in both are one cache line: each
 * lookup is a cache and TLB miss into millions of slots, and two tables cost two of them.
 */
export class FingerprintDedupe {
  private readonly table = new GenerationTable();
  private epoch = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMinutes: number) {
    // Minutes are kept modulo MINUTE_WRAP: an entry's age must stay below it for two windows.
    if (!(windowMinutes >= 1 && 2 * windowMinutes <= MINUTE_WRAP)) throw new RangeError(`dedupe window must be 1..${MINUTE_WRAP / 2} minutes`);
  }

  /** Slots held by both generations (8 bytes each). */
  get slotCount(): number {
    return this.table.slotCount;
  }

  /** The hash's high bits (`hashHigh`) and tag (`hashTag`) of a fingerprint, set by keyOf(). */
  hashHigh = 0;
  hashTag = 0;

  /** The key of (network, fingerprint hashes) into hashHigh and hashTag (fields: no object per report). */
  keyOf(network: number, a: number, b: number): void {
    this.hashHigh = avalanche(a ^ Math.imul(network + 1, 0x9e3779b1)) & HASH_BITS;
    // The tag: b's high bits and the network (+1, so an occupied slot is never 0).
    this.hashTag = (avalanche(b ^ network) & ~0xff) | (network + 1);
  }

  private readonly one = { a: new Int32Array(1), b: new Int32Array(1) };

  /** True when this report should count; records it. `minute` never decreases. */
  admit(network: number, fingerprint: string, minute: number): boolean {
    hashFingerprint(fingerprint, this.one.a, this.one.b, 0);
    this.keyOf(network, this.one.a[0]!, this.one.b[0]!);
    return this.admitHashed(this.hashHigh, this.hashTag, minute);
  }

  /** admit() for a key hashed before. */
  admitHashed(high: number, tag: number, minute: number): boolean {
    this.turn(minute);
    const t = this.table;
    // Counted in this epoch: within the window, since an epoch is one window long.
    if (t.find(t.current, high, tag) >= 0) return false;
    const before = t.find(t.previous, high, tag);
    if (before >= 0 && ((minute - t.minuteAt(before)) & MINUTE_MASK) < this.windowMinutes) return false;
    t.insert(high, tag, minute & MINUTE_MASK);
    return true;
  }

  /** Reads the key's home bucket (changes nothing): see DetectionEngine.pushBatch. */
  touch(high: number, tag: number): number {
    return this.table.touch(high, tag);
  }

  private turn(minute: number): void {
    const epoch = Math.floor(minute / this.windowMinutes);
    if (epoch === this.epoch) return;
    if (epoch === this.epoch + 1) this.table.turn();
    else this.table.reset(); // a window or more without reports: nothing counted before can still block
    this.epoch = epoch;
  }
}

/** Minutes are stored modulo this (the low bits of a slot's first word). */
const MINUTE_WRAP = 1024;
const MINUTE_MASK = MINUTE_WRAP - 1;
const HASH_BITS = ~MINUTE_MASK;

/**
 * Linear probing over buckets of two slots, one per generation (a "lane"), each generation at
 * most half full. A slot is two words: [the hash's high bits | minute mod 1024, tag (0 =
 * empty)]; the home bucket is a product of both, so a resized table re-homes entries from what
 * it stores.
 */
class GenerationTable {
  private cap = MIN_SLOTS;
  private shift = 32 - Math.log2(MIN_SLOTS);
  private slots = new Int32Array(BUCKET * MIN_SLOTS);
  /** the lanes' offsets in a bucket: they swap when the epoch turns */
  current = 0;
  previous = 2;
  private takenCurrent = 0;
  private takenPrevious = 0;

  get slotCount(): number {
    return 2 * this.cap;
  }

  private home(high: number, tag: number): number {
    return Math.imul(high ^ tag, 0x9e3779b1) >>> this.shift;
  }

  /** The slot offset holding the key in `lane` (`high`: the hash with its low bits clear), or -1. */
  find(lane: number, high: number, tag: number): number {
    const mask = this.cap - 1;
    const slots = this.slots;
    for (let i = this.home(high, tag); ; i = (i + 1) & mask) {
      const at = i * BUCKET + lane;
      const t = slots[at + 1]!;
      if (t === 0) return -1;
      if (t === tag && (slots[at]! & HASH_BITS) === high) return at;
    }
  }

  /** The minute (mod MINUTE_WRAP) the entry at `at` was counted. */
  minuteAt(at: number): number {
    return this.slots[at]! & MINUTE_MASK;
  }

  touch(high: number, tag: number): number {
    return this.slots[this.home(high, tag) * BUCKET + 1]!;
  }

  /** Adds a key known to be absent from the current generation. */
  insert(high: number, tag: number, minute: number): void {
    if (2 * (this.takenCurrent + 1) > this.cap) this.rehash(this.cap * 2);
    this.place(this.current, high | minute, tag);
    this.takenCurrent++;
  }

  private place(lane: number, word: number, tag: number): void {
    const mask = this.cap - 1;
    const slots = this.slots;
    let at = this.home(word & HASH_BITS, tag) * BUCKET + lane;
    while (slots[at + 1] !== 0) at = (at + BUCKET) & (mask * BUCKET + BUCKET - 1);
    slots[at] = word;
    slots[at + 1] = tag;
  }

  /**
   * The epoch turned: the previous generation is forgotten, the current one becomes previous
   * and its emptied lane the current one. Sized for the generation just ended (a quarter full):
   * a burst's table shrinks again once a quiet window has passed.
   */
  turn(): void {
    const leaving = this.previous;
    if (this.takenPrevious > 0) {
      const slots = this.slots;
      for (let at = leaving; at < slots.length; at += BUCKET) {
        slots[at] = 0;
        slots[at + 1] = 0;
      }
    }
    this.previous = this.current;
    this.current = leaving;
    this.takenPrevious = this.takenCurrent;
    this.takenCurrent = 0;
    const cap = capacityFor(this.takenPrevious);
    if (cap < this.cap) this.rehash(cap);
  }

  /** Both generations emptied. */
  reset(): void {
    this.takenCurrent = 0;
    this.takenPrevious = 0;
    if (this.cap > MIN_SLOTS) this.resize(MIN_SLOTS);
    else this.slots.fill(0);
  }

  private resize(cap: number): void {
    this.cap = cap;
    this.shift = 32 - Math.log2(cap);
    this.slots = new Int32Array(BUCKET * cap);
  }

  /** Moves both generations into a table of `cap` buckets. */
  private rehash(cap: number): void {
    const old = this.slots;
    this.resize(cap);
    for (let at = 0; at < old.length; at += 2) if (old[at + 1] !== 0) this.place(at % BUCKET, old[at]!, old[at + 1]!);
  }
}

/** Words per bucket: two slots (one per generation) of two words. */
const BUCKET = 4;
const MIN_SLOTS = 1 << 12;

/** Buckets for `entries` at most a quarter full (room to grow before the half-full limit). */
function capacityFor(entries: number): number {
  let cap = MIN_SLOTS;
  while (cap < 4 * entries) cap *= 2;
  return cap;
}

/** Two independent 32-bit FNV-1a variants of a fingerprint in one pass, written at `at`. */
export function hashFingerprint(fingerprint: string, a: Int32Array, b: Int32Array, at: number): void {
  let x = 0x811c9dc5;
  let y = 0x9747b28c;
  for (let k = 0; k < fingerprint.length; k++) {
    const c = fingerprint.charCodeAt(k);
    x = Math.imul(x ^ c, 0x01000193);
    y = Math.imul(y ^ c, 0x5bd1e995);
  }
  a[at] = x;
  b[at] = y;
}

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
