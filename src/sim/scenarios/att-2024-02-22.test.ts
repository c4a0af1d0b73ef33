import { describe, expect, it } from 'vitest';
import { networkOf } from '../../reference/index.js';
import { curveRate } from '../curves.js';
import { simulateReports } from '../index.js';
import { attCurve, buildAttScenario } from './att-2024-02-22.js';

const QUARTER = 15 * 60_000;
const AT_1430 = Date.parse('2024-02-22T14:30:00Z');

describe('att-2024-02-22 curve', () => {
  const onset = Date.parse('2024-02-22T08:45:00Z');
  const at = (utc: string): number => curveRate(attCurve(), (Date.parse(utc) - onset) / 60_000);

  it('follows the published Downdetector snapshots', () => {
    expect(at('2024-02-22T09:30:00Z')).toBeCloseTo(32_000, -3);
    expect(at('2024-02-22T11:00:00Z')).toBeLessThan(at('2024-02-22T09:30:00Z')); // the dip
    expect(at('2024-02-22T14:00:00Z')).toBeGreaterThan(70_000);
    expect(at('2024-02-22T17:00:00Z')).toBeCloseTo(56_000, -3);
    expect(at('2024-02-22T19:00:00Z')).toBeCloseTo(4_000, -3);
    expect(at('2024-02-23T06:00:00Z')).toBe(0);
  });

  it('records a national all-services outage with collateral on three networks', () => {
    const truth = buildAttScenario({});
    const [primary, ...collateral] = truth.outages;
    expect(primary).toMatchObject({ network: 'att', kind: 'primary', scope: { level: 'nation', regions: ['US'] } });
    expect(primary!.onsetAt).toBe('2024-02-22T08:45:00.000Z');
    expect(primary!.endAt).toBe('2024-02-22T20:10:00.000Z');
    expect(collateral.map((c) => c.network).sort()).toEqual(['boost', 'tmobile', 'verizon']);
    for (const c of collateral) {
      expect(c.primaryId).toBe(primary!.id);
      expect(Date.parse(c.onsetAt)).toBeGreaterThan(onset);
    }
    expect(truth.start).toBe('2024-02-21T00:00:00.000Z');
    expect(truth.end).toBe('2024-02-23T12:00:00.000Z');
  });
});

describe('att-2024-02-22 reports', () => {
  it('reproduces the day in counts per 15 minutes (streamed, ~2 M rows)', () => {
    const perQuarter = new Map<number, number>();
    const brandAt1430 = new Map<string, number>();
    let day = 0;
    let verizonDuring = 0;
    let verizonCallingAtt = 0;
    for (const r of simulateReports({ scenario: 'att-2024-02-22', seed: 1 })) {
      const network = networkOf(r.carrier);
      const quarter = Math.floor(Date.parse(r.receivedAt) / QUARTER) * QUARTER;
      if (quarter === AT_1430) brandAt1430.set(r.carrier, (brandAt1430.get(r.carrier) ?? 0) + 1);
      if (network === 'att') {
        perQuarter.set(quarter, (perQuarter.get(quarter) ?? 0) + 1);
        if (r.receivedAt.startsWith('2024-02-22')) day++;
      } else if (network === 'verizon' && r.receivedAt >= '2024-02-22T12' && r.receivedAt < '2024-02-22T17') {
        verizonDuring++;
        if (r.calledCarrier === 'att' || r.calledCarrier === 'cricket') verizonCallingAtt++;
      }
    }
    const [peakAt, peak] = [...perQuarter.entries()].reduce((best, e) => (e[1] > best[1] ? e : best));
    expect(peak).toBeGreaterThan(60_000);
    expect(peak).toBeLessThan(90_000);
    expect(peakAt).toBeGreaterThanOrEqual(Date.parse('2024-02-22T13:30:00Z'));
    expect(peakAt).toBeLessThanOrEqual(Date.parse('2024-02-22T14:15:00Z'));
    expect(perQuarter.get(Date.parse('2024-02-22T09:30:00Z'))).toBeGreaterThan(25_000);
    expect(day).toBeGreaterThan(1_500_000);
    expect(day).toBeLessThan(2_200_000);
    expect(brandAt1430.get('cricket')).toBeGreaterThan(13_000);
    expect(brandAt1430.get('verizon')).toBeGreaterThan(4_000);
    expect(brandAt1430.get('tmobile')).toBeGreaterThan(1_800);
    expect(brandAt1430.get('boost')).toBeGreaterThan(500);
    expect(brandAt1430.get('boost')).toBeLessThan(1_000);
    expect(verizonCallingAtt / verizonDuring).toBeGreaterThan(0.6);
    // A day of ordinary history before: AT&T at its everyday level.
    expect(perQuarter.get(Date.parse('2024-02-21T14:00:00Z'))).toBeLessThan(120);
  });
});
