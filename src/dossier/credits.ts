// Credits a subscriber is owed for an outage, under the policies an office compares: pro rata,
// whole started days, and per 24-hour period as in New York bill A8369. Pure: plain numbers in,
// US dollars out (unrounded; round only for display).

/** The minutes of an outage that fall in one calendar month (UTC). */
export interface MonthPart {
  year: number;
  month: number; // 1..12
  minutes: number;
}

const MINUTE = 60_000;

export const minutesInMonth = (year: number, month: number): number => (Date.UTC(year, month, 1) - Date.UTC(year, month - 1, 1)) / MINUTE;
export const daysInMonth = (year: number, month: number): number => minutesInMonth(year, month) / 1440;

/** Splits [startMs, endMs) at UTC month boundaries; a zero or negative span has no parts. */
export function splitByMonth(startMs: number, endMs: number): MonthPart[] {
  const parts: MonthPart[] = [];
  let t = startMs;
  while (t < endMs) {
    const d = new Date(t);
    const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    const stop = Math.min(next, endMs);
    parts.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, minutes: (stop - t) / MINUTE });
    t = stop;
  }
  return parts;
}

/** Pro rata: monthly price × outage minutes ÷ minutes in that month, month by month. */
export function proRataCredit(monthlyPrice: number, parts: readonly MonthPart[]): number {
  return parts.reduce((sum, p) => sum + (monthlyPrice * p.minutes) / minutesInMonth(p.year, p.month), 0);
}

/** Whole days: every started 24 hours of outage credited as one day of the month it began in. */
export function wholeDaysCredit(monthlyPrice: number, minutes: number, year: number, month: number): number {
  if (minutes <= 0) return 0;
  return (Math.ceil(minutes / 1440) * monthlyPrice) / daysInMonth(year, month);
}

/** A8369 counts a period once the outage in it has lasted this long. */
export const A8369_MINIMUM_MINUTES = 240;

/**
 * New York A8369: 1/30 of the monthly price for each 24-hour period of outage; a period counts
 * once the outage in it lasts 4 hours, so 3 h 59 min earns nothing and 4 h earns the minimum
 * (1/30). 28 h is one full period plus 4 h: two periods.
 */
export function nyA8369Credit(monthlyPrice: number, minutes: number): number {
  if (minutes < A8369_MINIMUM_MINUTES) return 0;
  const full = Math.floor(minutes / 1440);
  const rest = minutes - full * 1440;
  return ((full + (rest >= A8369_MINIMUM_MINUTES ? 1 : 0)) * monthlyPrice) / 30;
}

export interface CreditsOwed {
  proRata: number;
  wholeDays: number;
  nyA8369: number;
}

/** One subscriber's outage [startMs, endMs) under every policy. */
export function creditsFor(monthlyPrice: number, startMs: number, endMs: number): CreditsOwed {
  const parts = splitByMonth(startMs, endMs);
  const minutes = parts.reduce((n, p) => n + p.minutes, 0);
  const first = parts[0];
  return {
    proRata: proRataCredit(monthlyPrice, parts),
    wholeDays: first ? wholeDaysCredit(monthlyPrice, minutes, first.year, first.month) : 0,
    nyA8369: nyA8369Credit(monthlyPrice, minutes),
  };
}
