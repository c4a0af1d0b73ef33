// Which alert events an incident change makes, from what was last alerted of it. Pure: the
// store keeps the last alerted state (alert_incidents) so every API process derives the same.
import { stateAbbr } from '../reference/index.js';
import type { IncidentFacts, PublicIncident } from '../status/index.js';

export const ALERT_EVENTS = ['incident.opened', 'incident.scope-changed', 'incident.911-affected', 'incident.resolved'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

export const SEVERITIES = ['minor', 'moderate', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A 911 failure is alerted once this share of reporters name it (as the status page names services). */
export const AFFECTED_911_SHARE = 0.3;

/** What the alerts remember of an incident between changes. */
export interface AlertedState {
  scope: string;
  affected911: boolean;
  resolved: boolean;
}

export const scopeKey = (i: Pick<IncidentFacts, 'scope'>): string => `${i.scope.level}:${[...i.scope.regions].sort().join(',')}`;

/**
 * Undefined: nothing to alert yet (dismissed, or too few reports for the public to be told —
 * the same threshold as the status page, so an alert never names a place the page would not).
 */
export function alertedState(i: IncidentFacts, minCount: number): AlertedState | undefined {
  if ((i.status as string) === 'dismissed' || i.reportCount < minCount) return undefined;
  return { scope: scopeKey(i), affected911: (i.services['911'] ?? 0) >= AFFECTED_911_SHARE, resolved: i.status === 'resolved' };
}

export function eventsBetween(before: AlertedState | undefined, now: AlertedState): AlertEvent[] {
  const out: AlertEvent[] = [];
  if (!before) {
    // An incident first seen already resolved is still told (opened, then resolved), so partners' counts add up.
    out.push('incident.opened');
    if (now.affected911) out.push('incident.911-affected');
    if (now.resolved) out.push('incident.resolved');
    return out;
  }
  if (before.resolved && !now.resolved) out.push('incident.opened');
  if (now.scope !== before.scope && !now.resolved) out.push('incident.scope-changed');
  if (now.affected911 && !before.affected911) out.push('incident.911-affected');
  if (now.resolved && !before.resolved) out.push('incident.resolved');
  return out;
}

/** As the CAP feed grades it: 911 failing or nationwide is severe, a state moderate, a county minor. */
export function severityOf(i: Pick<PublicIncident, 'services' | 'scope'>): Severity {
  if (i.services.includes('911') || i.scope.level === 'nation') return 'severe';
  return i.scope.level === 'state' ? 'moderate' : 'minor';
}

/** State abbreviations an incident touches; undefined means the whole nation (every state). */
export function statesOf(i: Pick<PublicIncident, 'scope'>): Set<string> | undefined {
  if (i.scope.level === 'nation') return undefined;
  return new Set(i.scope.regions.map((r) => stateAbbr(r.slice(0, 2)) ?? r));
}

export interface AlertFilter {
  networks: readonly string[];
  states: readonly string[];
  minSeverity: Severity;
}

export function matches(f: AlertFilter, i: PublicIncident): boolean {
  if (f.networks.length > 0 && !f.networks.includes(i.network)) return false;
  if (SEVERITIES.indexOf(severityOf(i)) < SEVERITIES.indexOf(f.minSeverity)) return false;
  if (f.states.length === 0) return true;
  const touched = statesOf(i);
  return !touched || f.states.some((s) => touched.has(s));
}
