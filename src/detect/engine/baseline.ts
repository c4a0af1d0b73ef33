// Expected reports per minute for one network x region at one hour of the week.
// Learned from the same hour-of-week (+-1 hour) in the previous 4 weeks, skipping hours
// flagged as inside incidents and trimming the largest slot (robust to an undetected
// event), then shrunk toward a prior: the network's national rate x the region's share
// (gamma-Poisson posterior mean). A 3 a.m. spike is judged against 3 a.m.
import { HISTORY_HOURS, HOURS_PER_WEEK } from './config.js';
import type { ScopeLevel } from './types.js';

/** A key's hourly counts, for the hours its ring still holds (lastHour - HISTORY_HOURS, lastHour]. */
export interface HourlyHistory {
  readonly lastHour: number;
  hourCount(hour: number): number;
  flagged(hour: number): boolean;
}

export interface SlotSum {
  count: number; // reports in the usable slots
  slots: number; // usable hour slots
}

/**
 * Reports and usable slots at the same hour of week in the past 4 weeks (+-1 hour). While
 * fewer than 3 weekly slots exist (the first weeks), the same hour on the previous 6 days
 * fills in: a weekday is a better guide to 3 a.m. than no history at all.
 */
export function hourOfWeekSlots(history: HourlyHistory, hour: number, firstFullHour: number): SlotSum {
  const acc = { count: 0, slots: 0, max: -1 };
  for (let week = 1; week <= 4; week++) addSlots(history, hour - week * HOURS_PER_WEEK, firstFullHour, acc);
  if (acc.slots < 3) {
    for (let day = 1; day <= 6; day++) addSlots(history, hour - day * 24, firstFullHour, acc);
  }
  let { count, slots } = acc;
  const max = acc.max;
  // Drop the largest slot when it stands out (an event the flags missed). Only then: with
  // sparse counts the largest slot holds much of the total, and always dropping it would
  // bias quiet places low and make them jumpy.
  if (slots >= 4 && max > (3 * (count - max)) / (slots - 1) + 3) {
    count -= max;
    slots--;
  }
  return { count, slots };
}

function addSlots(history: HourlyHistory, center: number, firstFullHour: number, acc: { count: number; slots: number; max: number }): void {
  for (let h = center - 1; h <= center + 1; h++) {
    // Before the engine's first full hour we know nothing: unknown, not zero.
    if (h < firstFullHour || h > history.lastHour || h <= history.lastHour - HISTORY_HOURS) continue;
    if (history.flagged(h)) continue;
    const c = history.hourCount(h);
    acc.count += c;
    acc.slots++;
    if (c > acc.max) acc.max = c;
  }
}

/** How many hour slots the prior is worth, per level: a county's own hour-of-week counts
 * are mostly zeros, so its share-based prior (5 weeks of data) should weigh more. */
export const PRIOR_SLOTS: Record<ScopeLevel, number> = { county: 24, state: 6, nation: 2 };

/** Gamma-Poisson posterior mean rate (reports/min) from slots and a prior rate. */
export function posteriorRate(own: SlotSum, priorRate: number, priorSlots: number): number {
  const exposure = (own.slots + priorSlots) * 60;
  return (own.count + priorSlots * 60 * priorRate) / exposure;
}

/**
 * A region's share of its network, shrunk toward `priorShare` (population share, or a
 * uniform share when population is unknown): a gamma prior worth at most `pseudo` of the
 * region's reports and at most `networkPseudo` of the network's. The second cap matters on
 * a fresh engine: a small county's prior must not outweigh the few hundred reports seen.
 */
export function regionShare(regionTotal: number, networkTotal: number, priorShare: number, pseudo = 2, networkPseudo = 200): number {
  const share = priorShare > 0 ? priorShare : 1e-4;
  const strength = Math.min(pseudo, networkPseudo * share);
  return (regionTotal + strength) / (networkTotal + strength / share);
}

/**
 * National prior when the hour has no history (cold start, first day): the busiest of the
 * latest 6 complete unflagged hours x 2 (they may be from a quieter time of day), and
 * before any complete hour the conservative floor.
 */
export function coldNationRate(history: HourlyHistory, hour: number, firstFullHour: number, floor: number): number {
  const recent: number[] = [];
  // The latest 6 unflagged hours within the past week: skipping an incident in progress.
  for (let h = hour - 1; h >= firstFullHour && h >= hour - HOURS_PER_WEEK && recent.length < 6; h--) {
    if (h > history.lastHour || h <= history.lastHour - HISTORY_HOURS) continue;
    if (!history.flagged(h)) recent.push(history.hourCount(h));
  }
  if (recent.length === 0) return floor;
  // The busiest recent hour x 2: the morning rise can double the rate within hours.
  const max = Math.max(...recent);
  // With one or two hours seen, keep some of the floor: a short history is a weak guide.
  const weight = Math.min(1, recent.length / 3);
  return Math.max(0.05, weight * (max / 60) * 2 + (1 - weight) * floor);
}

/** Smallest expected rate per level (reports/min), so a silent county is not "infinitely" surprised. */
export const MIN_RATE: Record<ScopeLevel, number> = { county: 2e-4, state: 1e-3, nation: 0.02 };
