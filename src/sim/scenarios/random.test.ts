import { describe, expect, it } from 'vitest';
import { buildScenario } from '../index.js';

describe('random scenario, 90 days', () => {
  const truth = buildScenario({ days: 90, seed: 1 });
  const primaries = truth.outages.filter((o) => o.kind === 'primary');

  it('injects 20+ outages on 5 networks, every scope, shape and service mix', () => {
    expect(primaries.length).toBeGreaterThanOrEqual(20);
    expect(new Set(primaries.map((o) => o.network))).toEqual(new Set(['att', 'verizon', 'tmobile', 'uscellular', 'boost']));
    const levels = new Set(primaries.map((o) => o.scope.level));
    expect(levels).toEqual(new Set(['county', 'state', 'nation']));
    expect(primaries.some((o) => o.scope.level === 'state' && o.scope.regions.length > 1)).toBe(true);
    expect(primaries.some((o) => o.scope.level === 'state' && o.scope.regions.length === 1)).toBe(true);
    expect(new Set(primaries.map((o) => o.shape))).toEqual(new Set(['abrupt', 'ramp', 'partial-recovery']));
    const mixes = new Set(primaries.map((o) => o.services.join('+')));
    expect(mixes).toContain('voice');
    expect(mixes).toContain('data');
    expect(mixes).toContain('voice+sms+data+911');
  });

  it('adds smaller, later collateral spikes that follow their primary', () => {
    const collateral = truth.outages.filter((o) => o.kind === 'collateral');
    expect(collateral.length).toBeGreaterThan(5);
    for (const c of collateral) {
      const primary = truth.outages.find((o) => o.id === c.primaryId)!;
      expect(primary.kind).toBe('primary');
      expect(c.network).not.toBe(primary.network);
      expect(c.scope).toEqual(primary.scope);
      expect(Date.parse(c.onsetAt)).toBeGreaterThan(Date.parse(primary.onsetAt));
      expect(c.peakPer15min).toBeLessThan(primary.peakPer15min * 0.1);
    }
  });

  it('records the quiet stretches: spam, news, DST and a holiday', () => {
    const kinds = new Set(truth.quiet.map((q) => q.kind));
    expect(kinds).toEqual(new Set(['spam', 'news', 'dst', 'holiday']));
    for (const q of truth.quiet) expect(Date.parse(q.end)).toBeGreaterThan(Date.parse(q.start));
  });

  it('keeps outages inside the run and ordered', () => {
    for (const o of truth.outages) {
      expect(o.onsetAt >= truth.start && o.endAt < truth.end).toBe(true);
      expect(Date.parse(o.endAt)).toBeGreaterThan(Date.parse(o.onsetAt));
      expect(o.expectedReports).toBeGreaterThan(0);
    }
  });
});

describe('random scenario, default week', () => {
  it('starts on a fixed Monday and crosses the March DST change', () => {
    const truth = buildScenario({});
    expect(truth.start).toBe('2024-03-04T00:00:00.000Z');
    expect(truth.end).toBe('2024-03-11T00:00:00.000Z');
    expect(truth.quiet.some((q) => q.kind === 'dst')).toBe(true);
    expect(truth.outages.length).toBeGreaterThanOrEqual(1);
  });
});

describe('random scenario, many seeds', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %d gives finite curves and every scope level', (seed) => {
    const truth = buildScenario({ days: 90, seed });
    for (const o of truth.outages) {
      expect(Number.isFinite(o.expectedReports) && Number.isFinite(o.peakPer15min)).toBe(true);
      expect(o.curve.every(([t, v]) => Number.isFinite(t) && Number.isFinite(v) && v >= 0)).toBe(true);
    }
    const levels = new Set(truth.outages.filter((o) => o.kind === 'primary').map((o) => o.scope.level));
    expect(levels.size).toBe(3);
  });
});
