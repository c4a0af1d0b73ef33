// Market shares by brand: who reports is who subscribes. Rough national shares from
// public subscriber counts; UScellular is regional, so its share sits in its footprint.
import { networks } from '../reference/index.js';
import { WeightedPicker, type Rng } from './random.js';

/** National share of reports by brand (sums to 1). */
const BRAND_SHARES: Readonly<Record<string, number>> = {
  att: 0.25,
  cricket: 0.05,
  verizon: 0.26,
  visible: 0.02,
  tmobile: 0.24,
  metro: 0.05,
  mint: 0.01,
  uscellular: 0.015,
  boost: 0.02,
  other: 0.085,
};

/** States (FIPS) where UScellular sells service. */
const USCELLULAR_FOOTPRINT = new Set(['17', '19', '20', '23', '29', '31', '33', '37', '40', '41', '47', '51', '53', '54', '55']);
// Share inside and outside the footprint, chosen so the national share stays near 1.5 %.
const USCELLULAR_IN = 0.055;
const USCELLULAR_OUT = 0.001;

function brandsOf(network: string): string[] {
  return networks().get(network) ?? [];
}

/** Share of all subscribers on a network (e.g. att + cricket = 0.30). */
export function networkShare(network: string): number {
  return brandsOf(network).reduce((sum, b) => sum + (BRAND_SHARES[b] ?? 0), 0);
}

function picker(shares: Readonly<Record<string, number>>): WeightedPicker<string> {
  const brands = Object.keys(shares);
  return new WeightedPicker(brands, brands.map((b) => shares[b]!));
}

const inFootprint = picker({ ...BRAND_SHARES, uscellular: USCELLULAR_IN });
const outOfFootprint = picker({ ...BRAND_SHARES, uscellular: USCELLULAR_OUT });
const national = picker(BRAND_SHARES);

/** The brand of a background reporter living in a state. */
export function pickBrandIn(state: string, rng: Rng): string {
  return (USCELLULAR_FOOTPRINT.has(state) ? inFootprint : outOfFootprint).pick(rng);
}

/** Any brand by national share (e.g. whom someone was calling). */
export function pickAnyBrand(rng: Rng): string {
  return national.pick(rng);
}

/** A picker of a network's brands; `shares` overrides the market mix (e.g. for one outage). */
export function brandPicker(network: string, shares?: Readonly<Record<string, number>>): WeightedPicker<string> {
  const brands = shares ? Object.keys(shares) : brandsOf(network);
  return new WeightedPicker(brands, brands.map((b) => (shares ? shares[b]! : BRAND_SHARES[b] ?? 0)));
}

export function uscellularFootprint(): string[] {
  return [...USCELLULAR_FOOTPRINT].sort();
}
