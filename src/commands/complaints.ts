// The complaints of an incident (its reports under the table's filters) and their exports.
// Contact details leave only for roles that may read them, only when asked, and every export
// is an audit event (with the filters it used).
import type { Readable } from 'node:stream';
import { recordAudit } from '../audit/index.js';
import { csvCopyStatement } from '../dossier/complaints-csv.js';
import { listComplaints, incidentMembership, type ComplaintFilter } from '../dossier/index.js';
import { authorize } from '../policy/index.js';
import { hasContact, presentReport, type ReportView } from '../presenters/index.js';
import { fail, failInvalid } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import { ExportsBusyError, type Store } from '../store/index.js';
import type { CommandContext } from './context.js';
import { loadIncident } from './incident-case.js';
import { decodeCursor, encodeCursor } from './report-cursor.js';
import type { ExportBatch, ExportReader } from './export-reader.js';

export interface ComplaintListInput extends ComplaintFilter {
  cursor?: string | undefined;
  limit: number;
  includeContact?: boolean | undefined;
  /** Only reports from the office's own state (JURISDICTION). */
  inJurisdiction?: boolean | undefined;
}

function jurisdictionFilter(cx: CommandContext, f: ComplaintListInput): ComplaintFilter {
  if (!f.inJurisdiction) return f;
  const j = cx.config.jurisdiction;
  if (!j) failInvalid('querystring.jurisdiction', 'this office has no JURISDICTION configured');
  if (f.state && f.state !== j) failInvalid('querystring.state', 'conflicts with jurisdiction');
  return { ...f, state: j };
}

export async function listIncidentReports(cx: CommandContext, actor: Actor, id: string, input: ComplaintListInput, now: Date): Promise<{ items: ReportView[]; nextCursor: string | null }> {
  authorize(actor, 'incident.reports');
  if (input.includeContact) authorize(actor, 'report.read-contact');
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  if (input.cursor && !after) failInvalid('querystring.cursor', 'is not a cursor this API issued');
  const i = await loadIncident(cx, id);
  const rows = await listComplaints(cx.store.db, await incidentMembership(cx.store.db, i, now), { ...jurisdictionFilter(cx, input), after, limit: input.limit });
  const withContact = Boolean(input.includeContact);
  if (withContact) {
    const reportIds = rows.filter(hasContact).map((r) => r.id);
    if (reportIds.length) await recordAudit(cx.store, { actor: actor.email, action: 'incident.reports.read-contact', target: id, detail: { reportIds } });
  }
  const last = rows.at(-1);
  return { items: rows.map((r) => presentReport(r, withContact)), nextCursor: rows.length === input.limit && last ? encodeCursor(last) : null };
}

export interface ExportInput extends ComplaintListInput {
  format: 'csv' | 'jsonl';
  /** Leave out reporters' names, emails and phones (the only choice for analysts). */
  redacted: boolean;
}

/** Authorizes and audits an export; the incident's membership and the filter it reads. */
async function startExport(cx: CommandContext, actor: Actor, id: string, input: ExportInput, now: Date) {
  authorize(actor, 'incident.export');
  if (!input.redacted) authorize(actor, 'incident.export-contact');
  const i = await loadIncident(cx, id);
  const filter = jurisdictionFilter(cx, input);
  const { cursor: _c, limit: _l, includeContact: _i, format, redacted, ...filters } = input;
  await recordAudit(cx.store, { actor: actor.email, action: `incident.export-${format}`, target: id, detail: { redacted, filters: { ...filters, since: filters.since?.toISOString(), until: filters.until?.toISOString() } } }, now);
  return { membership: await incidentMembership(cx.store.db, i, now), filter };
}

/** Authorizes and audits the JSON Lines export, then yields its lines (a presented report each) a batch at a time (written by `reader`'s thread). */
export async function exportIncidentReports(cx: CommandContext, reader: ExportReader, actor: Actor, id: string, input: ExportInput, now: Date): Promise<AsyncGenerator<ExportBatch>> {
  const { membership, filter } = await startExport(cx, actor, id, input, now);
  return reader.read({ membership, filter, format: 'jsonl', withContact: !input.redacted });
}

/**
 * The CSV's records (CSV_COLUMNS order, no header): on PostgreSQL the bytes its COPY writes, one
 * stream on a connection of its own; on SQLite batches written by `reader`'s threads.
 */
export type CsvExport = { stream: Readable } | { batches: AsyncGenerator<ExportBatch> };

/** Seconds a refused export is told to wait: about what a download of a million rows takes. */
const BUSY_RETRY_AFTER_S = 5;

async function copyOrBusy(copyOut: NonNullable<Store['copyOut']>, statement: string): Promise<Readable> {
  try {
    return await copyOut(statement);
  } catch (err) {
    if (err instanceof ExportsBusyError) fail('overloaded', 'Every export connection is busy with a download; retry shortly.', { retryAfter: BUSY_RETRY_AFTER_S });
    throw err;
  }
}

/** Authorizes and audits the CSV export, then gives its records. */
export async function exportIncidentCsv(cx: CommandContext, reader: ExportReader, actor: Actor, id: string, input: Omit<ExportInput, 'format'>, now: Date): Promise<CsvExport> {
  const { membership, filter } = await startExport(cx, actor, id, { ...input, format: 'csv' }, now);
  if (cx.store.copyOut) return { stream: await copyOrBusy(cx.store.copyOut, csvCopyStatement(cx.store.db, membership, filter, !input.redacted)) };
  return { batches: reader.read({ membership, filter, format: 'csv', withContact: !input.redacted }) };
}
