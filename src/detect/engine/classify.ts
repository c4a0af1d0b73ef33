// Gathers the numbers the collateral rule needs (who B's reporters were calling, both
// curves, both excesses) and marks B collateral of the primary it most plausibly follows.
import { bestCollateral, judgeCollateral, type CollateralRule } from './collateral.js';
import type { Thresholds } from './config.js';
import type { Expectation } from './expectation.js';
import type { IncidentBook } from './incident-book.js';
import type { TrackedIncident } from './lifecycle.js';
import type { NetworkCounts } from './network.js';
import type { ReportLog } from './report-log.js';
import { overlaps } from './scope.js';
import { scopeFilter, scopeObserved } from './scope-counts.js';
import type { CollateralEvidence } from './types.js';

export interface ClassifyDeps {
  t: Thresholds;
  exp: Expectation;
  log: ReportLog;
}

interface Stretch {
  curve: number[];
  excess: number; // observed - expected from `excessFrom` to the end
}

/** Per-minute counts of an incident's scope over [from, to] and its excess since `excessFrom`. */
function stretch(deps: ClassifyDeps, net: NetworkCounts, inc: TrackedIncident, from: number, to: number, excessFrom: number): Stretch {
  const curve: number[] = [];
  let excess = 0;
  for (let m = from; m <= to; m++) {
    const observed = scopeObserved(net, inc.scope, m);
    curve.push(observed);
    if (m >= excessFrom) excess += observed - deps.exp.scopeRate(net, inc.scope, m);
  }
  return { curve, excess };
}

/**
 * Classifies `b` (at the start of `minute`, using only complete minutes and reports already
 * seen) against every open primary on another network. True when it became collateral.
 */
export function classify(book: IncidentBook, b: TrackedIncident, minute: number, deps: ClassifyDeps): boolean {
  if (b.kind === 'collateral') return false;
  const bNet = book.netOf.get(b)!;
  const rule: CollateralRule = {
    calledShare: deps.t.collateralCalledShare,
    excessRatio: deps.t.collateralExcessRatio,
    correlation: deps.t.collateralCorrelation,
  };
  const verdicts: Array<CollateralEvidence | null> = [];
  for (const a of book.openPrimaries()) {
    const aNet = book.netOf.get(a)!;
    if (a === b || aNet === bNet || !overlaps(a.scope, b.scope) || a.onsetMinute > b.onsetMinute + 10) continue;
    const to = minute - 1;
    const from = Math.max(minute - 60, Math.min(a.onsetMinute, b.onsetMinute) - 15);
    const excessFrom = Math.min(b.onsetMinute, to);
    const aStretch = stretch(deps, aNet, a, from, to, excessFrom);
    const bStretch = stretch(deps, bNet, b, from, to, excessFrom);
    const tally = deps.log.tally({ network: bNet.index, fromMinute: b.onsetMinute, inScope: scopeFilter(b.scope) });
    let expected = 0;
    for (let m = b.onsetMinute; m <= to; m++) expected += deps.exp.scopeRate(bNet, b.scope, m);
    verdicts.push(judgeCollateral(
      { id: a.id, network: a.network, onsetMinute: a.onsetMinute, excess: aStretch.excess, curve: aStretch.curve },
      {
        onsetMinute: b.onsetMinute, observed: tally.counted, expected,
        calledPrimary: tally.called.get(aNet.index) ?? 0, baseCalledShare: bNet.baseCalledShare(aNet.index),
        curve: to - from >= 7 ? bStretch.curve : [],
      },
      rule,
    ));
  }
  const best = bestCollateral(verdicts);
  if (!best) return false;
  b.kind = 'collateral';
  b.primaryIncidentId = best.primaryIncidentId;
  // A collateral incident never begins before its primary: its own onset estimate is earlier
  // only by noise (a change point over sparse counts), since it exists because the primary failed.
  const primary = book.find(best.primaryIncidentId)!;
  if (primary.onsetMinute > b.onsetMinute) {
    const all = deps.log.tally({ network: bNet.index, fromMinute: primary.onsetMinute, inScope: scopeFilter(b.scope) });
    const own = b.calledNetwork === null ? all : deps.log.tally({ network: bNet.index, fromMinute: primary.onsetMinute, inScope: scopeFilter(b.scope), called: b.calledNetwork });
    b.moveOnset(primary.onsetMinute, own, all);
  }
  b.primaryNet = book.netOf.get(primary)!.index;
  b.collateral = roundEvidence({ ...best, lagMinutes: b.onsetMinute - primary.onsetMinute });
  return true;
}

function roundEvidence(e: CollateralEvidence): CollateralEvidence {
  const r = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);
  return { ...e, calledShare: r(e.calledShare), correlation: r(e.correlation), excessRatio: r(e.excessRatio) };
}
