import { describe, expect, it } from 'vitest';
import { countyPopulation, nationPopulation, statePopulation } from './population.js';

describe('population estimate', () => {
  it('knows big counties and states roughly', () => {
    expect(countyPopulation('06037')).toBeGreaterThan(7_000_000); // Los Angeles
    expect(countyPopulation('17031')).toBeGreaterThan(4_000_000); // Cook
    expect(statePopulation('06')).toBeGreaterThan(30_000_000);
    expect(statePopulation('56')).toBeLessThan(1_500_000); // Wyoming
  });

  it('adds up to a nation of about 330 million', () => {
    expect(nationPopulation()).toBeGreaterThan(280_000_000);
    expect(nationPopulation()).toBeLessThan(380_000_000);
  });

  it('gives 0 for an unknown county', () => {
    expect(countyPopulation('99999')).toBe(0);
  });
});
