import { describe, expect, it } from 'vitest';
import { ContextNovelty } from './context.js';
import { AnomalyLikelihood } from './likelihood.js';
import { CalendarMedian, DAY_MS, LocalMedian } from './predictors.js';
import { RangeNovelty } from './range.js';
import { ResidualSurprise } from './residual.js';

const HOUR = 3_600_000;

describe('CalendarMedian', () => {
  it('expects the median of the same hour on the previous days', () => {
    const daily = new CalendarMedian(DAY_MS, 3);
    for (let h = 0; h < 4 * 24; h++) {
      const day = Math.floor(h / 24);
      daily.learn((h % 24) * 10 + day, h * HOUR);
    }
    // hour 5 of days 1, 2, 3 were 51, 52, 53
    expect(daily.predict(4 * 24 * HOUR + 5 * HOUR)).toBe(52);
  });

  it('has no opinion without timestamps or before it knows the sampling step', () => {
    const daily = new CalendarMedian(DAY_MS, 3);
    expect(daily.predict(undefined)).toBeNaN();
    daily.learn(1, 0);
    expect(daily.predict(DAY_MS)).toBeNaN();
  });
});

describe('ResidualSurprise', () => {
  it('scores a value far from the recent median near 1, a typical one low', () => {
    const r = new ResidualSurprise([new LocalMedian(32)], {
      rankWindow: 100, minHistory: 10, scaleWindow: 50, unitsPerE: 6, meanErrorFloor: 0.25,
    });
    for (let i = 0; i < 100; i++) r.push(i % 2, undefined);
    expect(r.push(1, undefined)).toBeLessThan(0.3);
    expect(r.push(100, undefined)).toBeGreaterThan(0.99);
  });
});

describe('ContextNovelty', () => {
  it('learns a repeating pattern and flags a sequence it has never seen', () => {
    const c = new ContextNovelty({ levels: 8, maxOrder: 4, margin: 0.05 });
    const cycle = [0, 2, 4, 6, 4, 2];
    let last = 1;
    for (let i = 0; i < 120; i++) last = c.push(cycle[i % cycle.length] as number);
    expect(last).toBe(0);
    expect(c.push(6)).toBeGreaterThan(0); // ... 4, 2 then 6: never seen
  });
});

describe('RangeNovelty', () => {
  it('flags only values beyond the seen range plus the tolerance', () => {
    const r = new RangeNovelty(0.1);
    expect(r.push(0)).toBe(false);
    expect(r.push(0)).toBe(false);
    expect(r.push(10)).toBe(true); // anything new after a constant stretch
    expect(r.push(5)).toBe(false);
    expect(r.push(10.5)).toBe(false); // within 10% of the range 0..10
    expect(r.push(12)).toBe(true);
    expect(r.push(-1.3)).toBe(true);
  });
});

describe('AnomalyLikelihood', () => {
  const opts = { shortWindow: 5, longWindow: 500, warmup: 50, minMean: 0.03, minStd: 0.01 };

  it('says 0.5 during warm-up, and a burst after a calm past is as rare as the history allows', () => {
    const l = new AnomalyLikelihood(opts);
    for (let i = 0; i < 50; i++) expect(l.push(0.1)).toBe(0.5);
    for (let i = 0; i < 200; i++) l.push(0.1 + (i % 3) * 0.01);
    // 250 past levels, none as high: the empirical tail 1/251 bounds the Gaussian one.
    expect(l.push(0.9)).toBeCloseTo(1 / 251, 9);
  });

  it('does not alarm on a series whose raw score is always noisy', () => {
    const l = new AnomalyLikelihood(opts);
    let min = 1;
    for (let i = 0; i < 1000; i++) {
      const p = l.push(i % 2 === 0 ? 0.9 : 0.1);
      if (i > 100) min = Math.min(min, p);
    }
    expect(min).toBeGreaterThan(0.1);
  });
});
