// Collateral seen through who people were calling. While network A has an open primary
// incident, reports on another network B that name A as the network they were calling are
// counted per minute, over A's place (its states, or the nation), against B's usual share
// of such calls. A small collateral
// spike (a few dozen reports in 15 minutes on a network that gets hundreds) vanishes in B's
// total counts, but stands out here: its reporters nearly all name A, B's usual ones rarely do.
import { RING_MINUTES, type Thresholds } from './config.js';
import type { Expectation } from './expectation.js';
import type { NetworkCounts } from './network.js';
import { changePoint, isSignificant, poissonLlr, type WindowRule, type WindowTest } from './significance.js';
import type { Scope } from './types.js';

/** Where calls are counted for an incident's scope: a county outage's calls by its states. */
export function callScope(scope: Scope): Scope {
  if (scope.level !== 'county') return scope;
  return { level: 'state', regions: [...new Set(scope.regions.map((c) => c.slice(0, 2)))] };
}
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
}

/** One network's reports naming one other network: per minute, nationwide and per state. */
export class CallCounts {
  readonly nation = new MinuteRing();
  private readonly states = new Map<string, MinuteRing>();

  add(minute: number, state: string): void {
    this.nation.add(minute);
    let ring = this.states.get(state);
    if (!ring) {
      ring = new MinuteRing();
      this.states.set(state, ring);
    }
    ring.add(minute);
  }

  /** Calls in a call scope (nation or states) at one minute. */
  at(minute: number, scope: Scope): number {
    if (scope.level === 'nation') return this.nation.at(minute);
    let sum = 0;
    for (const s of scope.regions) sum += this.states.get(s)?.at(minute) ?? 0;
    return sum;
  }

  sum(from: number, to: number, scope: Scope): number {
    let s = 0;
    for (let m = from; m <= to; m++) s += this.at(m, scope);
    return s;
  }
}

export interface CallSpike extends WindowTest {
  windowMinutes: number;
  /** expected calls to A per minute (no margin) */
  rate: number;
  onsetMinute: number;
}

/** B's expected reports per minute naming A in a call scope, at this hour of the week. */
export function expectedCalls(exp: Expectation, b: NetworkCounts, a: NetworkCounts, scope: Scope, minute: number): number {
  return exp.scopeRate(b, scope, minute) * Math.max(b.baseCalledShare(a.index), MIN_CALLED_SHARE);
}

/**
 * Tests B's calls to A over A's place (`scope`, a call scope) in the windows ending at
 * `minute` (complete minutes only), with that level's rule; the significant window, or null.
 */
export function callSpike(t: Thresholds, exp: Expectation, b: NetworkCounts, a: NetworkCounts, scope: Scope, minute: number): CallSpike | null {
  const calls = b.calls.get(a.index);
  if (!calls) return null;
  const rate = expectedCalls(exp, b, a, scope, minute);
  const testedPerMinute = rate * exp.factor();
  const level = scope.level === 'nation' ? 2 : 1;
  const rule: WindowRule = { openLlr: t.openLlr[level], minReporters: t.minReporters[level], minRatio: t.minRatio, minElevatedMinutes: t.minElevatedMinutes };
  for (const w of CALL_WINDOWS) {
    const from = minute - w + 1;
    const observed = calls.sum(from, minute, scope);
    const tested = testedPerMinute * w;
    let elevatedMinutes = 0;
    for (let m = from; m <= minute; m++) if (calls.at(m, scope) > testedPerMinute) elevatedMinutes++;
    const test: WindowTest = { observed, expected: rate * w, tested, llr: poissonLlr(observed, tested), elevatedMinutes };
    if (!isSignificant(test, rule)) continue;
    const perMinute = Array.from({ length: 60 }, (_, i) => calls.at(minute - 59 + i, scope));
    const onsetMinute = minute - 59 + changePoint(perMinute, new Array<number>(60).fill(testedPerMinute));
    return { ...test, windowMinutes: w, rate, onsetMinute };
  }
  return null;
}
