// Staff attach a single report to an incident or detach one from it. Each is audited (who,
// when, which report) and on the incident's timeline; detection never writes these links, so
// neither live detection nor a replay undoes them (dossier/report-links.ts, membership.ts).
import { recordAudit } from '../audit/index.js';
import { applyCaseChange, incidentMembership, incidentRow, linksOfReport, removeLink, setLink, storedSources, withinIncident, writeTransaction } from '../dossier/index.js';
import { authorize } from '../policy/index.js';
import { fail } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import { isUniqueViolation } from '../store/index.js';
import type { CaseView } from '../presenters/index.js';
import type { CommandContext } from './context.js';
import { caseView } from './incident-case.js';

type Db = Parameters<Parameters<typeof writeTransaction>[1]>[0];

async function reportOf(db: Db, reportId: string): Promise<{ id: string; reference: string }> {
  return (await db.selectFrom('reports').select(['id', 'reference']).where('id', '=', reportId).executeTakeFirst()) ?? fail('report-not-found', `No report ${reportId}`);
}

/** The incident as staff may change its reports: it exists and was not merged away. */
async function openCase(db: Db, id: string) {
  const row = await incidentRow(db, id);
  if (!row) return fail('incident-not-found', `No incident ${id}`);
  if ((await storedSources(db, id)).length === 0) fail('invalid-transition', `${id} was merged into another incident; change the reports of that one.`);
  return row;
}

/** Whether the report is one of the incident's now (taken by its sources, or attached). */
async function isMember(db: Db, id: string, reportId: string, now: Date): Promise<boolean> {
  const row = (await incidentRow(db, id))!;
  const m = await incidentMembership(db, row.shown, now);
  if (m.attached.includes(reportId)) return true;
  return Boolean(await withinIncident(db.selectFrom('reports').select('id').where('id', '=', reportId), m).executeTakeFirst());
}

/** The report becomes this incident's (and no other's), whatever detection says of it. */
export async function attachReport(cx: CommandContext, actor: Actor, id: string, reportId: string, note: string | undefined, now: Date): Promise<CaseView> {
  authorize(actor, 'incident.act');
  const moved = await writeTransaction(cx.store, async (db) => {
    await openCase(db, id);
    const report = await reportOf(db, reportId);
    const links = await linksOfReport(db, reportId);
    if (links.some((l) => l.incidentId === id && l.kind === 'attached')) fail('invalid-transition', `Report ${report.reference} is attached to this incident already.`);
    const before = links.find((l) => l.kind === 'attached');
    if (before) {
      await removeLink(db, before.incidentId, reportId);
      await applyCaseChange(db, { incidentId: before.incidentId, actor: actor.email, action: 'report-moved', note, at: now, detail: { reportId, reference: report.reference, into: id } });
    }
    await setLink(db, id, reportId, 'attached', actor.email, now);
    await applyCaseChange(db, { incidentId: id, actor: actor.email, action: 'attach-report', note, at: now, detail: { reportId, reference: report.reference, from: before?.incidentId ?? null } });
    return before?.incidentId ?? null;
  }).catch((e: unknown) => {
    // Another attach of the same report committed first (the one-attached-incident index).
    if (isUniqueViolation(e)) fail('invalid-transition', `Report ${reportId} was just attached elsewhere; look again.`);
    throw e;
  });
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.attach-report', target: id, detail: { reportId, from: moved, note: note ?? null } }, now);
  return caseView(cx, id);
}

/** The report leaves this incident (and stays out of it and of what it is merged or split into). */
export async function detachReport(cx: CommandContext, actor: Actor, id: string, reportId: string, note: string | undefined, now: Date): Promise<CaseView> {
  authorize(actor, 'incident.act');
  await writeTransaction(cx.store, async (db) => {
    await openCase(db, id);
    const report = await reportOf(db, reportId);
    if (!(await isMember(db, id, reportId, now))) fail('invalid-transition', `Report ${report.reference} is not one of this incident's reports.`);
    await setLink(db, id, reportId, 'detached', actor.email, now);
    await applyCaseChange(db, { incidentId: id, actor: actor.email, action: 'detach-report', note, at: now, detail: { reportId, reference: report.reference } });
  });
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.detach-report', target: id, detail: { reportId, note: note ?? null } }, now);
  return caseView(cx, id);
}
