// What staff see of an incident: the list item (the external contract's exact fields) and the
// detail (plus its chart series and evidence). Built field by field, never the stored blob.
import type { IncidentEvidence, ScopeEvidence, SeriesPoint } from '../detect/index.js';
import { toSummary, type IncidentSummary, type StoredIncident } from '../incidents/index.js';

export type IncidentListItem = IncidentSummary;

export interface IncidentDetail extends IncidentSummary {
  series: SeriesPoint[];
  evidence: IncidentEvidence;
}

export const presentIncidentItem = (i: StoredIncident): IncidentListItem => toSummary(i);

export function presentIncident(i: StoredIncident): IncidentDetail {
  const o = i.evidence.opening;
  const c = i.evidence.collateral;
  return {
    ...toSummary(i),
    series: i.series.map((p) => ({ at: p.at, observed: p.observed, expected: p.expected })),
    evidence: {
      opening: {
        level: o.level, region: o.region, windowMinutes: o.windowMinutes, observed: o.observed, expected: o.expected, tested: o.tested,
        llr: o.llr, ratio: o.ratio, duplicateShare: o.duplicateShare, elevatedMinutes: o.elevatedMinutes,
        ...(o.calledNetwork ? { calledNetwork: o.calledNetwork } : {}),
      },
      collateral: c && {
        primaryIncidentId: c.primaryIncidentId, primaryNetwork: c.primaryNetwork, rule: c.rule, calledShare: c.calledShare,
        ...(c.lifeCalledShare !== undefined ? { lifeCalledShare: c.lifeCalledShare } : {}),
        lagMinutes: c.lagMinutes, correlation: c.correlation, excessRatio: c.excessRatio,
      },
      ...(i.evidence.openingScope ? { openingScope: scopeEvidence(i.evidence.openingScope) } : {}),
      ...(i.evidence.scope ? { scope: scopeEvidence(i.evidence.scope) } : {}),
    },
  };
}

const scopeEvidence = (s: ScopeEvidence): ScopeEvidence => ({ level: s.level, regions: s.regions, basis: s.basis, since: s.since });
