// Finding a candidate: after each counted report, the report's county, state and nation
// keys are tested over 5/15/30/60-minute windows. A cheap integer gate comes first, so in
// quiet times a report costs no logarithm at all.
import { LEVEL_INDEX, RING_MINUTES, WINDOWS, type Thresholds } from './config.js';
import type { Expectation } from './expectation.js';
import type { NetworkCounts } from './network.js';
import type { RegionSeries } from './rollup.js';
import type { RegionStat } from './scope.js';
import { isSignificant, passesGate, poissonLlr, type WindowRule, type WindowTest } from './significance.js';

export interface Candidate extends WindowTest {
  key: RegionSeries;
  windowIndex: number;
  rate: number; // baseline reports/min
}

const rulesByThresholds = new WeakMap<Thresholds, WindowRule[]>();
let lastThresholds: Thresholds | null = null;
let lastRules: WindowRule[] = [];

/** The opening rule of a key's level (built once per thresholds object: no per-report objects). */
export function ruleFor(t: Thresholds, key: RegionSeries): WindowRule {
  // One engine's thresholds ask again and again: skip the weak map then.
  if (t === lastThresholds) return lastRules[LEVEL_INDEX[key.level]]!;
  let rules = rulesByThresholds.get(t);
  if (!rules) {
    rules = [0, 1, 2].map((i) => ({
      openLlr: t.openLlr[i]!, minReporters: t.minReporters[i]!, minRatio: t.minRatio, minElevatedMinutes: t.minElevatedMinutes,
    }));
    rulesByThresholds.set(t, rules);
  }
  lastThresholds = t;
  lastRules = rules;
  return rules[LEVEL_INDEX[key.level]]!;
}

/** Baseline rate and tested rate (baseline x margin + tail) for a key at a minute. */
export function testedRate(exp: Expectation, net: NetworkCounts, key: RegionSeries, minute: number): { rate: number; tested: number } {
  const rate = exp.rate(net, key, minute);
  const tail = exp.cooldowns.length > 0 ? exp.tail(net, key, rate, minute) : 0;
  return { rate, tested: rate * exp.factor() + tail };
}

/** Minutes in the window with at least one report and at least twice the tested rate. */
function elevatedMinutes(key: RegionSeries, minute: number, window: number, perMinute: number): number {
  const bar = Math.max(1, 2 * perMinute);
  let n = 0;
  for (let m = minute - window + 1; m <= minute; m++) if (key.at(m) >= bar) n++;
  return n;
}

/** The first window (shortest first) in which the key's excess is significant, or null. */
export function testKey(t: Thresholds, exp: Expectation, net: NetworkCounts, key: RegionSeries, minute: number): Candidate | null {
  if (minute < key.holdUntil) return null;
  key.advance(minute);
  const rule = ruleFor(t, key);
  let rate = -1;
  let testedPerMinute = 0;
  let windowsFrom = Number.NEGATIVE_INFINITY;
  for (let wi = 0; wi < WINDOWS.length; wi++) {
    const observed = key.windowCount(wi);
    if (observed < rule.minReporters) continue; // the integer gate: most reports stop here
    if (rate < 0) {
      rate = exp.rate(net, key, minute);
      testedPerMinute = rate * exp.factor();
      if (exp.cooldowns.length > 0) {
        testedPerMinute += exp.tail(net, key, rate, minute);
        windowsFrom = exp.windowsFrom(net, key, minute);
      }
    }
    const w = WINDOWS[wi]!;
    if (minute - w + 1 < windowsFrom) break; // longer windows reach further back still
    const tested = testedPerMinute * w;
    if (!passesGate(observed, tested, rule)) continue;
    const llr = poissonLlr(observed, tested);
    if (llr < rule.openLlr) continue;
    const test: WindowTest = {
      observed, expected: rate * w, tested, llr,
      elevatedMinutes: elevatedMinutes(key, minute, Math.min(w, RING_MINUTES), testedPerMinute),
    };
    if (isSignificant(test, rule)) return { ...test, key, windowIndex: wi, rate };
  }
  return null;
}

/** Observed and tested counts of every key of the network over one window (scope search). */
export function regionStats(exp: Expectation, net: NetworkCounts, windowIndex: number, minute: number): {
  nation: RegionStat; states: RegionStat[]; counties: RegionStat[];
} {
  const w = WINDOWS[windowIndex]!;
  const stat = (key: RegionSeries): RegionStat => ({
    level: key.level,
    region: key.region,
    state: key.state,
    observed: key.windowSum(windowIndex, minute),
    tested: testedRate(exp, net, key, minute).tested * w,
  });
  const active = (key: RegionSeries): boolean => key.lastMinute > minute - w;
  return {
    nation: stat(net.nation),
    states: [...net.states.values()].filter(active).map(stat),
    counties: [...net.counties.values()].filter(active).map(stat),
  };
}
