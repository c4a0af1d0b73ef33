import { describe, expect, it } from 'vitest';
import { DetectionEngine } from './engine.js';
import { ReportBatch } from './report-batch.js';
import { serviceMask } from './report-log.js';
import type { DetectionReport, IncidentChange } from './types.js';

const MIN = 60_000;
const T0 = Date.parse('2024-03-04T00:00:00Z');
const ONSET = T0 + 26 * 60 * MIN; // a day of history first

/** One county in each of 46 states (FIPS xx001): everyday reports come from everywhere. */
const STATES = ['01', '04', '05', '06', '08', '09', '10', '12', '13', '16', '17', '18', '19', '20', '21', '22', '23', '24',
  '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '44', '45',
  '47', '48', '49', '50', '51', '53', '54', '55'];
const COUNTIES = STATES.map((s) => `${s}001`);

let serial = 0;
function report(network: string, at: number, county: string, extra: Partial<DetectionReport> = {}): DetectionReport {
  serial++;
  return {
    id: `r${serial}`, receivedAt: at, network, carrier: network, county, state: county.slice(0, 2),
    services: ['voice'], calledNetwork: null, fingerprint: `fp${serial}`, startedAt: at, ...extra,
  };
}

/** `perMinute` reports a minute for `network` from `from` to `to`, spread over the counties. */
function steady(network: string, from: number, to: number, perMinute: number, counties = COUNTIES, extra: Partial<DetectionReport> = {}): DetectionReport[] {
  const out: DetectionReport[] = [];
  let k = 0;
  for (let t = from; t < to; t += MIN) {
    for (let i = 0; i < perMinute; i++) {
      out.push(report(network, t + Math.floor(((i + 0.5) * MIN) / perMinute), counties[k++ % counties.length]!, extra));
    }
  }
  return out;
}

/** Merges streams in receivedAt order (stable) and feeds them, collecting changes. */
function feed(engine: DetectionEngine, ...streams: DetectionReport[][]): IncidentChange[] {
  const all = streams.flat().sort((a, b) => a.receivedAt - b.receivedAt);
  const changes: IncidentChange[] = [];
  for (const r of all) changes.push(...engine.push(r));
  return changes;
}

const opened = (changes: IncidentChange[]) => changes.filter((c) => c.type === 'opened').map((c) => c.incident);

