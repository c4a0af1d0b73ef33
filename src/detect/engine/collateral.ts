// Primary or collateral: a spike on network B during an incident on A is collateral when
// B's excess reporters were mostly calling A's customers, or when B's excess is much
// smaller than A's, starts after it and tracks it (the T-Mobile 2020 and AT&T 2024 pattern:
// other networks' reports came from people who could not reach the broken network).
import { pearson } from './significance.js';
import type { CollateralEvidence } from './types.js';

export interface CollateralRule {
  calledShare: number;
  excessRatio: number;
  correlation: number;
}

export interface PrimaryView {
  id: string;
  network: string;
  onsetMinute: number;
  excess: number; // primary's excess over the comparison window
  curve: ArrayLike<number>; // primary's per-minute counts over the comparison window
}

export interface CandidateView {
  onsetMinute: number;
  observed: number; // reporters in the comparison window
  expected: number; // baseline for the window (no margin)
  calledPrimary: number; // reporters in the window calling the primary's network
  /** share of this network's reporters who call the primary's network in quiet times */
  baseCalledShare: number;
  curve: ArrayLike<number>; // per-minute counts, aligned with the primary's curve
}

/** Share of the excess reporters explained by calls to the primary's network. */
export function calledShareOfExcess(c: CandidateView): number {
  const excess = c.observed - c.expected;
  if (excess <= 0) return 0;
  const extraCalls = c.calledPrimary - c.baseCalledShare * c.expected;
  return Math.min(1, Math.max(0, extraCalls / excess));
}

/** The collateral evidence when B (candidate) follows A (primary); null when B stands alone. */
export function judgeCollateral(a: PrimaryView, b: CandidateView, rule: CollateralRule): CollateralEvidence | null {
  const calledShare = calledShareOfExcess(b);
  const lagMinutes = b.onsetMinute - a.onsetMinute;
  const correlation = pearson(a.curve, b.curve);
  const excessRatio = a.excess > 0 ? Math.max(0, b.observed - b.expected) / a.excess : 1e9;
  const base = { primaryIncidentId: a.id, primaryNetwork: a.network, calledShare, lagMinutes, correlation, excessRatio };
  // Onsets are estimated to the minute from noisy counts: allow a little slack on "after".
  if (calledShare >= rule.calledShare && lagMinutes >= -10) return { ...base, rule: 'called-network' };
  if (lagMinutes >= -2 && excessRatio <= rule.excessRatio && correlation >= rule.correlation) {
    return { ...base, rule: 'tracks-primary' };
  }
  return null;
}

/** Of several candidate primaries, the one B most plausibly follows (strongest call share). */
export function bestCollateral(verdicts: Array<CollateralEvidence | null>): CollateralEvidence | null {
  let best: CollateralEvidence | null = null;
  for (const v of verdicts) {
    if (!v) continue;
    if (!best || v.calledShare > best.calledShare || (v.calledShare === best.calledShare && v.correlation > best.correlation)) best = v;
  }
  return best;
}
