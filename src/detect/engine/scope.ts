// Which place explains an excess: the most specific scope in the county -> state -> nation
// hierarchy that accounts for it (in the spirit of Kulldorff's scan over a fixed
// hierarchy). A multi-state event is one incident with several states; when the excess
// is spread beyond the significant states too, it is national.
import { poissonLlr } from './significance.js';
import { LEVEL_INDEX } from './config.js';
import type { Scope, ScopeBasis, ScopeLevel } from './types.js';

export interface RegionStat {
  level: ScopeLevel;
  region: string;
  state: string;
  observed: number;
  tested: number; // expected x margin
}

export interface ScopeRule {
  scopeLlr: number;
  /** this many significant states is broad whatever the residual */
  broadStates: number;
  /** excess in this many states (about half) is national */
  nationStates: number;
  /** a state is "explained" by at most this many counties... */
  maxCounties: number;
  /** ...holding at least this share of its excess */
  countyShare: number;
}

export const DEFAULT_SCOPE_RULE: ScopeRule = { scopeLlr: 7, broadStates: 12, nationStates: 25, maxCounties: 3, countyShare: 0.6 };

function significant(observed: number, tested: number, rule: ScopeRule): boolean {
  return observed >= 3 && observed >= 2 * tested && poissonLlr(observed, tested) >= rule.scopeLlr;
}

const excess = (s: RegionStat): number => Math.max(0, s.observed - s.tested);

export function chooseScope(nation: RegionStat, states: RegionStat[], counties: RegionStat[], rule: ScopeRule, trigger: RegionStat): Scope {
  return decideScope(nation, states, counties, rule, trigger).scope;
}

/** The scope that best explains the excess, and which rule chose it (the incident's scope evidence). */
export function decideScope(nation: RegionStat, states: RegionStat[], counties: RegionStat[], rule: ScopeRule, trigger: RegionStat): { scope: Scope; basis: ScopeBasis } {
  const sigStates = states.filter((s) => significant(s.observed, s.tested, rule));
  let restObserved = nation.observed;
  let restTested = nation.tested;
  for (const s of sigStates) {
    restObserved -= s.observed;
    restTested -= s.tested;
  }
  // Excess outside the significant states, taken together, means the event is everywhere,
  // unless it is still confined to a list of states (a regional network's whole footprint,
  // or the first minutes of a national outage: it grows to the nation as states join).
  const broad = sigStates.length >= rule.broadStates || (sigStates.length > 0 && significant(restObserved, restTested, rule));
  if (broad || (sigStates.length === 0 && trigger.level === 'nation' && significant(nation.observed, nation.tested, rule))) {
    const confined = confinedStates(nation, states, rule);
    return confined ? { scope: confined, basis: 'confined-states' } : { scope: { level: 'nation', regions: ['US'] }, basis: 'nation' };
  }
  const sigCounties = counties.filter((c) => significant(c.observed, c.tested, rule));
  if (sigStates.length === 0) {
    if (sigCounties.length > 0) return { scope: makeScope('county', sigCounties.map((c) => c.region)), basis: 'counties' };
    return { scope: makeScope(trigger.level, [trigger.region]), basis: 'trigger' };
  }
  const explained = sigStates.every((s) => {
    const inside = sigCounties.filter((c) => c.state === s.region);
    if (inside.length === 0 || inside.length > rule.maxCounties) return false;
    let o = s.observed;
    let t = s.tested;
    let ex = 0;
    for (const c of inside) {
      o -= c.observed;
      t -= c.tested;
      ex += excess(c);
    }
    return ex >= rule.countyShare * excess(s) && !significant(o, t, rule);
  });
  if (explained) return { scope: makeScope('county', sigCounties.map((c) => c.region)), basis: 'counties' };
  return { scope: makeScope('state', sigStates.map((s) => s.region)), basis: 'states' };
}

/**
 * The states holding nearly all of the nation's excess, when they are fewer than half.
 * Tried from the strictest notion of "a state is up" to the loosest: seconds after an
 * abrupt onset every state holds only a report or two; the scope grows (to the nation if
 * the excess spreads) as evidence comes.
 */
function confinedStates(nation: RegionStat, states: RegionStat[], rule: ScopeRule): Scope | null {
  const tests: Array<(s: RegionStat) => boolean> = [
    (s) => s.observed >= 3 && s.observed >= 2 * s.tested && poissonLlr(s.observed, s.tested) >= 3,
    (s) => s.observed >= 2 && s.observed > 2 * s.tested,
    (s) => s.observed >= 1 && s.observed > 2 * s.tested,
  ];
  for (const isUp of tests) {
    const up = states.filter(isUp);
    if (up.length === 0) continue;
    if (up.length >= rule.nationStates) return null;
    const held = up.reduce((sum, s) => sum + excess(s), 0);
    if (held >= 0.8 * excess(nation)) return makeScope('state', up.map((s) => s.region));
  }
  return null;
}

export function makeScope(level: ScopeLevel, regions: string[]): Scope {
  if (level === 'nation') return { level, regions: ['US'] };
  return { level, regions: [...new Set(regions)].sort() };
}

/** Regions of `scope` lifted to `level` (counties -> their states, anything -> US). */
function lift(scope: Scope, level: ScopeLevel): string[] {
  if (level === 'nation') return ['US'];
  if (level === scope.level) return scope.regions;
  return scope.regions.map((r) => r.slice(0, 2)); // county -> state
}

/** The smallest scope covering both: the higher level, regions united. */
export function unionScope(a: Scope, b: Scope): Scope {
  const level = LEVEL_INDEX[a.level] >= LEVEL_INDEX[b.level] ? a.level : b.level;
  return makeScope(level, [...lift(a, level), ...lift(b, level)]);
}

export function sameScope(a: Scope, b: Scope): boolean {
  return a.level === b.level && a.regions.length === b.regions.length && a.regions.every((r, i) => r === b.regions[i]);
}

/** True when the region (at its level) lies wholly inside the scope. */
export function containsRegion(scope: Scope, level: ScopeLevel, region: string): boolean {
  if (scope.level === 'nation') return true;
  if (LEVEL_INDEX[level] > LEVEL_INDEX[scope.level]) return false;
  const key = scope.level === 'state' ? region.slice(0, 2) : region;
  return scope.regions.includes(key);
}

/** True when the two scopes share any place. */
export function overlaps(a: Scope, b: Scope): boolean {
  if (a.level === 'nation' || b.level === 'nation') return true;
  const [hi, lo] = LEVEL_INDEX[a.level] >= LEVEL_INDEX[b.level] ? [a, b] : [b, a];
  return lo.regions.some((r) => containsRegion(hi, lo.level, r));
}