describe('incident lifecycle', () => {
  it('a fresh engine catches a national outage, grows it, confirms and resolves it once', () => {
    const engine = new DetectionEngine();
    const onset = T0 + 3 * 60 * MIN;
    const end = onset + 90 * MIN;
    const changes = feed(
      engine,
      steady('att', T0, onset + 4 * 60 * MIN, 3), // ~45 per 15 min, like AT&T's baseline
      steady('att', onset, end, 150), // thousands per 15 min
    );
    changes.push(...engine.advanceTo(onset + 6 * 60 * MIN));
    const incidents = engine.incidents();
    expect(incidents).toHaveLength(1);
    const inc = incidents[0]!;
    expect(inc.scope).toEqual({ level: 'nation', regions: ['US'] });
    expect(Date.parse(inc.detectedAt) - onset).toBeLessThanOrEqual(5 * MIN);
    expect(Math.abs(Date.parse(inc.onsetAt) - onset)).toBeLessThanOrEqual(2 * MIN);
    expect(inc.status).toBe('resolved');
    expect(Date.parse(inc.resolvedAt!)).toBeGreaterThan(end - 10 * MIN);
    expect(Date.parse(inc.resolvedAt!)).toBeLessThan(end + 30 * MIN);
    expect(inc.peak.count).toBeGreaterThan(2000);
    expect(inc.services.voice).toBe(1);
    expect(changes.filter((c) => c.type === 'resolved')).toHaveLength(1);
    expect(changes.some((c) => c.type === 'updated' && c.incident.status === 'confirmed')).toBe(true);
    // The chart: 15-minute buckets, observed far above expected during the outage.
    const series = engine.series(inc.id);
    const during = series.find((p) => Date.parse(p.at) === onset + 30 * MIN)!;
    expect(during.observed).toBeGreaterThan(20 * during.expected);
  });

  it('resolves once when reports trail on after restoration, and does not reopen on the tail', () => {
    const engine = new DetectionEngine();
    const end = ONSET + 90 * MIN;
    const changes = feed(
      engine,
      steady('att', T0, end + 5 * 60 * MIN, 3),
      steady('att', ONSET, end, 150),
      steady('att', end, end + 3 * 60 * MIN, 5), // people still reporting for hours
    );
    expect(opened(changes)).toHaveLength(1);
    expect(changes.filter((c) => c.type === 'resolved')).toHaveLength(1);
    expect(Date.parse(engine.incidents()[0]!.resolvedAt!)).toBeLessThan(end + 30 * MIN);
  });

  it('finds a single-county outage within 15 minutes, at county scope', () => {
    const engine = new DetectionEngine();
    const changes = feed(
      engine,
      steady('verizon', T0, ONSET + 3 * 60 * MIN, 4),
      // 20 reports in the first hour (one every 3 minutes) in a quiet county
      steady('verizon', ONSET, ONSET + 60 * MIN, 1, ['30003']).filter((_, i) => i % 3 === 0),
    );
    const inc = opened(changes)[0]!;
    expect(inc.scope).toEqual({ level: 'county', regions: ['30003'] });
    expect(Date.parse(inc.detectedAt) - ONSET).toBeLessThanOrEqual(15 * MIN);
    expect(opened(changes)).toHaveLength(1);
  });

  it('never opens a second incident over the same place: it grows the open one', () => {
    const engine = new DetectionEngine();
    const changes = feed(
      engine,
      steady('verizon', T0, ONSET + 3 * 60 * MIN, 4),
      steady('verizon', ONSET, ONSET + 90 * MIN, 1, ['30003']),
      // a second county of the same state joins half an hour later
      steady('verizon', ONSET + 30 * MIN, ONSET + 90 * MIN, 1, ['30005']),
    );
    expect(opened(changes)).toHaveLength(1);
    const inc = engine.incidents()[0]!;
    expect(inc.scope.regions).toEqual(['30003', '30005']);
    expect(changes.some((c) => c.type === 'updated' && c.incident.scope.regions.length === 2)).toBe(true);
  });
});

describe('robust to quiet stretches', () => {
  it('a spam burst from a handful of fingerprints opens nothing', () => {
    const engine = new DetectionEngine();
    const spam = Array.from({ length: 400 }, (_, i) =>
      report('att', ONSET + Math.floor((i * 30 * MIN) / 400), '30003', { fingerprint: `spammer${i % 6}` }));
    const changes = feed(engine, steady('att', T0, ONSET + 3 * 60 * MIN, 4), spam);
    expect(opened(changes)).toHaveLength(0);
  });

  it('a +50 % rise on every network at once (a news story) opens nothing', () => {
    const engine = new DetectionEngine();
    const from = T0 + 2 * 24 * 60 * MIN;
    const streams = ['att', 'verizon', 'tmobile'].flatMap((n) => [
      steady(n, T0, from, 4),
      steady(n, from, from + 4 * 60 * MIN, 6), // +50 % for four hours
    ]);
    expect(opened(feed(engine, ...streams))).toHaveLength(0);
  });
});

