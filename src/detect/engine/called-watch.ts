// Collateral seen through who people were calling. While network A has an open primary
// incident, reports on another network B that name A as the network they were calling are
// counted per minute, nationwide, against B's usual share of such calls. A small collateral
// spike (a few dozen reports in 15 minutes on a network that gets hundreds) vanishes in B's
// total counts, but stands out here: its reporters nearly all name A, B's usual ones rarely do.
import { RING_MINUTES, type Thresholds } from './config.js';
import type { Expectation } from './expectation.js';
import type { NetworkCounts } from './network.js';
import { changePoint, isSignificant, poissonLlr, type WindowRule, type WindowTest } from './significance.js';
import type { Scope } from './types.js';

const NATION: Scope = { level: 'nation', regions: ['US'] };
/** Windows tested, minutes: a collateral spike follows its primary within the hour. */
const CALL_WINDOWS = [15, 30] as const;
/** Even a network whose reporters never name A is assumed to, now and then: no zero baseline. */
const MIN_CALLED_SHARE = 0.01;

/** Per-minute counts of the last RING_MINUTES minutes. */
export class MinuteRing {
  private readonly counts = new Int32Array(RING_MINUTES);
  private readonly minutes = new Int32Array(RING_MINUTES).fill(-1);

  add(minute: number): void {
    const i = minute & (RING_MINUTES - 1);
    if (this.minutes[i] !== minute) {
      this.minutes[i] = minute;
      this.counts[i] = 0;
    }
    this.counts[i]!++;
  }

  at(minute: number): number {
    const i = minute & (RING_MINUTES - 1);
    return this.minutes[i] === minute ? this.counts[i]! : 0;
  }

  sum(from: number, to: number): number {
    let s = 0;
    for (let m = from; m <= to; m++) s += this.at(m);
    return s;
  }
}

export interface CallSpike extends WindowTest {
  windowMinutes: number;
  /** expected calls to A per minute (no margin) */
  rate: number;
  onsetMinute: number;
}

/** B's expected reports per minute naming A, at this hour of the week. */
export function expectedCalls(exp: Expectation, b: NetworkCounts, a: NetworkCounts, minute: number): number {
  return exp.scopeRate(b, NATION, minute) * Math.max(b.baseCalledShare(a.index), MIN_CALLED_SHARE);
}

/**
 * Tests B's calls to A in the windows ending at `minute` (complete minutes only) with the
 * nation's rule; the significant window, or null.
 */
export function callSpike(t: Thresholds, exp: Expectation, b: NetworkCounts, a: NetworkCounts, minute: number): CallSpike | null {
  const ring = b.calls.get(a.index);
  if (!ring) return null;
  const rate = expectedCalls(exp, b, a, minute);
  const testedPerMinute = rate * exp.factor();
  const rule: WindowRule = { openLlr: t.openLlr[2], minReporters: t.minReporters[2], minRatio: t.minRatio, minElevatedMinutes: t.minElevatedMinutes };
  for (const w of CALL_WINDOWS) {
    const from = minute - w + 1;
    const observed = ring.sum(from, minute);
    const tested = testedPerMinute * w;
    let elevatedMinutes = 0;
    for (let m = from; m <= minute; m++) if (ring.at(m) > testedPerMinute) elevatedMinutes++;
    const test: WindowTest = { observed, expected: rate * w, tested, llr: poissonLlr(observed, tested), elevatedMinutes };
    if (!isSignificant(test, rule)) continue;
    const perMinute = Array.from({ length: 60 }, (_, i) => ring.at(minute - 59 + i));
    const onsetMinute = minute - 59 + changePoint(perMinute, new Array<number>(60).fill(testedPerMinute));
    return { ...test, windowMinutes: w, rate, onsetMinute };
  }
  return null;
}
