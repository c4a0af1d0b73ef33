// Counts of one network at every level of the region hierarchy, created lazily as
// reports arrive, plus what the network's reporters call in quiet times (the base rate
// the collateral rule corrects for).
import { CallCounts } from './called-watch.js';
import { denseCounty } from './county-numbers.js';
import { RegionSeries, SeriesPool } from './rollup.js';
import type { Scope } from './types.js';

export type PriorShare = (level: 'county' | 'state', region: string) => number;

export class NetworkCounts {
  readonly nation = new RegionSeries('nation', 'US', 'US');
  readonly states = new Map<string, RegionSeries>();
  private readonly statePool = new SeriesPool(false, 64);
  private readonly countyPool = new SeriesPool(true, 256);
  readonly counties = new Map<string, RegionSeries>();
  /** counted reports by called network id, outside incidents */
  readonly quietCalls = new Map<number, number>();
  quietTotal = 0;
  /** counted reports per minute by the network they were calling (other networks only) */
  readonly calls = new Map<number, CallCounts>();
  /** minute of the last scope search: at most one per network per minute */
  searchedMinute = -1;

  constructor(
    readonly index: number,
    readonly name: string,
    private readonly priorShare: PriorShare,
  ) {
    this.nation.priorShare = 1;
  }

  state(code: string): RegionSeries {
    let key = this.states.get(code);
    if (!key) {
      key = new RegionSeries('state', code, code, this.statePool);
      key.priorShare = this.priorShare('state', code);
      this.states.set(code, key);
    }
    return key;
  }

  /** The county's and its state's keys (the state looked up once per county). */
  stateOf(county: RegionSeries, state: string): RegionSeries {
    const parent = county.parent;
    if (parent !== null && parent.region === state) return parent;
    return (county.parent = this.state(state));
  }

  county(code: string, state: string): RegionSeries {
    return this.countyAt(denseCounty(code), code, state);
  }

  /** The county's key by its dense number (-1: look it up by code), created on first sight. */
  countyAt(dense: number, code: string, state: string): RegionSeries {
    // A report's lookup is one array read, not a string hash.
    const known = dense >= 0 ? this.countyByDense[dense] : this.counties.get(code);
    if (known !== undefined) return known;
    const key = new RegionSeries('county', code, state, this.countyPool);
    key.priorShare = this.priorShare('county', code);
    this.counties.set(code, key);
    if (dense >= 0) {
      while (this.countyByDense.length <= dense) this.countyByDense.push(undefined);
      this.countyByDense[dense] = key;
    }
    return key;
  }

  /** The county's key if it exists (creates nothing). */
  knownCountyAt(dense: number, code: string): RegionSeries | undefined {
    return dense >= 0 ? this.countyByDense[dense] : this.counties.get(code);
  }

  /** County keys by dense county number (packed: filled with undefined up to the largest). */
  private readonly countyByDense: (RegionSeries | undefined)[] = [];

  /** The keys whose counts make up a scope (created if never seen: zero counts). */
  scopeKeys(scope: Scope): RegionSeries[] {
    if (scope.level === 'nation') return [this.nation];
    if (scope.level === 'state') return scope.regions.map((s) => this.state(s));
    return scope.regions.map((c) => this.county(c, c.slice(0, 2)));
  }

  /** Every key inside a scope and, for flagging baselines, the ancestors it contaminates. */
  keysTouching(scope: Scope): RegionSeries[] {
    if (scope.level === 'nation') return [this.nation, ...this.states.values(), ...this.counties.values()];
    if (scope.level === 'state') {
      const set = new Set(scope.regions);
      const counties = [...this.counties.values()].filter((c) => set.has(c.state));
      return [this.nation, ...this.scopeKeys(scope), ...counties];
    }
    const states = [...new Set(scope.regions.map((c) => c.slice(0, 2)))].map((s) => this.state(s));
    return [...this.scopeKeys(scope), ...states];
  }

  callCounts(calledNetwork: number): CallCounts {
    let counts = this.calls.get(calledNetwork);
    if (!counts) {
      counts = new CallCounts();
      this.calls.set(calledNetwork, counts);
    }
    return counts;
  }

  baseCalledShare(calledNetwork: number): number {
    // With little quiet history assume a small share: most reporters call their own network.
    if (this.quietTotal < 50) return 0.1;
    return (this.quietCalls.get(calledNetwork) ?? 0) / this.quietTotal;
  }
}
