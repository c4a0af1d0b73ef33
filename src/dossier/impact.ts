// What an outage cost people, from the incident's bounds, its reports (tallied by outage length)
// and the office's assumptions. Pure: the tally is counted elsewhere (tally.ts) from the store.
import { creditsFor, daysInMonth, minutesInMonth, nyA8369Credit, type CreditsOwed } from './credits.js';
import { fccChecklist, type FccChecklist } from './fcc.js';

const MINUTE = 60_000;

/** The incident's reports grouped by how long each reporter was out (whole minutes). */
export interface OutageTally {
  /** `minutes` before the first month boundary after onset, `minutesNextMonth` after it. */
  groups: Array<{ carrier: string; minutes: number; minutesNextMonth: number; reports: number }>;
  reports: number;
  reports911: number;
  reportsSos: number;
}

/** Every number the estimate rests on, with where it came from; each can be changed per incident. */
export interface ImpactAssumptions {
  peopleInScope: number;
  peopleSource: string;
  /** Share of people in scope who are subscribers of the incident's network. */
  networkShare: number;
  shareSource: string;
  /** Share of the network's subscribers in scope who lost service (1 = all potentially affected, the FCC's measure). */
  affectedShare: number;
  /** Monthly price per carrier (brand) in dollars; `other` prices a carrier not listed. */
  monthlyPrices: Record<string, number>;
  priceSource: string;
  /** Credit the carrier offered per account, in dollars (0 = none yet). */
  offeredCreditPerAccount: number;
  offerSource: string;
}

export interface ImpactBounds {
  onsetMs: number;
  detectedMs: number;
  /** Resolved time, or now for an open incident. */
  endMs: number;
  resolved: boolean;
}

export interface CreditBin {
  from: number;
  to: number;
  reports: number;
}

export interface Impact {
  durationMinutes: number;
  reports: number;
  reports911: number;
  reportsSos: number;
  userMinutes: { reported: number; estimated: number; usersAffected: number };
  fcc: FccChecklist;
  credits: {
    /** Owed to the reporters under the pro-rata policy. */
    owedTotal: number;
    offeredTotal: number;
    owed: CreditsOwed;
    /** Owed to every estimated affected subscriber in scope, pro rata. */
    estimatedOwedTotal: number;
    distribution: CreditBin[];
  };
}

/** People in scope × network share × affected share: the subscribers an estimate counts. */
export const usersAffected = (a: ImpactAssumptions): number => a.peopleInScope * a.networkShare * a.affectedShare;

/** The first instant of the month after the one `ms` falls in (UTC). */
export function nextMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The two months an incident's minutes can fall in (it is shorter than a month). */
interface Months {
  minutes: [number, number];
  days: [number, number];
}

function monthsFrom(onsetMs: number): Months {
  const a = new Date(onsetMs);
  const b = new Date(nextMonthStart(onsetMs));
  const [ya, ma, yb, mb] = [a.getUTCFullYear(), a.getUTCMonth() + 1, b.getUTCFullYear(), b.getUTCMonth() + 1];
  return { minutes: [minutesInMonth(ya, ma), minutesInMonth(yb, mb)], days: [daysInMonth(ya, ma), daysInMonth(yb, mb)] };
}

/**
 * Credits of a reporter out `minutes` before and `minutesNextMonth` after the month boundary:
 * the same as creditsFor on that span (credits.ts), without building dates for each of the
 * thousands of groups a national incident has.
 */
function groupCredits(price: number, months: Months, minutes: number, minutesNextMonth: number): CreditsOwed {
  const total = minutes + minutesNextMonth;
  const startMonth = minutes > 0 ? 0 : 1;
  return {
    proRata: price * (minutes / months.minutes[0] + minutesNextMonth / months.minutes[1]),
    wholeDays: total > 0 ? (Math.ceil(total / 1440) * price) / months.days[startMonth] : 0,
    nyA8369: nyA8369Credit(price, total),
  };
}

function distribution(owed: Array<{ amount: number; reports: number }>, bins = 10): CreditBin[] {
  const max = owed.reduce((m, g) => Math.max(m, g.amount), 0);
  if (max <= 0) return [];
  const width = max / bins;
  const out = Array.from({ length: bins }, (_, i) => ({ from: i * width, to: (i + 1) * width, reports: 0 }));
  for (const g of owed) out[Math.min(bins - 1, Math.floor(g.amount / width))]!.reports += g.reports;
  return out;
}

export const priceOf = (a: ImpactAssumptions, carrier: string): number => a.monthlyPrices[carrier] ?? a.monthlyPrices.other ?? 0;

/** `networkCarrier`: the brand whose price values the whole-scope estimate (the network's own brand). */
export function computeImpact(b: ImpactBounds, tally: OutageTally, a: ImpactAssumptions, networkCarrier = 'other'): Impact {
  const durationMinutes = Math.max(0, (b.endMs - b.onsetMs) / MINUTE);
  const users = usersAffected(a);
  const owed: CreditsOwed = { proRata: 0, wholeDays: 0, nyA8369: 0 };
  const perReport: Array<{ amount: number; reports: number }> = [];
  const months = monthsFrom(b.onsetMs);
  let reported = 0;
  for (const g of tally.groups) {
    reported += (g.minutes + g.minutesNextMonth) * g.reports;
    const c = groupCredits(priceOf(a, g.carrier), months, g.minutes, g.minutesNextMonth);
    owed.proRata += c.proRata * g.reports;
    owed.wholeDays += c.wholeDays * g.reports;
    owed.nyA8369 += c.nyA8369 * g.reports;
    perReport.push({ amount: c.proRata, reports: g.reports });
  }
  const whole = creditsFor(a.monthlyPrices[networkCarrier] ?? priceOf(a, 'other'), b.onsetMs, b.endMs);
  return {
    durationMinutes,
    reports: tally.reports,
    reports911: tally.reports911,
    reportsSos: tally.reportsSos,
    userMinutes: { reported, estimated: users * durationMinutes, usersAffected: users },
    fcc: fccChecklist({ onsetMs: b.onsetMs, endMs: b.endMs, resolved: b.resolved, usersAffected: users, reports911: tally.reports911, detectedMs: b.detectedMs }),
    credits: {
      owedTotal: owed.proRata,
      offeredTotal: a.offeredCreditPerAccount * tally.reports,
      owed,
      estimatedOwedTotal: whole.proRata * users,
      distribution: distribution(perReport),
    },
  };
}
