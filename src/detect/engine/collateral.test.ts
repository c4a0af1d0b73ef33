import { describe, expect, it } from 'vitest';
import { bestCollateral, calledShareOfExcess, judgeCollateral, type CandidateView, type PrimaryView } from './collateral.js';

const rule = { calledShare: 0.5, excessRatio: 0.25, correlation: 0.6 };
const rising = [1, 1, 2, 50, 120, 300, 600, 900, 1000, 1100];
const primary: PrimaryView = { id: 'att-1', network: 'att', onsetMinute: 100, excess: 4000, curve: rising };

function candidate(over: Partial<CandidateView>): CandidateView {
  return {
    onsetMinute: 105, observed: 240, expected: 40, calledPrimary: 10, baseCalledShare: 0.05,
    curve: rising.map((x) => x * 0.06 + 2), ...over,
  };
}

describe('collateral rules', () => {
  it('is collateral when most excess reporters were calling the primary network', () => {
    const v = judgeCollateral(primary, candidate({ calledPrimary: 180, curve: [] }), rule);
    expect(v?.rule).toBe('called-network');
    expect(v?.primaryIncidentId).toBe('att-1');
    expect(v?.calledShare).toBeGreaterThan(0.5);
    expect(v?.lagMinutes).toBe(5);
  });

  it('corrects the call share for people who call that network anyway', () => {
    // 30 % of this network's reporters always call AT&T: 30 % of 240 is no evidence.
    expect(calledShareOfExcess(candidate({ calledPrimary: 72, baseCalledShare: 0.3 }))).toBeCloseTo(0.3, 6);
    expect(calledShareOfExcess(candidate({ calledPrimary: 72, baseCalledShare: 0 }))).toBeCloseTo(0.36, 6);
  });

  it('is collateral when the excess is much smaller, later and tracks the primary', () => {
    const v = judgeCollateral(primary, candidate({}), rule);
    expect(v?.rule).toBe('tracks-primary');
    expect(v?.correlation).toBeGreaterThan(0.9);
    expect(v?.excessRatio).toBeCloseTo(200 / 4000, 6);
  });

  it('stands alone when it started well before the primary', () => {
    expect(judgeCollateral(primary, candidate({ onsetMinute: 80 }), rule)).toBeNull();
  });

  it('stands alone when it is as big as the primary', () => {
    expect(judgeCollateral(primary, candidate({ observed: 4000, expected: 40 }), rule)).toBeNull();
  });

  it('stands alone when its curve does not track the primary', () => {
    const flat = candidate({ curve: [9, 40, 3, 30, 5, 1, 35, 2, 8, 4] });
    expect(judgeCollateral(primary, flat, rule)).toBeNull();
  });

  it('picks the primary with the strongest call share', () => {
    const a = judgeCollateral(primary, candidate({ calledPrimary: 150 }), rule);
    const b = judgeCollateral({ ...primary, id: 'vz-1', network: 'verizon' }, candidate({ calledPrimary: 190 }), rule);
    expect(bestCollateral([a, null, b])?.primaryIncidentId).toBe('vz-1');
    expect(bestCollateral([null])).toBeNull();
  });
});