describe('primary and collateral', () => {
  it('marks a smaller spike of people calling the broken network as collateral', () => {
    const engine = new DetectionEngine();
    const changes = feed(
      engine,
      steady('att', T0, ONSET + 2 * 60 * MIN, 3),
      steady('verizon', T0, ONSET + 2 * 60 * MIN, 3),
      steady('att', ONSET, ONSET + 90 * MIN, 150),
      steady('verizon', ONSET + 5 * MIN, ONSET + 90 * MIN, 12, COUNTIES, { calledNetwork: 'att' }),
    );
    const [att, verizon] = ['att', 'verizon'].map((n) => engine.incidents().find((i) => i.network === n)!);
    expect(att!.kind).toBe('primary');
    expect(verizon!.kind).toBe('collateral');
    expect(verizon!.primaryIncidentId).toBe(att!.id);
    expect(verizon!.evidence.collateral?.calledShare).toBeGreaterThan(0.5);
    expect(verizon!.evidence.collateral?.lagMinutes).toBeGreaterThanOrEqual(0);
    expect(opened(changes)).toHaveLength(2);
  });

  /** AT&T down nationally; Verizon, a quieter network, gets 2 more reports a minute. */
  const smallCollateral = (calledNetwork: string | null, ...more: DetectionReport[][]) => {
    const engine = new DetectionEngine();
    feed(
      engine,
      steady('att', T0, ONSET + 4 * 60 * MIN, 3),
      steady('verizon', T0, ONSET + 4 * 60 * MIN, 6), // +2/min is +33 %: lost in the totals
      steady('att', ONSET, ONSET + 3 * 60 * MIN, 150),
      steady('verizon', ONSET + 5 * MIN, ONSET + 90 * MIN, 2, COUNTIES, { calledNetwork }),
      ...more,
    );
    return engine;
  };

  it('finds collateral too small for its network\'s totals from who its reporters were calling', () => {
    const found = smallCollateral('att').incidents();
    const att = found.find((i) => i.network === 'att')!;
    const verizon = found.find((i) => i.network === 'verizon')!;
    expect(verizon.kind).toBe('collateral');
    expect(verizon.primaryIncidentId).toBe(att.id);
    expect(verizon.evidence.collateral?.rule).toBe('called-network');
    expect(verizon.evidence.opening.calledNetwork).toBe('att');
    expect(verizon.scope).toEqual(att.scope);
    expect(Date.parse(verizon.detectedAt) - Date.parse(verizon.onsetAt)).toBeLessThanOrEqual(20 * MIN);
    // It counts the reports naming AT&T, and ends when they stop while AT&T's outage goes on.
    expect(verizon.reportCount).toBeLessThan(2 * 90);
    expect(Date.parse(verizon.resolvedAt!)).toBeLessThan(Date.parse(att.resolvedAt!));
    // The same small rise naming no one is not an incident.
    expect(smallCollateral(null).incidents().filter((i) => i.network === 'verizon')).toEqual([]);
  });

  it('an incident seen through calls switches to its network\'s own counts when those stand out', () => {
    // Then many more Verizon reports, naming no one.
    const engine = smallCollateral('att', steady('verizon', ONSET + 30 * MIN, ONSET + 90 * MIN, 30));
    const verizon = engine.incidents().filter((i) => i.network === 'verizon');
    expect(verizon).toHaveLength(1);
    expect(verizon[0]!.evidence.opening.calledNetwork).toBe('att');
    expect(verizon[0]!.reportCount).toBeGreaterThan(30 * 50); // its own reports count now
    const series = engine.series(verizon[0]!.id);
    const at = (iso: string) => series.find((p) => p.at === iso)!;
    // The chart is redrawn from its own counts: the baseline of ~90 per 15 min shows before the rise.
    expect(at(new Date(ONSET + 15 * MIN).toISOString()).observed).toBeGreaterThan(80);
  });

  it('keeps an unrelated spike on another network primary', () => {
    const engine = new DetectionEngine();
    feed(
      engine,
      steady('att', T0, ONSET + 2 * 60 * MIN, 3),
      steady('tmobile', T0, ONSET + 2 * 60 * MIN, 3),
      steady('att', ONSET, ONSET + 90 * MIN, 150),
      // T-Mobile's own trouble in one state, starting well before and not calling AT&T
      steady('tmobile', ONSET - 40 * MIN, ONSET + 90 * MIN, 2, ['48201', '48113', '48029', '48453', '48439']),
    );
    const tmobile = engine.incidents().find((i) => i.network === 'tmobile')!;
    expect(tmobile.kind).toBe('primary');
    expect(tmobile.primaryIncidentId).toBeNull();
  });
});

