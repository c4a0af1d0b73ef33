/**
 * Context novelty, the idea behind CAD OSE: quantise the series into a few
 * levels and remember every short sequence of levels seen so far; a row whose
 * recent sequence has never occurred before is novel. Periodic series learn
 * their cycle and go quiet; a broken cycle makes new sequences again.
 *
 * CAD quantises with the whole file's min/max, which a causal detector cannot
 * know. Here the range grows as values arrive, and when it grows the memory is
 * rebuilt from the stored past under the new quantisation, so what was learned
 * is kept in a consistent alphabet. Only the last MEMORY_ROWS values are kept
 * for rebuilding, so memory stays bounded on endless streams.
 */
export interface ContextOptions {
  /** Quantisation levels across the seen range. */
  readonly levels: number;
  /** Longest sequence remembered; orders 1..maxOrder are all used. */
  readonly maxOrder: number;
  /** Extra room added on each side when the range is (re)set, as a fraction of the range. */
  readonly margin: number;
}

const MEMORY_ROWS = 65_536;

export class ContextNovelty {
  private readonly past: number[] = [];
  private seen = new Set<number>();
  private lo = 0;
  private hi = 0;
  private ready = false;

  constructor(private readonly opts: ContextOptions) {}

  /** Pushes a value; returns the share of orders whose sequence ending here is new (0..1). */
  push(value: number): number {
    this.past.push(value);
    if (this.past.length > MEMORY_ROWS) this.past.splice(0, this.past.length - MEMORY_ROWS / 2);
    // While every value has been equal there is no range to quantise: all levels are 0.
    const outside = this.ready ? value < this.lo || value > this.hi : value !== this.past[0];
    if (outside) this.rescale();
    return this.learnAt(this.past.length - 1);
  }

  private rescale(): void {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of this.past) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const room = (max - min) * this.opts.margin;
    this.lo = min - room;
    this.hi = max + room;
    this.ready = max > min;
    this.seen = new Set<number>();
    for (let i = 0; i < this.past.length - 1; i++) this.learnAt(i);
  }

  private level(value: number): number {
    if (!this.ready) return 0;
    const q = Math.floor(((value - this.lo) / (this.hi - this.lo)) * this.opts.levels);
    return Math.min(this.opts.levels - 1, Math.max(0, q));
  }

  /** Records the sequences ending at row i; returns the share that were new. */
  private learnAt(i: number): number {
    const { levels, maxOrder } = this.opts;
    let code = 0;
    let fresh = 0;
    let orders = 0;
    for (let k = 1; k <= maxOrder && i - k + 1 >= 0; k++) {
      code = code * levels + this.level(this.past[i - k + 1] as number);
      const key = code * (maxOrder + 1) + k;
      orders += 1;
      if (!this.seen.has(key)) {
        fresh += 1;
        this.seen.add(key);
      }
    }
    return orders > 0 ? fresh / maxOrder : 0;
  }
}
