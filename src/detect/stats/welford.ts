/**
 * Running mean and variance over every value pushed so far (Welford), which
 * stays accurate where sum-of-squares would cancel catastrophically.
 */
export class RunningMoments {
  private n = 0;
  private m = 0;
  private s = 0;

  push(x: number): void {
    this.n += 1;
    const d = x - this.m;
    this.m += d / this.n;
    this.s += d * (x - this.m);
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.m;
  }

  /** Population variance; 0 before two values. */
  get variance(): number {
    return this.n > 1 ? this.s / this.n : 0;
  }
}

/**
 * Mean and variance of the last `size` values. Keeps the window in a ring and
 * recomputes the sums every `size` pushes so rounding error cannot accumulate.
 */
export class WindowMoments {
  private readonly ring: Float64Array;
  private head = 0;
  private n = 0;
  private sum = 0;
  private sumSq = 0;
  private sinceRefresh = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive integer, got ${size}`);
    this.ring = new Float64Array(size);
  }

  push(x: number): void {
    if (this.n === this.size) {
      const old = this.ring[this.head] ?? 0;
      this.sum -= old;
      this.sumSq -= old * old;
    } else {
      this.n += 1;
    }
    this.ring[this.head] = x;
    this.head = (this.head + 1) % this.size;
    this.sum += x;
    this.sumSq += x * x;
    if (++this.sinceRefresh >= this.size) this.refresh();
  }

  get count(): number {
    return this.n;
  }

  get mean(): number {
    return this.n > 0 ? this.sum / this.n : 0;
  }

  /** Population variance of the window (never negative). */
  get variance(): number {
    if (this.n < 2) return 0;
    const m = this.sum / this.n;
    return Math.max(0, this.sumSq / this.n - m * m);
  }

  private refresh(): void {
    this.sinceRefresh = 0;
    let s = 0;
    let q = 0;
    for (let i = 0; i < this.n; i++) {
      const v = this.ring[i] ?? 0;
      s += v;
      q += v * v;
    }
    this.sum = s;
    this.sumSq = q;
  }
}
