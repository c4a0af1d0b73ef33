import { describe, expect, it } from 'vitest';
import { Rng, WeightedPicker } from './random.js';

function meanAndVariance(values: number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return [mean, values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length];
}

describe('Rng', () => {
  it('repeats itself for a seed and differs across seeds', () => {
    const draw = (seed: number): number[] => {
      const rng = new Rng(seed);
      return Array.from({ length: 5 }, () => rng.uint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it.each([0.3, 4, 25, 800, 60_000])('draws Poisson(%d) with the right mean and variance', (lambda) => {
    const rng = new Rng(7);
    const [mean, variance] = meanAndVariance(Array.from({ length: 20_000 }, () => rng.poisson(lambda)));
    expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 20_000) + 1e-9);
    expect(variance / lambda).toBeGreaterThan(0.93);
    expect(variance / lambda).toBeLessThan(1.07);
  });

  it('picks by weight', () => {
    const rng = new Rng(1);
    const picker = new WeightedPicker(['a', 'b', 'c'], [1, 0, 3]);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[picker.pick(rng)]!++;
    expect(counts.b).toBe(0);
    expect(counts.c! / counts.a!).toBeGreaterThan(2.8);
    expect(counts.c! / counts.a!).toBeLessThan(3.2);
  });
});
