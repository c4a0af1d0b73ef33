import { describe, expect, it } from 'vitest';
import { computeImpact, type ImpactAssumptions } from './impact.js';
import { draftNors } from './nors.js';

const onset = Date.parse('2024-02-22T08:45:00Z');
const min = 60_000;
const a: ImpactAssumptions = {
  peopleInScope: 1_000_000, peopleSource: 'test', networkShare: 0.4, shareSource: 'test', affectedShare: 0.5,
  monthlyPrices: { other: 41.76 }, priceSource: 'test', offeredCreditPerAccount: 5, offerSource: 'test',
};
const bounds = { onsetMs: onset, detectedMs: onset + 2 * min, endMs: onset + 600 * min, resolved: true };

describe('impact', () => {
  it('reported user-minutes sum the reporters; estimated is people × share × affected × duration', () => {
    const tally = { groups: [{ carrier: 'att', minutes: 600, minutesNextMonth: 0, reports: 3 }, { carrier: 'att', minutes: 60, minutesNextMonth: 0, reports: 2 }], reports: 5, reports911: 1, reportsSos: 4 };
    const m = computeImpact(bounds, tally, a);
    expect(m.durationMinutes).toBe(600);
    expect(m.userMinutes.reported).toBe(3 * 600 + 2 * 60);
    expect(m.userMinutes.usersAffected).toBe(200_000);
    expect(m.userMinutes.estimated).toBe(200_000 * 600);
    expect(m.fcc.thresholdCrossedAt).toBe(onset + 30 * min);
    // February 2024: 41,760 minutes, so $41.76 a month is $0.001 a minute
    expect(m.credits.owedTotal).toBeCloseTo(0.001 * (3 * 600 + 2 * 60), 10);
    expect(m.credits.offeredTotal).toBe(25);
    expect(m.credits.owed.nyA8369).toBeCloseTo(3 * (41.76 / 30), 10); // only the 10-hour reporters
    expect(m.credits.distribution.reduce((n, b) => n + b.reports, 0)).toBe(5);
    expect(m.credits.estimatedOwedTotal).toBeCloseTo(200_000 * 0.6, 6);
  });

  it('an open incident with no reports yet owes nothing and has no distribution', () => {
    const m = computeImpact({ ...bounds, resolved: false, endMs: onset + 10 * min }, { groups: [], reports: 0, reports911: 0, reportsSos: 0 }, a);
    expect(m.userMinutes.reported).toBe(0);
    expect(m.fcc.thresholdCrossedAt).toBeNull();
    expect(m.credits).toMatchObject({ owedTotal: 0, offeredTotal: 0, distribution: [] });
  });

  it('minutes after a month boundary are priced in the next month', () => {
    const late = Date.parse('2024-02-29T23:00:00Z');
    const m = computeImpact({ onsetMs: late, detectedMs: late, endMs: late + 120 * min, resolved: true }, { groups: [{ carrier: 'att', minutes: 60, minutesNextMonth: 60, reports: 1 }], reports: 1, reports911: 0, reportsSos: 0 }, a);
    expect(m.credits.owedTotal).toBeCloseTo((41.76 * 60) / (29 * 1440) + (41.76 * 60) / (31 * 1440), 10);
  });

  it('the NORS draft names the services, the area and the figures', () => {
    const tally = { groups: [{ carrier: 'att', minutes: 600, minutesNextMonth: 0, reports: 10 }], reports: 10, reports911: 2, reportsSos: 7 };
    const n = draftNors({ networkName: 'AT&T', onsetAt: new Date(onset).toISOString(), services: { voice: 0.9, sms: 0.5, data: 0.6, '911': 0.05 }, area: 'the United States', impact: computeImpact(bounds, tally, a), resolved: true, contact: 'x' });
    expect(n.servicesAffected).toEqual(['voice', 'data', 'sms']);
    expect(n.affects911).toBe(true);
    expect(n.onsetLocal).toContain('3:45');
    expect(n.description).toContain('10.0 hours');
    expect(n.estimatedUserMinutes).toBe(120_000_000);
  });
});

describe('group credits', () => {
  it('match creditsFor on the same span, inside a month and across its end', async () => {
    const { creditsFor } = await import('./credits.js');
    const late = Date.parse('2024-01-31T20:00:00Z');
    for (const [m1, m2] of [[0, 0], [1, 0], [239, 0], [240, 0], [239, 1], [200, 1500], [0, 300]] as const) {
      const m = computeImpact({ onsetMs: late, detectedMs: late, endMs: late + 2000 * min, resolved: true }, { groups: [{ carrier: 'x', minutes: m1, minutesNextMonth: m2, reports: 1 }], reports: 1, reports911: 0, reportsSos: 0 }, a);
      const boundary = Date.parse('2024-02-01T00:00:00Z');
      const span = creditsFor(41.76, boundary - m1 * min, boundary + m2 * min);
      expect(m.credits.owed.proRata).toBeCloseTo(span.proRata, 10);
      expect(m.credits.owed.wholeDays).toBeCloseTo(span.wholeDays, 10);
      expect(m.credits.owed.nyA8369).toBeCloseTo(span.nyA8369, 10);
    }
  });
});
