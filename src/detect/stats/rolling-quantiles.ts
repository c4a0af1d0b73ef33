/**
 * Robust location and spread of the last `size` values: a sorted copy of the
 * window is kept beside a ring of arrival order, so each push costs O(size)
 * (binary search + splice) — fine for windows of a few hundred values.
 */
export class RollingQuantiles {
  private readonly ring: number[] = [];
  private readonly sorted: number[] = [];
  private head = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size must be a positive integer, got ${size}`);
  }

  push(x: number): void {
    if (this.ring.length === this.size) {
      const old = this.ring[this.head] as number;
      this.sorted.splice(lowerBound(this.sorted, old), 1);
      this.ring[this.head] = x;
      this.head = (this.head + 1) % this.size;
    } else {
      this.ring.push(x);
    }
    this.sorted.splice(lowerBound(this.sorted, x), 0, x);
  }

  get count(): number {
    return this.sorted.length;
  }

  /** Quantile q in [0, 1] by linear interpolation; NaN when empty. */
  quantile(q: number): number {
    const n = this.sorted.length;
    if (n === 0) return Number.NaN;
    const pos = Math.min(Math.max(q, 0), 1) * (n - 1);
    const lo = Math.floor(pos);
    const a = this.sorted[lo] as number;
    const b = this.sorted[Math.min(lo + 1, n - 1)] as number;
    return a + (b - a) * (pos - lo);
  }

  median(): number {
    return this.quantile(0.5);
  }

  /** Share of the window's values that are >= x (0 when empty). */
  fractionAtLeast(x: number): number {
    const n = this.sorted.length;
    return n === 0 ? 0 : (n - lowerBound(this.sorted, x)) / n;
  }

  /** Median absolute deviation from the median (unscaled); O(size). */
  mad(): number {
    const n = this.sorted.length;
    if (n === 0) return Number.NaN;
    const med = this.median();
    const dev = this.sorted.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
    const mid = (n - 1) / 2;
    return ((dev[Math.floor(mid)] as number) + (dev[Math.ceil(mid)] as number)) / 2;
  }
}

/** First index whose value is >= x in an ascending array. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
