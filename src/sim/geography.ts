// Where reports come from: people, not land. Counties are weighted by population and a
// county's ZIPs equally (we have no per-ZIP counts). Built once from the offline tables.
import { allZips, countyPopulation } from '../reference/index.js';
import { WeightedPicker } from './random.js';
import type { Scope } from './types.js';

/** A county and its ZIPs, ready to place a reporter. */
export interface CountyPlace {
  fips: string;
  zips: readonly string[];
}

export interface Geography {
  states: readonly string[];
  /** Estimated people per state, same order as `states`. */
  statePeople: readonly number[];
  /** A picker of counties inside a scope, weighted by people. */
  countyPicker(scope: Scope): WeightedPicker<CountyPlace>;
  peopleIn(scope: Scope): number;
  /** The `k` states whose ZIP centroids lie nearest this one's (neighbours, roughly). */
  nearestStates(state: string, k: number): string[];
}

let cached: Geography | undefined;

export function geography(): Geography {
  cached ??= buildGeography();
  return cached;
}

function buildGeography(): Geography {
  const zipsByCounty = new Map<string, string[]>();
  const centroids = new Map<string, { lat: number; lon: number; n: number }>();
  for (const place of allZips()) {
    const c = centroids.get(place.state) ?? { lat: 0, lon: 0, n: 0 };
    centroids.set(place.state, { lat: c.lat + place.lat, lon: c.lon + place.lon, n: c.n + 1 });
    const list = zipsByCounty.get(place.county);
    if (list) list.push(place.zip);
    else zipsByCounty.set(place.county, [place.zip]);
  }
  for (const list of zipsByCounty.values()) list.sort();
  const counties = [...zipsByCounty.keys()].sort();
  const countiesByState = new Map<string, string[]>();
  for (const county of counties) {
    const state = county.slice(0, 2);
    countiesByState.set(state, [...(countiesByState.get(state) ?? []), county]);
  }
  // A county the population table misses still has people: give it a small-town floor.
  const people = (county: string): number => Math.max(1500, countyPopulation(county));
  const states = [...countiesByState.keys()].sort();
  const statePeople = states.map((s) => countiesByState.get(s)!.reduce((sum, c) => sum + people(c), 0));
  const pickers = new Map<string, WeightedPicker<CountyPlace>>();
  const places = new Map(counties.map((fips) => [fips, { fips, zips: zipsByCounty.get(fips)! }]));

  const countiesIn = (scope: Scope): string[] => {
    if (scope.level === 'nation') return counties;
    if (scope.level === 'state') return scope.regions.flatMap((s) => countiesByState.get(s) ?? []);
    return scope.regions.filter((c) => zipsByCounty.has(c));
  };

  return {
    states,
    statePeople,
    countyPicker(scope) {
      const key = `${scope.level}:${scope.regions.join(',')}`;
      let picker = pickers.get(key);
      if (!picker) {
        const inScope = countiesIn(scope);
        picker = new WeightedPicker(inScope.map((c) => places.get(c)!), inScope.map(people));
        pickers.set(key, picker);
      }
      return picker;
    },
    peopleIn: (scope) => countiesIn(scope).reduce((sum, c) => sum + people(c), 0),
    nearestStates(state, k) {
      const home = centroids.get(state);
      if (!home) return [];
      const at = (s: string): number => {
        const c = centroids.get(s)!;
        const cosLat = Math.cos((home.lat / home.n) * (Math.PI / 180));
        return (c.lat / c.n - home.lat / home.n) ** 2 + ((c.lon / c.n - home.lon / home.n) * cosLat) ** 2;
      };
      return states.filter((s) => s !== state).sort((a, b) => at(a) - at(b)).slice(0, k);
    },
  };
}
