import { describe, expect, it } from 'vitest';
import { curvePeak, curveRate, curveTotal, scaleCurve, shapeCurve } from './curves.js';
import { awakeShare, shapeByDaytime } from './daytime.js';

describe('outage curves', () => {
  it.each(['abrupt', 'ramp', 'partial-recovery'] as const)('%s peaks at the given level and ends at zero', (shape) => {
    const curve = shapeCurve(shape, 120, 400);
    expect(curvePeak(curve)).toBe(400);
    expect(curveRate(curve, 0)).toBe(0);
    expect(curveRate(curve, 1_000)).toBe(0);
    expect(curveTotal(curve)).toBeGreaterThan(400); // over two hours of reports
  });

  it('tells the shapes apart: abrupt is at peak within minutes, a ramp is not', () => {
    expect(curveRate(shapeCurve('abrupt', 120, 400), 3)).toBeGreaterThan(390);
    expect(curveRate(shapeCurve('ramp', 120, 400), 3)).toBeLessThan(50);
    expect(curveRate(shapeCurve('partial-recovery', 120, 400), 80)).toBeLessThan(150);
  });

  it('scales for collateral spikes', () => {
    expect(curvePeak(scaleCurve(shapeCurve('ramp', 60, 1000), 0.05))).toBeCloseTo(50);
  });
});

describe('reports follow waking hours', () => {
  const newYork = { level: 'state' as const, regions: ['36'] };

  it('is lower at 3 a.m. than at 3 p.m. local', () => {
    expect(awakeShare(newYork, Date.parse('2024-02-21T08:00:00Z'))).toBeLessThan(0.45);
    expect(awakeShare(newYork, Date.parse('2024-02-21T20:00:00Z'))).toBeGreaterThan(0.95);
  });

  it('reshapes a night outage but keeps its timing', () => {
    const night = shapeByDaytime(shapeCurve('abrupt', 60, 100), newYork, Date.parse('2024-02-21T08:00:00Z'));
    expect(curvePeak(night)).toBeLessThan(50);
    expect(curveRate(night, 0)).toBe(0);
    expect(night.at(-1)![0]).toBe(100);
  });
});
