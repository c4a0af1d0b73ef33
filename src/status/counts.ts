// Report counts as the status page needs them, in buckets that stop changing once they are
// past: per 15-minute slice the totals per network and per reported problem (small, kept for
// the 8 days the expected level needs), per hour the counts per network and county (kept 25 h).

export const SLICE_MS = 15 * 60_000;
export const HOUR_MS = 60 * 60_000;
export const DAY_MS = 24 * HOUR_MS;

export const PROBLEMS = ['voice', 'sms', 'data', '911', 'sos'] as const;
export type Problem = (typeof PROBLEMS)[number];

export interface NetworkTotals {
  total: number;
  byProblem: Record<Problem, number>;
}

/** One slice: network -> totals. */
export type SliceTotals = Map<string, NetworkTotals>;
/** One hour: network -> county -> reports. */
export type HourCounties = Map<string, Map<string, number>>;

/** A row of `group by slice, network, services, sos_mode`. */
export interface TotalsRow {
  at: number;
  network: string;
  services: string; // comma list as stored
  sos: boolean;
  n: number;
}

/** A row of `group by hour, network, county`. */
export interface CountyRow {
  at: number;
  network: string;
  county: string;
  n: number;
}

export const emptyTotals = (): NetworkTotals => ({ total: 0, byProblem: { voice: 0, sms: 0, data: 0, '911': 0, sos: 0 } });

export function slicesOf(rows: Iterable<TotalsRow>): Map<number, SliceTotals> {
  const out = new Map<number, SliceTotals>();
  for (const r of rows) {
    let slice = out.get(r.at);
    if (!slice) out.set(r.at, (slice = new Map()));
    let t = slice.get(r.network);
    if (!t) slice.set(r.network, (t = emptyTotals()));
    t.total += r.n;
    for (const s of r.services.split(',')) if (s in t.byProblem) t.byProblem[s as Problem] += r.n;
    if (r.sos) t.byProblem.sos += r.n;
  }
  return out;
}

export function hoursOf(rows: Iterable<CountyRow>): Map<number, HourCounties> {
  const out = new Map<number, HourCounties>();
  for (const r of rows) {
    if (!r.county) continue;
    let hour = out.get(r.at);
    if (!hour) out.set(r.at, (hour = new Map()));
    let byCounty = hour.get(r.network);
    if (!byCounty) hour.set(r.network, (byCounty = new Map()));
    byCounty.set(r.county, (byCounty.get(r.county) ?? 0) + r.n);
  }
  return out;
}

export const sliceStart = (t: number): number => Math.floor(t / SLICE_MS) * SLICE_MS;
export const hourStart = (t: number): number => Math.floor(t / HOUR_MS) * HOUR_MS;
