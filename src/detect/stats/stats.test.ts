import { describe, expect, it } from 'vitest';
import { Cusum } from './cusum.js';
import { erfc, gaussianUpperTail } from './gaussian.js';
import { RollingQuantiles } from './rolling-quantiles.js';
import { RunningMoments, WindowMoments } from './welford.js';

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function variance(xs: readonly number[]): number {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
}

/** Deterministic values with a large offset, where naive sums of squares lose precision. */
const SAMPLE = Array.from({ length: 500 }, (_, i) => 1e6 + Math.sin(i * 1.7) * 10 + (i % 7));

describe('gaussian tails', () => {
  it('matches known values of the upper tail', () => {
    expect(gaussianUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(gaussianUpperTail(1.959964)).toBeCloseTo(0.025, 6);
    expect(gaussianUpperTail(-1.959964)).toBeCloseTo(0.975, 6);
  });

  it('keeps relative precision far in the tail, where 1 - cdf would be 0', () => {
    const q8 = 6.220960574271785e-16;
    expect(Math.abs(gaussianUpperTail(8) - q8) / q8).toBeLessThan(1e-6);
    expect(gaussianUpperTail(30)).toBeGreaterThan(0);
  });

  it('erfc is symmetric around 1', () => {
    expect(erfc(0.7) + erfc(-0.7)).toBeCloseTo(2, 12);
  });
});

describe('RunningMoments', () => {
  it('gives the mean and population variance of everything pushed', () => {
    const m = new RunningMoments();
    for (const x of SAMPLE) m.push(x);
    expect(m.count).toBe(SAMPLE.length);
    expect(m.mean).toBeCloseTo(mean(SAMPLE), 6);
    expect(m.variance).toBeCloseTo(variance(SAMPLE), 6);
  });
});

describe('WindowMoments', () => {
  it('tracks only the last `size` values', () => {
    const w = new WindowMoments(50);
    for (const x of SAMPLE) w.push(x);
    const last = SAMPLE.slice(-50);
    expect(w.count).toBe(50);
    expect(w.mean).toBeCloseTo(mean(last), 6);
    expect(w.variance).toBeCloseTo(variance(last), 3);
  });

  it('rejects a non-positive size', () => {
    expect(() => new WindowMoments(0)).toThrow(/positive integer/);
  });
});

describe('RollingQuantiles', () => {
  it('gives median, MAD and quantiles of the last `size` values', () => {
    const r = new RollingQuantiles(5);
    for (const x of [100, 1, 9, 3, 7, 5, 2]) r.push(x);
    // window is [9, 3, 7, 5, 2] -> sorted [2, 3, 5, 7, 9]
    expect(r.count).toBe(5);
    expect(r.median()).toBe(5);
    expect(r.mad()).toBe(2);
    expect(r.quantile(0)).toBe(2);
    expect(r.quantile(1)).toBe(9);
    expect(r.quantile(0.125)).toBe(2.5);
  });

  it('is NaN when empty', () => {
    expect(new RollingQuantiles(3).median()).toBeNaN();
  });
});

describe('Cusum', () => {
  it('stays near 0 on alternating noise and grows under a sustained shift', () => {
    const c = new Cusum(0.5);
    let s = 0;
    for (let i = 0; i < 200; i++) s = c.push(i % 2 === 0 ? 1 : -1);
    expect(s).toBeLessThanOrEqual(0.5);
    for (let i = 0; i < 10; i++) s = c.push(1.5);
    expect(s).toBeCloseTo(10, 9);
    expect(c.tail(s)).toBeCloseTo(2 * Math.exp(-10), 12);
  });

  it('detects a downward shift too, and reset clears it', () => {
    const c = new Cusum(0.5);
    for (let i = 0; i < 4; i++) c.push(-2.5);
    expect(c.push(0.5)).toBe(7); // 4 * (2.5 - 0.5), then - 0.5 - 0.5
    c.reset();
    expect(c.push(0)).toBe(0);
    expect(c.tail(0)).toBe(1);
  });
});

describe('RollingQuantiles.fractionAtLeast', () => {
  it('counts the share of the window at or above a value', () => {
    const r = new RollingQuantiles(4);
    for (const x of [9, 1, 2, 2, 3]) r.push(x);
    // window [1, 2, 2, 3]
    expect(r.fractionAtLeast(2)).toBe(0.75);
    expect(r.fractionAtLeast(3.5)).toBe(0);
    expect(r.fractionAtLeast(-1)).toBe(1);
    expect(new RollingQuantiles(2).fractionAtLeast(0)).toBe(0);
  });
});
