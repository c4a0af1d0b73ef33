import { describe, expect, it } from 'vitest';
import { scoreDetection, type ScoredIncident } from './score.js';
import type { Truth, TruthOutage } from './types.js';

const outage = (id: string, network: string, onsetAt: string, endAt: string, over: Partial<TruthOutage> = {}): TruthOutage => ({
  id, network, kind: 'primary', scope: { level: 'state', regions: ['48'] }, services: ['voice'], onsetAt, endAt, shape: 'abrupt',
  peakPer15min: 50, expectedReports: 500, curve: [[0, 50]], ...over,
});
const truth = (outages: TruthOutage[]): Truth => ({ scenario: 't', seed: 1, start: '2024-03-04T00:00:00Z', end: '2024-03-11T00:00:00Z', backgroundPeakPer15min: 180, outages, quiet: [] });
const inc = (id: string, network: string, onsetAt: string, detectedAt: string, resolvedAt: string | null, over: Partial<ScoredIncident> = {}): ScoredIncident => ({
  id, network, kind: 'primary', primaryIncidentId: null, scope: { level: 'state', regions: ['48'] }, onsetAt, detectedAt, resolvedAt, ...over,
});

const TX = outage('tx', 'att', '2024-03-05T10:00:00Z', '2024-03-05T12:00:00Z');

describe('scoring detection against the truth', () => {
  it('counts the first incident of an outage as the hit and a second one open at the same time as a duplicate, not a hit', () => {
    const s = scoreDetection(truth([TX]), [
      inc('a', 'att', '2024-03-05T10:01:00Z', '2024-03-05T10:04:00Z', '2024-03-05T12:10:00Z'),
      inc('b', 'att', '2024-03-05T10:20:00Z', '2024-03-05T10:25:00Z', '2024-03-05T11:30:00Z', { scope: { level: 'county', regions: ['48201'] } }),
    ]);
    expect(s.hits).toBe(1);
    expect(s.verdicts.get('a')).toBe('hit');
    expect(s.verdicts.get('b')).toBe('duplicate');
    expect(s.duplicates.map((d) => d.id)).toEqual(['b']);
    expect(s.outages[0]!.delayMinutes).toBe(4);
  });

  it('counts an incident opening after the first one closed, for the same outage, as a fragment', () => {
    const s = scoreDetection(truth([TX]), [
      inc('a', 'att', '2024-03-05T10:01:00Z', '2024-03-05T10:04:00Z', '2024-03-05T10:50:00Z'),
      inc('b', 'att', '2024-03-05T11:00:00Z', '2024-03-05T11:05:00Z', '2024-03-05T12:10:00Z'),
    ]);
    expect([s.hits, s.fragments.length, s.duplicates.length]).toEqual([1, 1, 0]);
  });

  it('counts an incident matching no outage as false, and an outage without incidents as missed', () => {
    const other = outage('ca', 'verizon', '2024-03-06T10:00:00Z', '2024-03-06T11:00:00Z', { scope: { level: 'state', regions: ['06'] } });
    const s = scoreDetection(truth([TX, other]), [
      inc('a', 'att', '2024-03-05T10:01:00Z', '2024-03-05T10:04:00Z', '2024-03-05T12:10:00Z'),
      inc('far', 'att', '2024-03-07T03:00:00Z', '2024-03-07T03:05:00Z', '2024-03-07T04:00:00Z'),
      inc('elsewhere', 'att', '2024-03-05T10:00:00Z', '2024-03-05T10:05:00Z', '2024-03-05T11:00:00Z', { scope: { level: 'state', regions: ['06'] } }),
    ]);
    expect(s.falseIncidents.map((f) => f.id).sort()).toEqual(['elsewhere', 'far']);
    expect(s.missed.map((o) => o.id)).toEqual(['ca']);
  });

  it('gives each of two overlapping outages of one network (two regions) its own hit', () => {
    const ca = outage('ca', 'att', '2024-03-05T10:10:00Z', '2024-03-05T12:00:00Z', { scope: { level: 'state', regions: ['06'] } });
    const s = scoreDetection(truth([TX, ca]), [
      inc('tx1', 'att', '2024-03-05T10:01:00Z', '2024-03-05T10:04:00Z', '2024-03-05T12:10:00Z'),
      inc('ca1', 'att', '2024-03-05T10:11:00Z', '2024-03-05T10:15:00Z', '2024-03-05T12:10:00Z', { scope: { level: 'state', regions: ['06'] } }),
    ]);
    expect(s.hits).toBe(2);
    expect(s.outages.every((o) => o.scopeExact)).toBe(true);
  });

  it('a collateral hit is kind-right only when it points at its true primary', () => {
    const col = outage('tx-vz', 'verizon', '2024-03-05T10:05:00Z', '2024-03-05T12:05:00Z', { kind: 'collateral', primaryId: 'tx' });
    const s = scoreDetection(truth([TX, col]), [
      inc('a', 'att', '2024-03-05T10:01:00Z', '2024-03-05T10:04:00Z', '2024-03-05T12:10:00Z'),
      inc('v', 'verizon', '2024-03-05T10:06:00Z', '2024-03-05T10:09:00Z', '2024-03-05T12:10:00Z', { kind: 'collateral', primaryIncidentId: 'a' }),
    ]);
    expect(s.outages.map((o) => o.kindRight)).toEqual([true, true]);
  });
});
