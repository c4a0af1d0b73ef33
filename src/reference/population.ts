// People per county and per state, an offline estimate (see scripts/gen-county-population.ts
// for how it is built from GeoNames places). Used as weights, e.g. where simulated reports
// come from and how many people an outage scope holds; not a census.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const byCounty: Record<string, number> = require('./county-population.json');
let byState: Map<string, number> | undefined;

/** Estimated people in a county (5-digit FIPS); 0 for a county the table does not know. */
export function countyPopulation(county: string): number {
  return byCounty[county] ?? 0;
}

/** Estimated people in a state (2-digit FIPS), the sum of its counties. */
export function statePopulation(state: string): number {
  if (!byState) {
    byState = new Map();
    for (const [county, people] of Object.entries(byCounty)) {
      const s = county.slice(0, 2);
      byState.set(s, (byState.get(s) ?? 0) + people);
    }
  }
  return byState.get(state) ?? 0;
}

/** Estimated people in the whole table (nation). */
export function nationPopulation(): number {
  return Object.values(byCounty).reduce((sum, people) => sum + people, 0);
}
