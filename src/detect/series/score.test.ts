import { describe, expect, it } from 'vitest';
import { DEFAULT_SERIES_OPTIONS, scoreSeries, SeriesAnomalyDetector } from './score.js';

/** Deterministic noise (a small LCG) so the tests never flake. */
function noise(n: number, seed = 42): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296 - 0.5;
  });
}

const FIVE_MINUTES = 300_000;
const T0 = Date.UTC(2024, 0, 1);
const times = (n: number): number[] => Array.from({ length: n }, (_, i) => T0 + i * FIVE_MINUTES);

describe('scoreSeries', () => {
  it('scores a big spike in a flat noisy series high, and the rest low', () => {
    const values = noise(2000).map((e) => 50 + e);
    values[1500] = 80;
    const scores = scoreSeries(values, times(values.length));
    expect(scores[1500]).toBeGreaterThanOrEqual(0.9);
    const elsewhere = scores.filter((_, i) => i !== 1500);
    // restLevel (0.5) is the alarm level; nothing else after warm-up reaches it.
    expect(Math.max(...elsewhere.slice(200))).toBeLessThan(DEFAULT_SERIES_OPTIONS.restLevel);
  });

  it('gives one score per row, every one in [0, 1]', () => {
    const values = noise(1500).map((e, i) => 10 * Math.sin(i / 20) + e);
    const scores = scoreSeries(values);
    expect(scores).toHaveLength(values.length);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('is causal: appending future rows never changes earlier scores', () => {
    const values = noise(1600).map((e, i) => 5 * Math.sin((2 * Math.PI * i) / 288) + e);
    values[1200] = 40;
    const ts = times(values.length);
    const full = scoreSeries(values, ts);
    for (const cut of [1, 300, 1199, 1201]) {
      expect(scoreSeries(values.slice(0, cut), ts.slice(0, cut))).toEqual(full.slice(0, cut));
    }
  });

  it('matches pushing the rows one at a time', () => {
    const values = noise(600).map((e) => 3 + e);
    const detector = new SeriesAnomalyDetector();
    expect(values.map((v) => detector.push(v))).toEqual(scoreSeries(values));
  });

  it('refuses a non-finite value, naming the row', () => {
    expect(() => scoreSeries([1, 2, Number.NaN])).toThrow('row 3: value NaN is not a finite number');
  });

  it('never alarms on a constant series', () => {
    expect(Math.max(...scoreSeries(new Array<number>(1000).fill(7)))).toBe(0);
  });

  it('scores 1 at a spike in a perfectly flat series and 0 everywhere else', () => {
    const values = new Array<number>(1000).fill(7);
    values[700] = 9;
    const scores = scoreSeries(values);
    expect(scores[700]).toBe(1);
    expect(scores.filter((s) => s > 0)).toEqual([1]);
  });
});
