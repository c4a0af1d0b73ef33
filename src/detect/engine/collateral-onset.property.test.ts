// Property: over simulated days with an outage and its collateral (any network, scope, size,
// delay, and share of collateral reporters naming the failed network), a collateral incident
// never begins before its primary, and its evidence never reports a negative lag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupZip, networkOf } from '../../reference/index.js';
import { curvePeak, curveTotal, roundCurve, scaleCurve, shapeCurve } from '../../sim/curves.js';
import { generateReports } from '../../sim/generate.js';
import type { Scope, Truth, TruthOutage } from '../../sim/types.js';
import { DetectionEngine } from './engine.js';
import type { DetectionReport } from './types.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const START = Date.parse('2024-04-02T00:00:00Z'); // a Tuesday

function outage(id: string, network: string, scope: Scope, onsetMs: number, curve: TruthOutage['curve'], extra: Partial<TruthOutage> = {}): TruthOutage {
  const minutes = curve.at(-1)![0];
  return {
    id, network, kind: 'primary', scope, services: ['voice', 'sms', 'data'], onsetAt: new Date(onsetMs).toISOString(),
    endAt: new Date(onsetMs + minutes * MINUTE).toISOString(), shape: 'abrupt', peakPer15min: Math.round(curvePeak(curve)),
    expectedReports: Math.round(curveTotal(curve)), curve: roundCurve(curve), ...extra,
  };
}

interface Case {
  seed: number;
  networks: [string, string];
  state: string | null; // null: national
  peak: number;
  share: number;
  delay: number;
  calledShare: number;
  onsetMinute: number;
}

function truthOf(c: Case): Truth {
  const scope: Scope = c.state ? { level: 'state', regions: [c.state] } : { level: 'nation', regions: ['US'] };
  const onset = START + DAY + c.onsetMinute * MINUTE;
  const curve = shapeCurve('abrupt', 180, c.peak);
  const primary = outage('p', c.networks[0], scope, onset, curve);
  const collateral = outage('c', c.networks[1], scope, onset + c.delay * MINUTE, scaleCurve(curve, c.share), {
    kind: 'collateral', primaryId: 'p', services: ['voice', 'sms'], calledShare: c.calledShare,
  });
  return { scenario: 'property', seed: c.seed, start: new Date(START).toISOString(), end: new Date(START + 2 * DAY).toISOString(), backgroundPeakPer15min: 180, outages: [primary, collateral], quiet: [] };
}

function run(truth: Truth): DetectionEngine {
  const engine = new DetectionEngine();
  let n = 0;
  for (const r of generateReports(truth)) {
    const place = lookupZip(r.zip);
    const network = networkOf(r.carrier);
    if (!place || !network) continue;
    const report: DetectionReport = {
      id: String(n++), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county, state: place.state,
      services: r.services, calledNetwork: r.calledCarrier ? (networkOf(r.calledCarrier) ?? null) : null, fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt),
    };
    engine.push(report);
  }
  return engine;
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  networks: fc.constantFrom<[string, string]>(['att', 'verizon'], ['att', 'tmobile'], ['verizon', 'att'], ['tmobile', 'boost'], ['verizon', 'tmobile']),
  state: fc.constantFrom(null, '06', '48', '36', '17'),
  peak: fc.integer({ min: 200, max: 3000 }),
  share: fc.double({ min: 0.01, max: 0.08, noNaN: true }),
  delay: fc.integer({ min: 0, max: 12 }),
  calledShare: fc.double({ min: 0.3, max: 1, noNaN: true }),
  onsetMinute: fc.integer({ min: 6 * 60, max: 16 * 60 }),
});

describe('collateral incidents', () => {
  it('never begin before their primary, over simulated days', () => {
    let collaterals = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const incidents = run(truthOf(c)).incidents();
        for (const inc of incidents.filter((i) => i.kind === 'collateral')) {
          collaterals++;
          const primary = incidents.find((i) => i.id === inc.primaryIncidentId)!;
          expect(Date.parse(inc.onsetAt)).toBeGreaterThanOrEqual(Date.parse(primary.onsetAt));
          expect(inc.evidence.collateral!.lagMinutes).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 12, seed: 20240222 },
    );
    expect(collaterals).toBeGreaterThan(0); // the property was exercised
  }, 300_000);
});
