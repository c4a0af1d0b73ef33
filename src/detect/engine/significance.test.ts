import { describe, expect, it } from 'vitest';
import { changePoint, isSignificant, passesGate, pearson, poissonLlr } from './significance.js';

const rule = { openLlr: 12, minReporters: 5, minRatio: 2, minElevatedMinutes: 3 };

describe('poissonLlr', () => {
  it('is zero for no excess and grows with the excess', () => {
    expect(poissonLlr(3, 5)).toBe(0);
    expect(poissonLlr(5, 5)).toBe(0);
    expect(poissonLlr(10, 5)).toBeCloseTo(10 * Math.log(2) - 5, 10);
    expect(poissonLlr(40, 5)).toBeGreaterThan(poissonLlr(20, 5));
  });

  it('is infinite when nothing was expected at all', () => {
    expect(poissonLlr(1, 0)).toBe(Infinity);
  });
});

describe('opening rule', () => {
  it('needs enough reporters, a large ratio, a high LLR and several elevated minutes', () => {
    const base = { observed: 30, expected: 4, tested: 6, llr: poissonLlr(30, 6), elevatedMinutes: 8 };
    expect(isSignificant(base, rule)).toBe(true);
    expect(isSignificant({ ...base, elevatedMinutes: 1 }, rule)).toBe(false); // a one-minute burst
    expect(isSignificant({ ...base, observed: 4, llr: poissonLlr(4, 0.01) }, rule)).toBe(false); // a handful
    expect(passesGate(11, 6, rule)).toBe(false); // < 2 x tested
  });

  it('a +50 % rise (news story) against a 1.5 x margin never passes', () => {
    const expected = 100;
    const tested = expected * 1.5;
    expect(poissonLlr(150, tested)).toBe(0);
    expect(passesGate(150, tested, rule)).toBe(false);
  });
});

describe('changePoint', () => {
  it('finds where the excess began', () => {
    const observed = [1, 0, 2, 1, 1, 0, 9, 12, 15, 14];
    const expected = observed.map(() => 1);
    expect(changePoint(observed, expected)).toBe(6);
  });

  it('does not backdate over silence in a sparse place', () => {
    const observed = [0, 0, 0, 0, 0, 1, 2, 1, 2];
    expect(changePoint(observed, observed.map(() => 0.001))).toBe(5);
  });
});

describe('pearson', () => {
  it('is 1 for curves that track each other and 0 for a flat one', () => {
    expect(pearson([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3, 4], [5, 5, 5, 5])).toBe(0);
    expect(pearson([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 10);
  });
});
