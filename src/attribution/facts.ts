// An incident as the assessment sees it, and region names for its reasons.
import type { ScopeLevel } from '../detect/index.js';
import type { StoredIncident } from '../incidents/index.js';
import { countyName, stateAbbr } from '../reference/index.js';
import type { IncidentFacts, RegionNamer } from './types.js';

export function incidentFacts(i: StoredIncident, firstReportAt: string | null): IncidentFacts {
  return {
    id: i.id, network: i.network, kind: i.kind, primaryIncidentId: i.primaryIncidentId, primaryNetwork: i.evidence.collateral?.primaryNetwork ?? null,
    scope: i.scope, services: i.services, onsetAt: i.onsetAt, detectedAt: i.detectedAt, resolvedAt: i.resolvedAt,
    openingRatio: i.evidence.opening.ratio, firstReportAt,
  };
}

/** `TX`, `Lake, IL`, `the United States`: codes as staff say them (the code itself when unknown). */
export const regionName: RegionNamer = (level: ScopeLevel, r: string) =>
  level === 'nation' ? 'the United States' : level === 'state' ? (stateAbbr(r) ?? `state ${r}`) : (countyName(r) ?? `county ${r}`);
