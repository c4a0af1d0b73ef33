import { describe, expect, it } from 'vitest';
import type { StoredIncident } from '../incidents/index.js';
import { incidentsSection } from './desk-incidents.js';

const opening = { level: 'nation' as const, region: 'US', windowMinutes: 5, observed: 900, expected: 10, tested: 15, llr: 2000, ratio: 60, duplicateShare: 0, elevatedMinutes: 5 };
const base: StoredIncident = {
  id: 'verizon-20240222T0851Z', network: 'verizon', status: 'resolved', kind: 'collateral', primaryIncidentId: 'att-20240222T0845Z',
  scope: { level: 'nation', regions: ['US'] }, services: { voice: 0.9, sms: 0.4, data: 0.1, '911': 0 },
  onsetAt: '2024-02-22T08:51:00.000Z', detectedAt: '2024-02-22T08:54:45.000Z', resolvedAt: '2024-02-22T20:08:00.000Z',
  reportCount: 109564, peak: { at: '2024-02-22T14:13:00.000Z', count: 4533 },
  evidence: { opening, collateral: { primaryIncidentId: 'att-20240222T0845Z', primaryNetwork: 'att', rule: 'called-network', calledShare: 0.738, lagMinutes: 6, correlation: 0.91, excessRatio: 0.06 } },
  series: [{ at: '2024-02-22T08:45:00.000Z', observed: 5, expected: 4 }, { at: '2024-02-22T09:00:00.000Z', observed: 900, expected: 4 }],
};

describe('desk incidents', () => {
  it('says why a spike is collateral, by either rule', () => {
    expect(incidentsSection([base]).text).toContain('74 % of its reporters were calling att');
    const tracking = { ...base, evidence: { opening, collateral: { ...base.evidence!.collateral!, rule: 'tracks-primary' as const } } };
    expect(incidentsSection([tracking]).text).toContain("small (6 % of att&#39;s excess), 6 min later, tracks it (r = 0.91)");
  });

  it('names counties as staff say them', () => {
    const county = { ...base, scope: { level: 'county' as const, regions: ['17097'] } };
    expect(incidentsSection([county]).text).toContain('Lake, IL');
  });

  it('draws the chart against the baseline and says nationwide for the nation', () => {
    const text = incidentsSection([base]).text;
    expect(text).toContain('nationwide');
    expect(text).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Reports per 15 minutes[^"]*peak 900/);
  });
});
