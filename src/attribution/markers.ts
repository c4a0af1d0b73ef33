// The incident's markers on the attribution timeline: onset, first crowd report, detection,
// first media item, first official statement, restoration. The outage counts as public from the
// earliest of detection (crowd reports at a level trackers show), the first media item and the
// first official statement.
import type { IncidentFacts, Marker, MarkerKind, Statement } from './types.js';

export interface IncidentMarkers {
  onset: Marker;
  firstReport: Marker | null;
  detection: Marker;
  firstMedia: Marker | null;
  firstOfficial: Marker | null;
  restoration: Marker | null;
  /** The marker from which the outage was public knowledge. */
  publicFrom: Marker;
}

const OFFICIAL = new Set(['carrier', 'agency']);

export const isOfficial = (s: Statement): boolean => OFFICIAL.has(s.source);

export const sourceLabel = (s: Statement): string => `${s.speaker} (${s.source})`;

function earliest(statements: Statement[], kind: MarkerKind, keep: (s: Statement) => boolean): Marker | null {
  const first = statements.filter(keep).sort((a, b) => Date.parse(a.saidAt) - Date.parse(b.saidAt))[0];
  return first ? { kind, at: first.saidAt, by: sourceLabel(first) } : null;
}

/**
 * Restoration is detection's end of the incident; while detection has none, the carrier's own
 * first word that service is restored stands in.
 */
function restoration(incident: IncidentFacts, statements: Statement[]): Marker | null {
  if (incident.resolvedAt) return { kind: 'restoration', at: incident.resolvedAt, by: 'detection: reports back to baseline' };
  return earliest(statements, 'restoration', (s) => s.source === 'carrier' && s.asserts.restoration === true);
}

export function incidentMarkers(incident: IncidentFacts, statements: Statement[]): IncidentMarkers {
  const detection: Marker = { kind: 'detection', at: incident.detectedAt, by: 'detection on crowd reports' };
  const firstMedia = earliest(statements, 'first-media', (s) => s.source === 'media');
  const firstOfficial = earliest(statements, 'first-official', isOfficial);
  const publicFrom = [detection, firstMedia, firstOfficial]
    .filter((m): m is Marker => m !== null)
    .reduce((a, b) => (Date.parse(b.at) < Date.parse(a.at) ? b : a));
  return {
    onset: { kind: 'onset', at: incident.onsetAt, by: 'detection: estimated start' },
    firstReport: incident.firstReportAt ? { kind: 'first-report', at: incident.firstReportAt, by: `first ${incident.network} report received` } : null,
    detection,
    firstMedia,
    firstOfficial,
    restoration: restoration(incident, statements),
    publicFrom,
  };
}

/** The markers in time order, for a timeline. */
export function markerList(m: IncidentMarkers): Marker[] {
  return [m.onset, m.firstReport, m.detection, m.firstMedia, m.firstOfficial, m.restoration]
    .filter((x): x is Marker => x !== null)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
