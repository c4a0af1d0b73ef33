// A collateral incident of the 22 Feb 2024 day, for page tests: complete, with evidence and series.
import type { StoredIncident } from '../../src/incidents/index.js';

export const OPENING = { level: 'nation' as const, region: 'US', windowMinutes: 5, observed: 900, expected: 10, tested: 15, llr: 2000, ratio: 60, duplicateShare: 0, elevatedMinutes: 5 };
export const SAMPLE_INCIDENT: StoredIncident = {
  id: 'verizon-20240222T0851Z', network: 'verizon', status: 'resolved', kind: 'collateral', primaryIncidentId: 'att-20240222T0845Z',
  scope: { level: 'nation', regions: ['US'] }, services: { voice: 0.9, sms: 0.4, data: 0.1, '911': 0 },
  onsetAt: '2024-02-22T08:51:00.000Z', detectedAt: '2024-02-22T08:54:45.000Z', resolvedAt: '2024-02-22T20:08:00.000Z',
  reportCount: 109564, peak: { at: '2024-02-22T14:13:00.000Z', count: 4533 },
  evidence: { opening: OPENING, collateral: { primaryIncidentId: 'att-20240222T0845Z', primaryNetwork: 'att', rule: 'called-network', calledShare: 0.738, lifeCalledShare: 0.81, lagMinutes: 6, correlation: 0.91, excessRatio: 0.06 } },
  series: [{ at: '2024-02-22T08:45:00.000Z', observed: 5, expected: 4 }, { at: '2024-02-22T09:00:00.000Z', observed: 900, expected: 4 }],
};
