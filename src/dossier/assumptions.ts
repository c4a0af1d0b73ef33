// The assumptions behind an incident's impact figures: defaults from reference data and
// configuration, each with its source, and the values staff set for this incident over them.
import type { Config } from '../config.js';
import type { StoredIncident } from '../incidents/index.js';
import { countyPopulation, nationPopulation, statePopulation } from '../reference/index.js';
import type { ImpactAssumptions } from './impact.js';

/**
 * Rough share of the people in a place who subscribe on each network, brands riding it included
 * (Cricket on AT&T, Visible on Verizon, Metro and Mint on T-Mobile): about 125 M devices were
 * cut off on 22 Feb 2024 (FCC report) of roughly 330 M people, and the three national networks
 * hold similar shares. Rounded; an office should set a better figure per incident when it has one.
 */
export const DEFAULT_NETWORK_SHARES: Readonly<Record<string, number>> = { att: 0.35, verizon: 0.33, tmobile: 0.3, uscellular: 0.01, boost: 0.02, other: 0.01 };

export const POPULATION_SOURCE = 'GeoNames populated places summed per county (src/reference/county-population.json, built by scripts/gen-county-population.ts); an estimate, not a census';
const SHARE_SOURCE = 'default network share of people (src/dossier/assumptions.ts: ~125 M devices of ~330 M people on 22 Feb 2024, national networks similar), rounded';
const PRICE_SOURCE = 'MONTHLY_PRICES (defaults: typical single-line unlimited plan per brand, rounded, src/config.ts)';
const OFFER_SOURCE = 'OFFERED_CREDITS (default att=5: AT&T credited one day of service, reported as $5 per account, 24-25 Feb 2024)';

/** Editable per incident: what staff may override, all optional. */
export interface AssumptionOverrides {
  peopleInScope?: number;
  networkShare?: number;
  affectedShare?: number;
  monthlyPrices?: Record<string, number>;
  offeredCreditPerAccount?: number;
  /** Why staff changed them (shown beside the figures). */
  note?: string;
}

let nation: number | undefined;

export function peopleInScope(i: StoredIncident): number {
  const r = i.scope.regions;
  if (i.scope.level === 'county') return r.reduce((n, c) => n + countyPopulation(c), 0);
  if (i.scope.level === 'state') return r.reduce((n, s) => n + statePopulation(s), 0);
  return (nation ??= nationPopulation());
}

export function defaultAssumptions(i: StoredIncident, config: Config): ImpactAssumptions {
  return {
    peopleInScope: peopleInScope(i),
    peopleSource: POPULATION_SOURCE,
    networkShare: DEFAULT_NETWORK_SHARES[i.network] ?? DEFAULT_NETWORK_SHARES.other!,
    shareSource: SHARE_SOURCE,
    affectedShare: 1,
    monthlyPrices: { ...config.monthlyPrices },
    priceSource: PRICE_SOURCE,
    offeredCreditPerAccount: config.offeredCredits[i.network] ?? 0,
    offerSource: config.offeredCredits[i.network] === undefined ? 'no offer known (set it per incident)' : OFFER_SOURCE,
  };
}

const SET_BY_STAFF = 'set by staff for this incident';

export function withOverrides(a: ImpactAssumptions, o: AssumptionOverrides): ImpactAssumptions {
  const why = o.note ? `${SET_BY_STAFF}: ${o.note}` : SET_BY_STAFF;
  return {
    ...a,
    ...(o.peopleInScope !== undefined ? { peopleInScope: o.peopleInScope, peopleSource: why } : {}),
    ...(o.networkShare !== undefined || o.affectedShare !== undefined
      ? { networkShare: o.networkShare ?? a.networkShare, affectedShare: o.affectedShare ?? a.affectedShare, shareSource: why }
      : {}),
    ...(o.monthlyPrices ? { monthlyPrices: { ...a.monthlyPrices, ...o.monthlyPrices }, priceSource: why } : {}),
    ...(o.offeredCreditPerAccount !== undefined ? { offeredCreditPerAccount: o.offeredCreditPerAccount, offerSource: why } : {}),
  };
}
