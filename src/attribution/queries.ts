// Statements and claims in the store, and their links to incidents. One query layer for both
// stores: times are written as Dates and mapped back with storedDate.
import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../detect/index.js';
import { storedDate, storedDateOrNull, storedMs } from '../store/index.js';
import type { ClaimsTable, Database, StatementsTable } from '../store/schema.js';
import type { Claim, ClaimedMethod, Statement, StatementAsserts, StatementSource } from './types.js';

type Db = Kysely<Database>;

export interface Recorded {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}
export type StoredStatement = Statement & Recorded;
export type StoredClaim = Claim & Recorded;

const recorded = (r: { created_at: Selectable<StatementsTable>['created_at']; created_by: string; updated_at: Selectable<StatementsTable>['updated_at'] }): Recorded => ({
  createdAt: storedDate(r.created_at).toISOString(), createdBy: r.created_by, updatedAt: storedDate(r.updated_at).toISOString(),
});

const toStatement = (r: Selectable<StatementsTable>): StoredStatement => ({
  id: r.id, source: r.source as StatementSource, speaker: r.speaker, saidAt: storedDate(r.said_at).toISOString(), seenAt: storedDate(r.seen_at).toISOString(),
  url: r.url, text: r.text, asserts: JSON.parse(r.asserts) as StatementAsserts, ...recorded(r),
});

const toClaim = (r: Selectable<ClaimsTable>): StoredClaim => ({
  id: r.id, actor: r.actor, channel: r.channel, url: r.url, claimedAt: storedDate(r.claimed_at).toISOString(), text: r.text,
  claimedMethod: r.claimed_method as ClaimedMethod, claimedScope: r.claimed_scope ? (JSON.parse(r.claimed_scope) as Scope) : null,
  claimedAttackAt: storedDateOrNull(r.claimed_attack_at)?.toISOString() ?? null, ...recorded(r),
});

export const statementColumns = (s: Omit<Statement, 'id'>) => ({
  source: s.source, speaker: s.speaker, said_at: new Date(s.saidAt), seen_at: new Date(s.seenAt), url: s.url, text: s.text, asserts: JSON.stringify(s.asserts),
});

export const claimColumns = (c: Omit<Claim, 'id'>) => ({
  actor: c.actor, channel: c.channel, url: c.url, claimed_at: new Date(c.claimedAt), text: c.text, claimed_method: c.claimedMethod,
  claimed_scope: c.claimedScope ? JSON.stringify(c.claimedScope) : null, claimed_attack_at: c.claimedAttackAt ? new Date(c.claimedAttackAt) : null,
});

export async function insertStatement(db: Db, incidentId: string, s: Statement, by: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('statements').values({ id: s.id, ...statementColumns(s), created_at: now, created_by: by, updated_at: now }).execute();
    await trx.insertInto('incident_statements').values({ incident_id: incidentId, statement_id: s.id, attached_at: now }).execute();
  });
}

export async function insertClaim(db: Db, incidentId: string, c: Claim, by: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('claims').values({ id: c.id, ...claimColumns(c), created_at: now, created_by: by, updated_at: now }).execute();
    await trx.insertInto('incident_claims').values({ incident_id: incidentId, claim_id: c.id, attached_at: now }).execute();
  });
}

/** Attaches an existing statement to another incident; false when it already was. */
export async function attachStatement(db: Db, incidentId: string, statementId: string, now: Date): Promise<boolean> {
  const r = await db.insertInto('incident_statements').values({ incident_id: incidentId, statement_id: statementId, attached_at: now })
    .onConflict((oc) => oc.columns(['incident_id', 'statement_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function attachClaim(db: Db, incidentId: string, claimId: string, now: Date): Promise<boolean> {
  const r = await db.insertInto('incident_claims').values({ incident_id: incidentId, claim_id: claimId, attached_at: now })
    .onConflict((oc) => oc.columns(['incident_id', 'claim_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function getStatement(db: Db, id: string): Promise<StoredStatement | undefined> {
  const r = await db.selectFrom('statements').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toStatement(r);
}

export async function getClaim(db: Db, id: string): Promise<StoredClaim | undefined> {
  const r = await db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toClaim(r);
}

/** The incident's statements, in the order they were said. */
export async function incidentStatements(db: Db, incidentId: string): Promise<StoredStatement[]> {
  const rows = await db.selectFrom('statements').innerJoin('incident_statements', 'incident_statements.statement_id', 'statements.id')
    .selectAll('statements').where('incident_statements.incident_id', '=', incidentId).orderBy('statements.said_at').orderBy('statements.id').execute();
  return rows.map(toStatement);
}

export async function incidentClaims(db: Db, incidentId: string): Promise<StoredClaim[]> {
  const rows = await db.selectFrom('claims').innerJoin('incident_claims', 'incident_claims.claim_id', 'claims.id')
    .selectAll('claims').where('incident_claims.incident_id', '=', incidentId).orderBy('claims.claimed_at').orderBy('claims.id').execute();
  return rows.map(toClaim);
}

export async function statementIsAttached(db: Db, incidentId: string, id: string): Promise<boolean> {
  return (await db.selectFrom('incident_statements').select('statement_id').where('incident_id', '=', incidentId).where('statement_id', '=', id).executeTakeFirst()) !== undefined;
}

export async function claimIsAttached(db: Db, incidentId: string, id: string): Promise<boolean> {
  return (await db.selectFrom('incident_claims').select('claim_id').where('incident_id', '=', incidentId).where('claim_id', '=', id).executeTakeFirst()) !== undefined;
}

export async function updateStatement(db: Db, s: Statement, now: Date): Promise<void> {
  await db.updateTable('statements').set({ ...statementColumns(s), updated_at: now }).where('id', '=', s.id).execute();
}

export async function updateClaim(db: Db, c: Claim, now: Date): Promise<void> {
  await db.updateTable('claims').set({ ...claimColumns(c), updated_at: now }).where('id', '=', c.id).execute();
}

/**
 * The first report of the incident's network received from its onset on, inside its scope: one
 * step along the (network, received_at) index.
 */
export async function firstReportAt(db: Db, i: { network: string; onsetAt: string; resolvedAt: string | null; scope: Scope }): Promise<string | null> {
  let q = db.selectFrom('reports').select('received_at').where('network', '=', i.network).where('received_at', '>=', new Date(i.onsetAt));
  if (i.resolvedAt) q = q.where('received_at', '<=', new Date(i.resolvedAt));
  if (i.scope.level === 'county') q = q.where('county', 'in', i.scope.regions);
  if (i.scope.level === 'state') q = q.where('state', 'in', i.scope.regions);
  const r = await q.orderBy('received_at').limit(1).executeTakeFirst();
  return r ? new Date(storedMs(r.received_at)).toISOString() : null;
}
