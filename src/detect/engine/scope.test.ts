import { describe, expect, it } from 'vitest';
import { chooseScope, containsRegion, DEFAULT_SCOPE_RULE, overlaps, unionScope, type RegionStat } from './scope.js';

const stat = (level: RegionStat['level'], region: string, observed: number, tested: number): RegionStat => ({
  level, region, state: region.slice(0, 2), observed, tested,
});

/** 56 state codes at baseline; `hot` maps state -> observed. */
function statesWith(hot: Record<string, number>, tested = 2): RegionStat[] {
  return Array.from({ length: 56 }, (_, i) => {
    const code = String(i + 1).padStart(2, '0');
    return stat('state', code, hot[code] ?? 1, tested);
  });
}

const sum = (xs: RegionStat[]): number => xs.reduce((a, s) => a + s.observed, 0);

describe('chooseScope', () => {
  it('one county explains the excess: county scope', () => {
    const states = statesWith({ '06': 30 });
    const counties = [stat('county', '06037', 28, 0.3), stat('county', '06073', 1, 0.2)];
    const nation = stat('nation', 'US', sum(states), 100);
    expect(chooseScope(nation, states, counties, DEFAULT_SCOPE_RULE, counties[0]!)).toEqual({ level: 'county', regions: ['06037'] });
  });

  it('a state-wide excess spread over many counties: state scope', () => {
    const states = statesWith({ '48': 60 });
    const counties = ['48201', '48113', '48029', '48453', '48439'].map((c) => stat('county', c, 12, 0.4));
    const nation = stat('nation', 'US', sum(states), 100);
    expect(chooseScope(nation, states, counties, DEFAULT_SCOPE_RULE, states[47]!)).toEqual({ level: 'state', regions: ['48'] });
  });

  it('a few neighbouring states: ONE state-level scope with several regions', () => {
    const states = statesWith({ '36': 60, '34': 40, '09': 25 });
    const nation = stat('nation', 'US', sum(states), 100);
    const scope = chooseScope(nation, states, [], DEFAULT_SCOPE_RULE, states[35]!);
    expect(scope).toEqual({ level: 'state', regions: ['09', '34', '36'] });
  });

  it('excess everywhere, even outside the significant states: nation', () => {
    const states = statesWith({ '06': 400, '48': 300, '12': 250, '36': 200 }, 2).map((s) =>
      s.observed === 1 ? { ...s, observed: 9 } : s); // every other state a little up too
    const nation = stat('nation', 'US', sum(states), 100);
    expect(chooseScope(nation, states, [], DEFAULT_SCOPE_RULE, nation)).toEqual({ level: 'nation', regions: ['US'] });
  });

  it("a regional network's whole footprint stays a list of states, not the nation", () => {
    const footprint = ['17', '19', '20', '23', '29', '31', '33', '37', '40', '41', '47', '51', '53', '54', '55'];
    const states = statesWith(Object.fromEntries(footprint.map((s) => [s, 20])), 0.5).map((s) =>
      footprint.includes(s.region) ? s : { ...s, observed: 0 });
    const nation = stat('nation', 'US', sum(states), 12);
    expect(chooseScope(nation, states, [], DEFAULT_SCOPE_RULE, nation)).toEqual({ level: 'state', regions: footprint });
  });

  it('seconds after an abrupt national onset: the states reporting so far, growing later', () => {
    const hot = Object.fromEntries(['06', '48', '12', '36'].map((s) => [s, 2]));
    const states = statesWith(hot, 0.2).map((s) => (hot[s.region] ? s : { ...s, observed: 0 }));
    const nation = stat('nation', 'US', sum(states), 1);
    expect(chooseScope(nation, states, [], { ...DEFAULT_SCOPE_RULE, scopeLlr: 7 }, nation)).toEqual({ level: 'state', regions: ['06', '12', '36', '48'] });
  });
});

describe('scope algebra', () => {
  it('unions at the higher level', () => {
    expect(unionScope({ level: 'county', regions: ['06037'] }, { level: 'state', regions: ['48'] })).toEqual({ level: 'state', regions: ['06', '48'] });
    expect(unionScope({ level: 'county', regions: ['06037'] }, { level: 'county', regions: ['06073'] })).toEqual({ level: 'county', regions: ['06037', '06073'] });
    expect(unionScope({ level: 'state', regions: ['06'] }, { level: 'nation', regions: ['US'] })).toEqual({ level: 'nation', regions: ['US'] });
  });

  it('overlap and containment follow the hierarchy', () => {
    expect(overlaps({ level: 'state', regions: ['06'] }, { level: 'county', regions: ['06037'] })).toBe(true);
    expect(overlaps({ level: 'state', regions: ['06'] }, { level: 'county', regions: ['48201'] })).toBe(false);
    expect(containsRegion({ level: 'state', regions: ['06'] }, 'county', '06037')).toBe(true);
    expect(containsRegion({ level: 'county', regions: ['06037'] }, 'state', '06')).toBe(false);
    expect(containsRegion({ level: 'nation', regions: ['US'] }, 'nation', 'US')).toBe(true);
  });
});
