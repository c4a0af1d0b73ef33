import { describe, expect, it } from 'vitest';
import { coldNationRate, hourOfWeekSlots, posteriorRate, PRIOR_SLOTS, regionShare, type HourlyHistory } from './baseline.js';
import { HISTORY_HOURS } from './config.js';
import { isSignificant, poissonLlr } from './significance.js';

const WEEK = 168;
/** Hour index of a Monday 00:00 UTC far from zero (1970-01-05 is a Monday). */
const MONDAY = 96 + WEEK * 2800;

/** A history whose hour `h` holds `countAt(h)` reports, for hours [first, last]. */
function history(first: number, last: number, countAt: (hour: number) => number, flagged: (h: number) => boolean = () => false): HourlyHistory {
  const hours = new Uint32Array(HISTORY_HOURS);
  const flags = new Uint8Array(HISTORY_HOURS);
  for (let h = Math.max(first, last - HISTORY_HOURS + 1); h <= last; h++) {
    hours[h % HISTORY_HOURS] = countAt(h);
    flags[h % HISTORY_HOURS] = flagged(h) ? 1 : 0;
  }
  return { lastHour: last, hourCount: (h) => hours[h % HISTORY_HOURS]!, flagged: (h) => flags[h % HISTORY_HOURS] === 1 };
}

/** 2 reports an hour at night (hour of day 0-5), 60 in the afternoon, 20 otherwise. */
const diurnal = (h: number): number => {
  const hod = ((h % 24) + 24) % 24;
  return hod < 6 ? 2 : hod >= 12 && hod < 18 ? 60 : 20;
};

function rateAt(hist: HourlyHistory, hour: number, first: number): number {
  return posteriorRate(hourOfWeekSlots(hist, hour, first), 0, 0);
}

describe('hour-of-week baseline', () => {
  const first = MONDAY;
  const now = MONDAY + 4 * WEEK; // four full weeks of history
  const hist = history(first, now - 1, diurnal);

  it('judges a 3 a.m. spike against 3 a.m. and a 3 p.m. count against 3 p.m.', () => {
    const night = rateAt(hist, now + 3, first) * 60; // per hour
    const afternoon = rateAt(hist, now + 15, first) * 60;
    expect(night).toBeGreaterThan(1.5);
    expect(night).toBeLessThan(8); // the +-1 hour neighbours are night hours too (or 20 at 5-6 a.m.)
    expect(afternoon).toBeCloseTo(60, 0);
    // 30 reports in 15 minutes: a large excess at 3 a.m., ordinary at 3 p.m.
    const rule = { openLlr: 12, minReporters: 8, minRatio: 2, minElevatedMinutes: 3 };
    const test = (ratePerHour: number) => {
      const tested = (ratePerHour / 4) * 1.5;
      return { observed: 30, expected: ratePerHour / 4, tested, llr: poissonLlr(30, tested), elevatedMinutes: 10 };
    };
    expect(isSignificant(test(night), rule)).toBe(true);
    expect(isSignificant(test(afternoon), rule)).toBe(false);
  });

  it('ignores hours flagged as inside an incident', () => {
    const outageHour = now - WEEK + 3; // last week's 3 a.m. held a big outage
    const withOutage = history(first, now - 1, (h) => (h === outageHour ? 5000 : diurnal(h)), (h) => h === outageHour);
    expect(rateAt(withOutage, now + 3, first)).toBeCloseTo(rateAt(hist, now + 3, first), 6);
  });

  it('trims one outlying slot the flags missed, but not sparse ordinary counts', () => {
    const missed = history(first, now - 1, (h) => (h === now - WEEK + 15 ? 3000 : diurnal(h)));
    expect(rateAt(missed, now + 15, first) * 60).toBeLessThan(70);
    // A sparse place: one report in 12 slots stays (dropping it would say "never").
    const sparse = history(first, now - 1, (h) => (h === now - 2 * WEEK + 15 ? 1 : 0));
    expect(hourOfWeekSlots(sparse, now + 15, first)).toEqual({ count: 1, slots: 12 });
  });

  it('knows nothing before the engine started (unknown, not zero) and falls back to days', () => {
    const started = now - 48; // two days of history
    const young = history(started, now - 1, diurnal);
    const slots = hourOfWeekSlots(young, now + 3, started);
    // no weekly slot yet: yesterday's and the day before's 2-4 a.m.
    expect(slots.slots).toBe(6);
    expect(slots.count).toBe(12);
  });
});

describe('prior for sparse places', () => {
  it('shrinks a county without history toward its population share', () => {
    const share = regionShare(0, 100_000, 0.001);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.001);
    // With plenty of history the county's own share wins.
    expect(regionShare(500, 100_000, 0.001)).toBeCloseTo(0.005, 3);
  });

  it('a sparse county with no hour-of-week reports still expects its prior', () => {
    const prior = 0.5 * 0.0003; // national 0.5/min x share
    const rate = posteriorRate({ count: 0, slots: 12 }, prior, PRIOR_SLOTS.county);
    expect(rate).toBeGreaterThan(prior / 2);
    expect(rate).toBeLessThan(prior);
    // Six reports in 15 minutes there is a clear excess.
    expect(poissonLlr(6, rate * 15 * 1.5)).toBeGreaterThan(30);
  });
});

describe('cold start', () => {
  it('uses the conservative floor before any complete hour', () => {
    const empty = history(MONDAY, MONDAY - 1, () => 0);
    expect(coldNationRate(empty, MONDAY, MONDAY, 4)).toBe(4);
  });

  it('then twice the busiest recent hour, so a morning rise is not an outage', () => {
    const h = history(MONDAY, MONDAY + 9, (x) => (x - MONDAY) * 10); // rising: 0..90 an hour
    const rate = coldNationRate(h, MONDAY + 10, MONDAY, 4);
    expect(rate).toBeCloseTo((90 / 60) * 2, 6);
    // ~42 per 15 min normally; thousands per 15 min in a national outage: obvious.
    const tested = rate * 15 * 1.5;
    expect(poissonLlr(42, tested)).toBe(0);
    expect(poissonLlr(3000, tested)).toBeGreaterThan(1000);
  });

  it('skips flagged hours (an outage in progress) when looking back', () => {
    const h = history(MONDAY, MONDAY + 9, () => 30, (x) => x >= MONDAY + 7);
    expect(coldNationRate(h, MONDAY + 10, MONDAY, 4)).toBeCloseTo(1, 6);
  });
});
