import { describe, expect, it } from 'vitest';
import { creditsFor, minutesInMonth, nyA8369Credit, proRataCredit, splitByMonth, wholeDaysCredit } from './credits.js';

const t = (iso: string) => Date.parse(iso);
const H = 60;

describe('credits', () => {
  it('pro rata is price × minutes ÷ minutes in the month', () => {
    // February 2024 has 29 days: 41,760 minutes. 685 minutes of a $60 plan:
    expect(minutesInMonth(2024, 2)).toBe(29 * 1440);
    const c = creditsFor(60, t('2024-02-22T08:45:00Z'), t('2024-02-22T20:10:00Z'));
    expect(c.proRata).toBeCloseTo((60 * 685) / 41_760, 10);
  });

  it('an outage across a month boundary is split month by month', () => {
    const parts = splitByMonth(t('2024-02-29T22:00:00Z'), t('2024-03-01T04:00:00Z'));
    expect(parts).toEqual([{ year: 2024, month: 2, minutes: 120 }, { year: 2024, month: 3, minutes: 240 }]);
    expect(proRataCredit(60, parts)).toBeCloseTo((60 * 120) / (29 * 1440) + (60 * 240) / (31 * 1440), 10);
    // whole days: 6 h started one day, valued in February (29 days)
    expect(creditsFor(60, t('2024-02-29T22:00:00Z'), t('2024-03-01T04:00:00Z')).wholeDays).toBeCloseTo(60 / 29, 10);
  });

  it('zero length owes nothing under any policy', () => {
    expect(creditsFor(60, t('2024-02-22T08:45:00Z'), t('2024-02-22T08:45:00Z'))).toEqual({ proRata: 0, wholeDays: 0, nyA8369: 0 });
    expect(splitByMonth(10, 5)).toEqual([]);
  });

  it('no end time yet: the caller counts to now, and the credit grows with it', () => {
    const start = t('2024-02-22T08:45:00Z');
    const at1h = creditsFor(60, start, start + 60 * 60_000);
    const at5h = creditsFor(60, start, start + 5 * 60 * 60_000);
    expect(at5h.proRata).toBeGreaterThan(at1h.proRata);
    expect(at1h.nyA8369).toBe(0);
    expect(at5h.nyA8369).toBeCloseTo(2, 10);
  });

  it('whole days: every started 24 hours is a day', () => {
    expect(wholeDaysCredit(30, 1, 2024, 4)).toBeCloseTo(1, 10); // April: 30 days
    expect(wholeDaysCredit(30, 1440, 2024, 4)).toBeCloseTo(1, 10);
    expect(wholeDaysCredit(30, 1441, 2024, 4)).toBeCloseTo(2, 10);
  });

  it('A8369: 3 h 59 min earns nothing, 4 h earns 1/30, each further 24-hour period another once it lasts 4 h', () => {
    expect(nyA8369Credit(90, 4 * H - 1)).toBe(0);
    expect(nyA8369Credit(90, 4 * H)).toBeCloseTo(3, 10);
    expect(nyA8369Credit(90, 24 * H)).toBeCloseTo(3, 10);
    expect(nyA8369Credit(90, 24 * H + 4 * H - 1)).toBeCloseTo(3, 10);
    expect(nyA8369Credit(90, 28 * H)).toBeCloseTo(6, 10);
  });
});
