// What clients see of an incident. The list (API items and `outage-desk incidents --json`) is
// an external contract with exactly these fields; the detail adds `series` and `evidence`.
import type { Incident } from '../detect/index.js';

export type IncidentSummary = Omit<Incident, 'evidence'>;

/** Statuses a list may filter on; `open` means not resolved (suspected or confirmed). */
export const STATUS_FILTERS = ['open', 'suspected', 'confirmed', 'resolved', 'dismissed'] as const;
export const KIND_FILTERS = ['primary', 'collateral'] as const;

/**
 * Picks the contract's fields by name rather than dropping known extras, so a field the
 * engine adds later (or a stored body's leftovers) never leaks into the list.
 */
export function toSummary(i: Incident): IncidentSummary {
  return {
    id: i.id,
    network: i.network,
    status: i.status,
    kind: i.kind,
    primaryIncidentId: i.primaryIncidentId,
    scope: { level: i.scope.level, regions: i.scope.regions },
    services: i.services,
    onsetAt: i.onsetAt,
    detectedAt: i.detectedAt,
    resolvedAt: i.resolvedAt,
    reportCount: i.reportCount,
    peak: { at: i.peak.at, count: i.peak.count },
  };
}
