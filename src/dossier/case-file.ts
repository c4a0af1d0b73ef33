// The case file of an incident: staff decisions, assignee, assumptions and the timeline of every
// staff change. Writes that read first take the write lock up front on SQLite (BEGIN IMMEDIATE),
// so a CLI and the server never interleave a read and a write.
import { sql, type Kysely, type Transaction } from 'kysely';
import { fromRow, type StoredIncident } from '../incidents/queries.js';
import { effectiveState, type Decision } from '../incidents/staff-decisions.js';
import { storedDate, storedDateOrNull, uuidv7, type Store } from '../store/index.js';
import type { Database } from '../store/schema.js';
import type { AssumptionOverrides } from './assumptions.js';
import { DEFAULT_SOURCES, type StoredSource } from './membership.js';

export interface CaseEvent {
  id: string;
  at: string;
  actor: string;
  action: string;
  note: string | null;
  detail: Record<string, unknown>;
}

export interface CaseFile {
  decision: Decision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  assignee: string | null;
  assumptions: AssumptionOverrides;
}

export const EMPTY_CASE: CaseFile = { decision: null, decidedBy: null, decidedAt: null, assignee: null, assumptions: {} };

type Db = Kysely<Database> | Transaction<Database>;

export async function writeTransaction<T>(store: Store, fn: (db: Db) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(fn);
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await fn(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (e) {
      await sql`rollback`.execute(conn);
      throw e;
    }
  });
}

export async function readCaseFile(db: Db, incidentId: string): Promise<CaseFile> {
  const r = await db.selectFrom('case_files').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
  if (!r) return EMPTY_CASE;
  return {
    decision: r.decision as Decision | null,
    decidedBy: r.decided_by,
    decidedAt: storedDateOrNull(r.decided_at)?.toISOString() ?? null,
    assignee: r.assignee,
    assumptions: JSON.parse(r.assumptions) as AssumptionOverrides,
  };
}

export async function caseEvents(db: Db, incidentId: string): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('case_events').selectAll().where('incident_id', '=', incidentId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, at: storedDate(r.at).toISOString(), actor: r.actor, action: r.action, note: r.note, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

export interface CaseChange {
  incidentId: string;
  actor: string;
  action: string;
  note?: string | undefined;
  detail?: Record<string, unknown>;
  at: Date;
  decision?: { decision: Decision; resolvedAt: Date | null };
  assignee?: string | null;
  assumptions?: AssumptionOverrides;
  membership?: StoredSource[];
}

/** The report sources staff set for an incident, or its own (one source: itself). */
export async function storedSources(db: Db, incidentId: string): Promise<StoredSource[]> {
  const r = await db.selectFrom('case_files').select('membership').where('incident_id', '=', incidentId).executeTakeFirst();
  return r?.membership ? (JSON.parse(r.membership) as StoredSource[]) : DEFAULT_SOURCES(incidentId);
}

/** Reads the incident row as detection wrote it (the body), with its row columns. */
export async function incidentRow(db: Db, id: string): Promise<{ detected: StoredIncident; shown: StoredIncident } | undefined> {
  const r = await db.selectFrom('incidents').select(['body', 'status', 'resolved_at']).where('id', '=', id).executeTakeFirst();
  return r ? { detected: JSON.parse(r.body) as StoredIncident, shown: fromRow(r) } : undefined;
}

/** Applies one staff change: the case file, the timeline, and the status clients see. */
export async function applyCaseChange(db: Db, c: CaseChange): Promise<void> {
  const existing = await db.selectFrom('case_files').select('incident_id').where('incident_id', '=', c.incidentId).executeTakeFirst();
  const set = {
    ...(c.decision ? { decision: c.decision.decision, decided_resolved_at: c.decision.resolvedAt, decided_by: c.actor, decided_at: c.at } : {}),
    ...(c.assignee !== undefined ? { assignee: c.assignee } : {}),
    ...(c.assumptions ? { assumptions: JSON.stringify(c.assumptions) } : {}),
    ...(c.membership ? { membership: JSON.stringify(c.membership) } : {}),
    updated_at: c.at,
  };
  if (existing) await db.updateTable('case_files').set(set).where('incident_id', '=', c.incidentId).execute();
  else await db.insertInto('case_files').values({ incident_id: c.incidentId, assumptions: '{}', ...set }).execute();
  await db
    .insertInto('case_events')
    .values({ id: uuidv7(), incident_id: c.incidentId, at: c.at, actor: c.actor, action: c.action, note: c.note ?? null, detail: JSON.stringify(c.detail ?? {}) })
    .execute();
  if (c.decision) {
    const row = await incidentRow(db, c.incidentId);
    if (!row) return;
    const d = { decision: c.decision.decision, resolvedAt: c.decision.resolvedAt?.toISOString() ?? null, decidedAt: c.at.toISOString() };
    const shown = effectiveState({ status: row.detected.status, resolvedAt: row.detected.resolvedAt }, d);
    await db
      .updateTable('incidents')
      .set({ status: shown.status, resolved_at: shown.resolvedAt ? new Date(shown.resolvedAt) : null, updated_at: c.at })
      .where('id', '=', c.incidentId)
      .execute();
  }
}