describe('causality', () => {
  const stream = [
    ...steady('att', T0, ONSET + 3 * 60 * MIN, 3),
    ...steady('verizon', T0, ONSET + 3 * 60 * MIN, 3),
    ...steady('att', ONSET, ONSET + 60 * MIN, 120),
    ...steady('verizon', ONSET + 4 * MIN, ONSET + 60 * MIN, 10, COUNTIES, { calledNetwork: 'att' }),
  ].sort((a, b) => a.receivedAt - b.receivedAt);

  it('detectedAt is the report that opened it, or the end of the complete minute that did (the same live and on replay)', () => {
    const engine = new DetectionEngine();
    for (const r of stream) {
      for (const c of engine.push(r)) {
        if (c.type !== 'opened') continue;
        const at = Date.parse(c.incident.detectedAt);
        // Opened by this report, or by the tick of the minute it completed (calls seen over that minute).
        expect(at === r.receivedAt || (at % MIN === 0 && at <= r.receivedAt)).toBe(true);
        expect(at).toBeLessThanOrEqual(engine.seenUpTo);
        expect(Date.parse(c.incident.onsetAt)).toBeLessThanOrEqual(engine.seenUpTo);
      }
    }
  });

  it('feeding later reports never changes a decision already made', () => {
    const full = new DetectionEngine();
    const fullChanges = stream.map((r) => JSON.stringify(full.push(r)));
    for (const cut of [Math.floor(stream.length * 0.9), stream.findIndex((r) => r.receivedAt >= ONSET + 6 * MIN)]) {
      const prefix = new DetectionEngine();
      const prefixChanges = stream.slice(0, cut).map((r) => JSON.stringify(prefix.push(r)));
      expect(prefixChanges).toEqual(fullChanges.slice(0, cut));
    }
  });

  it('pushAll gives what push gives report by report, in chunks of any size', () => {
    const one = new DetectionEngine();
    const changes = stream.flatMap((r) => one.push(r));
    for (const size of [1, 7, 300, stream.length]) {
      const many = new DetectionEngine();
      const chunked = [];
      for (let k = 0; k < stream.length; k += size) chunked.push(...many.pushAll(stream.slice(k, k + size)));
      expect(JSON.stringify(chunked)).toBe(JSON.stringify(changes));
      expect(many.incidents()).toEqual(one.incidents());
    }
    expect(changes.some((c) => c.type === 'opened')).toBe(true);
  });

  it('pushBatch of batches filled field by field gives what push gives, however the batches are cut', () => {
    const one = new DetectionEngine();
    const changes = stream.flatMap((r) => one.push(r));
    for (const size of [5, 1000, stream.length]) {
      const engine = new DetectionEngine();
      const got: IncidentChange[] = [];
      // Capacity 2: every batch grows while filled.
      const batch = new ReportBatch(2);
      for (let k = 0; k < stream.length; k += size) {
        batch.clear();
        for (const r of stream.slice(k, k + size)) batch.addFields(r.receivedAt, r.network, r.county, r.state, serviceMask(r.services), r.calledNetwork, r.fingerprint);
        got.push(...engine.pushBatch(batch));
      }
      expect(JSON.stringify(got)).toBe(JSON.stringify(changes));
      expect(engine.incidents()).toEqual(one.incidents());
    }
  });

  it('is deterministic', () => {
    const a = new DetectionEngine();
    const b = new DetectionEngine();
    for (const r of stream) {
      a.push(r);
      b.push(r);
    }
    expect(a.incidents()).toEqual(b.incidents());
  });
});
