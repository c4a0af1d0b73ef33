// Staff reads of incidents: aggregates of reports, no personal data, so reads are not audited.
import type { IncidentCounties, IncidentCountyCounts } from '../incidents/county-counts.js';
import { getIncident as queryIncident, listIncidents as queryIncidents, type IncidentFilter } from '../incidents/index.js';
import { authorize } from '../policy/index.js';
import { presentIncident, presentIncidentItem, type IncidentDetail, type IncidentListItem } from '../presenters/index.js';
import { fail } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import type { CommandContext } from './context.js';

export async function listIncidents(cx: CommandContext, actor: Actor, f: IncidentFilter & { offset: number }): Promise<{ items: IncidentListItem[]; nextOffset: number | null }> {
  authorize(actor, 'incident.list');
  const rows = await queryIncidents(cx.store.db, { ...f, limit: f.limit + 1 });
  const more = rows.length > f.limit;
  return { items: rows.slice(0, f.limit).map(presentIncidentItem), nextOffset: more ? f.offset + f.limit : null };
}

export async function getIncident(cx: CommandContext, actor: Actor, id: string): Promise<IncidentDetail> {
  authorize(actor, 'incident.read');
  const i = await queryIncident(cx.store.db, id);
  return i ? presentIncident(i) : fail('incident-not-found', `No incident ${id}`);
}

/** Where the incident's reports came from, per county (counted by `counts`, which keeps resolved answers). */
export async function incidentCounties(cx: CommandContext, actor: Actor, id: string, counts: IncidentCountyCounts, now: Date): Promise<IncidentCounties> {
  authorize(actor, 'incident.read');
  const i = await queryIncident(cx.store.db, id);
  return i ? counts.of(i, now) : fail('incident-not-found', `No incident ${id}`);
}

/** Opens a live stream of incident changes and report counts (aggregates only). */
export function watchIncidents(actor: Actor): void {
  authorize(actor, 'events.watch');
}
