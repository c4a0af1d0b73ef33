// Tunable thresholds of the engine, in one place with the reason for each value.
import type { ScopeLevel } from './types.js';

export const MINUTE_MS = 60_000;
/** Windows searched for excess, in minutes: short for big outages, long for small places. */
export const WINDOWS = [5, 15, 30, 60] as const;
export const RING_MINUTES = 64; // > the longest window; a power of two for cheap modulo
export const HISTORY_HOURS = 840; // 5 weeks of hourly counts per key
export const HOURS_PER_WEEK = 168;

export const LEVEL_INDEX: Record<ScopeLevel, number> = { county: 0, state: 1, nation: 2 };

export interface Thresholds {
  /** Poisson LLR needed to open, per level [county, state, nation]. Counties and states are
   * many (thousands of tests a minute), so they need stronger evidence to keep false
   * incidents under 1 per network per 90 days; the nation is one test with large counts. */
  openLlr: [number, number, number];
  /** Distinct reporters needed in the window, per level: a handful of people is not an
   * outage. 4 in a quiet county is the least that keeps chance clusters rare (simulated
   * 90 days, 3 seeds) while finding a small county outage within ~15 minutes. */
  minReporters: [number, number, number];
  /** Observed must be at least this multiple of the tested expectation ("large"). */
  minRatio: number;
  /** Minutes in the window above the margin ("lasting"); a one-minute burst never opens. */
  minElevatedMinutes: number;
  /** Baseline x margin is what we test against: absorbs a +50% news surge and
   * baseline error without hiding a real outage (which is 3x to 1000x). */
  margin: number;
  /** Cross-network context (median ratio over quiet networks) is capped here, so a big
   * outage elsewhere cannot blind us. */
  maxContext: number;
  /** Windows where more than this share of raw reports were repeats are spam-like. */
  maxDuplicateShare: number;
  /** LLR for a region to count as part of the scope once an excess is found. */
  scopeLlr: number;
  /** Minutes the counts must stay near baseline before an incident resolves. */
  quietMinutes: number;
  /** "Near baseline" also means below this share of the peak: reports keep coming for
   * hours after a big outage ends (people confirm it is over), well above baseline. */
  resolvePeakShare: number;
  /** After resolving, the tail is expected for this long, so it cannot reopen at once. */
  cooldownMinutes: number;
  /** Dedupe: one fingerprint counts once per network within this many minutes. */
  dedupeMinutes: number;
  /** Nation rate floor (reports/min) for a fresh engine with no history: conservative, so
   * ordinary traffic never opens, while a real national outage (thousands) still does. */
  coldNationRate: number;
  /** Collateral: share of excess reporters calling the primary's network (above the network's
   * usual share of calls to it). Often only 30-50 % of collateral reporters fill in whom they
   * were calling; a primary outage of B raises calls to A only at B's usual share, which is
   * corrected away, so a quarter of the excess naming A already says B follows A. */
  collateralCalledShare: number;
  /** Collateral by tracking: excess at most this share of the primary's, r >= this. */
  collateralExcessRatio: number;
  collateralCorrelation: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  openLlr: [16, 16, 12],
  minReporters: [4, 8, 12],
  minRatio: 2,
  minElevatedMinutes: 3,
  margin: 1.5,
  maxContext: 2.5,
  maxDuplicateShare: 0.6,
  scopeLlr: 7,
  quietMinutes: 30,
  resolvePeakShare: 0.025,
  cooldownMinutes: 360,
  dedupeMinutes: 60,
  coldNationRate: 4,
  collateralCalledShare: 0.25,
  collateralExcessRatio: 0.25,
  collateralCorrelation: 0.6,
};
