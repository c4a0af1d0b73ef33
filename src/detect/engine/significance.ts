// Significance of observed vs expected counts: pure functions on numbers.
// Poisson log-likelihood ratio (Kulldorff's expectation-based statistic) of "rate is
// observed/expected" against "rate is expected", one-sided (only excess counts).

/** log LR of Poisson(observed) vs Poisson(expected); 0 when observed <= expected. */
export function poissonLlr(observed: number, expected: number): number {
  if (observed <= expected) return 0;
  if (expected <= 0) return Infinity;
  return observed * Math.log(observed / expected) - (observed - expected);
}

export interface WindowTest {
  observed: number;
  expected: number; // baseline for the window
  tested: number; // baseline x margin
  llr: number;
  elevatedMinutes: number;
}

export interface WindowRule {
  openLlr: number;
  minReporters: number;
  minRatio: number;
  minElevatedMinutes: number;
}

/** Cheap gate before any logarithm: enough reporters and a large ratio. */
export function passesGate(observed: number, tested: number, rule: WindowRule): boolean {
  return observed >= rule.minReporters && observed >= rule.minRatio * tested;
}

/** Large (ratio, LLR) and lasting (several elevated minutes): the opening rule. */
export function isSignificant(t: WindowTest, rule: WindowRule): boolean {
  return passesGate(t.observed, t.tested, rule) && t.llr >= rule.openLlr && t.elevatedMinutes >= rule.minElevatedMinutes;
}

/** Pearson correlation of two equal-length series; 0 when either is flat. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 3) return 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i]!;
    sb += b[i]!;
  }
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0;
}

/**
 * Onset estimate (CUSUM change point): the index where the cumulative excess over
 * `k` x expected, summed to the end, is largest. Before it counts sat at baseline.
 * observed[i], expected[i] are per minute, oldest first.
 */
export function changePoint(observed: ArrayLike<number>, expected: ArrayLike<number>, k = 2): number {
  let best = observed.length - 1;
  let bestSum = -Infinity;
  let sum = 0;
  for (let i = observed.length - 1; i >= 0; i--) {
    sum += observed[i]! - k * expected[i]!;
    if (sum > bestSum) { // strict: among ties keep the latest minute, never backdate over silence
      bestSum = sum;
      best = i;
    }
  }
  return best;
}
