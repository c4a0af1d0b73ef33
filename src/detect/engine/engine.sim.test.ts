// End to end on the simulator: a week of simulated reports (background, outages with
// their collateral, spam, DST) replayed through the engine and matched to the truth.
import { describe, expect, it } from 'vitest';
import { lookupZip, networkOf } from '../../reference/index.js';
import { buildScenario, simulateReports } from '../../sim/index.js';
import { DetectionEngine } from './engine.js';
import { overlaps } from './scope.js';
import type { DetectionReport, Incident } from './types.js';

function replay(opts: { scenario: string; seed: number; days: number }): DetectionEngine {
  const engine = new DetectionEngine();
  let n = 0;
  for (const r of simulateReports(opts)) {
    const place = lookupZip(r.zip);
    const network = networkOf(r.carrier);
    if (!place || !network) continue;
    const report: DetectionReport = {
      id: String(n++), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county,
      state: place.state, services: r.services, calledNetwork: r.calledCarrier ? networkOf(r.calledCarrier) ?? null : null,
      fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt),
    };
    engine.push(report);
  }
  return engine;
}

// One replay serves both tests (a week of reports takes a while on a shared machine).
let week: DetectionEngine | undefined;
const weekEngine = (): DetectionEngine => (week ??= replay({ scenario: 'random', seed: 1, days: 7 }));

describe('engine on a simulated week', () => {
  it('finds the outages, classifies collateral and raises nothing else', () => {
    const opts = { scenario: 'random', seed: 1, days: 7 };
    const truth = buildScenario(opts);
    const engine = weekEngine();
    const incidents = engine.incidents();
    const matchOf = (inc: Incident) => truth.outages.find((o) =>
      o.network === inc.network && overlaps(o.scope, inc.scope) &&
      Date.parse(inc.onsetAt) < Date.parse(o.endAt) + 3_600_000 && Date.parse(inc.detectedAt) > Date.parse(o.onsetAt) - 1_800_000);
    const unmatched = incidents.filter((i) => !matchOf(i));
    expect(unmatched).toEqual([]);
    const visible = truth.outages.filter((x) => x.kind === 'primary' && x.peakPer15min >= 12);
    expect(visible.length).toBeGreaterThan(0);
    for (const o of visible) {
      const found = incidents.find((i) => matchOf(i)?.id === o.id);
      expect(found, o.id).toBeDefined();
      expect(found!.kind).toBe('primary');
    }
    for (const inc of incidents) {
      const o = matchOf(inc)!;
      expect(inc.kind, inc.id).toBe(o.kind);
    }
  }, 180_000);

  it('keeps every figure of an incident true over its life: peak is a bar of its chart, scope evidence matches its scope', () => {
    const engine = weekEngine();
    const incidents = engine.incidents();
    expect(incidents.some((i) => i.kind === 'collateral')).toBe(true);
    for (const inc of incidents) {
      const from = Date.parse(inc.onsetAt) - (Date.parse(inc.onsetAt) % 900_000);
      const to = inc.resolvedAt ? Date.parse(inc.resolvedAt) : Number.POSITIVE_INFINITY;
      const bars = engine.series(inc.id).filter((p) => Date.parse(p.at) >= from && Date.parse(p.at) <= to);
      const top = bars.reduce((a, b) => (b.observed > a.observed ? b : a));
      expect({ id: inc.id, count: inc.peak.count, at: inc.peak.at }).toEqual({ id: inc.id, count: top.observed, at: top.at });
      expect(inc.evidence.scope?.level).toBe(inc.scope.level);
      expect(inc.evidence.scope?.regions).toBe(inc.scope.regions.length);
      expect(inc.evidence.openingScope).toBeDefined();
      if (inc.kind === 'collateral') {
        const share = inc.evidence.collateral!.lifeCalledShare!;
        expect(share).toBeGreaterThan(0);
        expect(share).toBeLessThanOrEqual(1);
      }
    }
  }, 180_000);
});
