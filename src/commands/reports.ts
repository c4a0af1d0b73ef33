// Staff reads of reports. Contact details leave only for roles that may read them, only when
// the person asked for them (a detail read, or a list with include=contact), and each such
// read records the ids of the reports whose contact details were shown.
import { recordAudit } from '../audit/index.js';
import { authorize, may } from '../policy/index.js';
import { hasContact, presentReport, type ReportView } from '../presenters/index.js';
import { fail, failInvalid } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import { getReport, listReports as queryReports, normalizeReference, type ReportFilter, type StoredReportRow } from '../store/index.js';
import type { CommandContext } from './context.js';
import { decodeCursor, encodeCursor } from './report-cursor.js';

async function auditContactRead(cx: CommandContext, actor: Actor, action: string, rows: StoredReportRow[]): Promise<void> {
  const reportIds = rows.filter(hasContact).map((r) => r.id);
  if (reportIds.length === 0) return;
  await recordAudit(cx.store, { actor: actor.email, action, target: reportIds.length === 1 ? reportIds[0]! : 'reports', detail: { reportIds } });
}

export async function readReport(cx: CommandContext, actor: Actor, id: string): Promise<ReportView> {
  authorize(actor, 'report.read');
  const row = await getReport(cx.store.db, id);
  if (!row) return fail('report-not-found', `No report ${id}`);
  const withContact = may(actor, 'report.read-contact');
  if (withContact) await auditContactRead(cx, actor, 'report.read-contact', [row]);
  return presentReport(row, withContact);
}

export interface ReportListInput extends Omit<ReportFilter, 'after' | 'reference'> {
  reference?: string | undefined;
  cursor?: string | undefined;
  /** The person asked to see contact details in the list (never an automatic refresh). */
  includeContact?: boolean | undefined;
}

export async function listReports(cx: CommandContext, actor: Actor, input: ReportListInput): Promise<{ items: ReportView[]; nextCursor: string | null }> {
  authorize(actor, 'report.list');
  if (input.includeContact) authorize(actor, 'report.read-contact');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) failInvalid('querystring.cursor', 'is not a cursor this API issued');
  const reference = input.reference === undefined ? undefined : normalizeReference(input.reference);
  if (input.reference !== undefined && !reference) failInvalid('querystring.reference', 'is not a report reference (OD-XXXX-XXXX-XXXX)');
  const rows = await queryReports(cx.store.db, { ...input, reference, after });
  const withContact = Boolean(input.includeContact);
  if (withContact) await auditContactRead(cx, actor, 'reports.read-contact', rows);
  const last = rows.at(-1);
  return { items: rows.map((r) => presentReport(r, withContact)), nextCursor: rows.length === input.limit && last ? encodeCursor(last) : null };
}
