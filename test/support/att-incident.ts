// The primary AT&T incident of 22 Feb 2024 as detection records it, for attribution tests.
import type { StoredIncident } from '../../src/incidents/index.js';
import { OPENING, SAMPLE_INCIDENT } from './sample-incident.js';

export const ATT_INCIDENT: StoredIncident = {
  ...SAMPLE_INCIDENT,
  id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null,
  onsetAt: '2024-02-22T08:45:00.000Z', detectedAt: '2024-02-22T08:47:00.000Z', resolvedAt: '2024-02-22T20:04:00.000Z',
  services: { voice: 0.95, sms: 0.6, data: 0.8, '911': 0.1 }, reportCount: 1_200_000, peak: { at: '2024-02-22T13:30:00.000Z', count: 70_000 },
  evidence: { opening: OPENING, collateral: null },
};
