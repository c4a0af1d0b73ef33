// Incidents happening now (onset an hour ago, not resolved), so reports filed by a test fall
// inside them: for the counties endpoint, live events and the desk in a browser.
import type { StoredIncident } from '../../src/incidents/index.js';
import { OPENING, SAMPLE_INCIDENT } from './sample-incident.js';

const QUARTER = 15 * 60_000;

/** Twelve 15-minute points up to now: a flat baseline and a spike. */
export function seriesUntil(now: number): StoredIncident['series'] {
  const start = Math.floor((now - 3 * 3600_000) / QUARTER) * QUARTER;
  return Array.from({ length: 12 }, (_, k) => ({ at: new Date(start + k * QUARTER).toISOString(), observed: k < 8 ? 4 + (k % 3) : 900 - k * 20, expected: 4 + (k % 2) }));
}

export function ongoingAttIncident(now = Date.now(), over: Partial<StoredIncident> = {}): StoredIncident {
  const onset = new Date(now - 3600_000);
  return {
    ...SAMPLE_INCIDENT,
    id: `att-${onset.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`,
    network: 'att',
    status: 'confirmed',
    kind: 'primary',
    primaryIncidentId: null,
    scope: { level: 'nation', regions: ['US'] },
    onsetAt: onset.toISOString(),
    detectedAt: new Date(onset.getTime() + 4 * 60_000).toISOString(),
    resolvedAt: null,
    reportCount: 1200,
    peak: { at: new Date(now - 30 * 60_000).toISOString(), count: 900 },
    evidence: {
      opening: OPENING, collateral: null,
      // Opened at the states holding the excess, grown to the nation: the desk explains both.
      openingScope: { level: 'state', regions: 18, basis: 'confined-states', since: new Date(onset.getTime() + 4 * 60_000).toISOString() },
      scope: { level: 'nation', regions: 1, basis: 'nation', since: new Date(onset.getTime() + 9 * 60_000).toISOString() },
    },
    series: seriesUntil(now),
    ...over,
  };
}
