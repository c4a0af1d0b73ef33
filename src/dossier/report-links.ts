// Single reports staff attached to an incident or detached from it (case_reports). The rules
// that keep each report in at most one incident: attaching takes a report out of wherever it
// was attached before; a merge hands the merged incident's links to the one it went into; a
// split hands the links of the split-off regions' reports to the new incident.
import type { Kysely, Transaction } from 'kysely';
import { storedDate } from '../store/index.js';
import type { Database } from '../store/schema.js';
import type { RegionSet } from './membership.js';

type Db = Kysely<Database> | Transaction<Database>;
export type LinkKind = 'attached' | 'detached';

export interface ReportLink {
  incidentId: string;
  kind: LinkKind;
}

/** Where this report is attached or detached. */
export async function linksOfReport(db: Db, reportId: string): Promise<ReportLink[]> {
  const rows = await db.selectFrom('case_reports').select(['incident_id', 'kind']).where('report_id', '=', reportId).execute();
  return rows.map((r) => ({ incidentId: r.incident_id, kind: r.kind }));
}

/** Sets the one link of this report to this incident (replacing the one it had). */
export async function setLink(db: Db, incidentId: string, reportId: string, kind: LinkKind, actor: string, at: Date): Promise<void> {
  await db.deleteFrom('case_reports').where('incident_id', '=', incidentId).where('report_id', '=', reportId).execute();
  await db.insertInto('case_reports').values({ incident_id: incidentId, report_id: reportId, kind, actor, at }).execute();
}

export async function removeLink(db: Db, incidentId: string, reportId: string): Promise<void> {
  await db.deleteFrom('case_reports').where('incident_id', '=', incidentId).where('report_id', '=', reportId).execute();
}

/**
 * Moves `from`'s links to `into` (all of them, or those of reports in `region`); where `into`
 * already has a link for a report, its own stands. Returns how many moved.
 */
export async function moveLinks(db: Db, from: string, into: string, region?: RegionSet): Promise<number> {
  let q = db.selectFrom('case_reports').innerJoin('reports', 'reports.id', 'case_reports.report_id')
    .select(['case_reports.report_id as reportId', 'case_reports.kind as kind', 'case_reports.actor as actor', 'case_reports.at as at'])
    .where('case_reports.incident_id', '=', from);
  if (region) q = q.where(`reports.${region.level}`, 'in', region.regions);
  const links = await q.execute();
  if (links.length === 0) return 0;
  const kept = new Set((await db.selectFrom('case_reports').select('report_id').where('incident_id', '=', into).execute()).map((r) => r.report_id));
  for (const l of links) {
    await removeLink(db, from, l.reportId);
    if (!kept.has(l.reportId)) await db.insertInto('case_reports').values({ incident_id: into, report_id: l.reportId, kind: l.kind, actor: l.actor, at: storedDate(l.at) }).execute();
  }
  return links.length;
}
