// Incident rows: the whole incident (with its chart series) as JSON, plus columns to filter on.
// Every API process reads incidents from here, never from the detection leader's memory.
import type { Kysely } from 'kysely';
import type { Incident, SeriesPoint } from '../detect/index.js';
import { storedDateOrNull, type StoredTime } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { effectiveState, staffDecisions, type StaffDecision } from './staff-decisions.js';

export interface StoredIncident extends Incident {
  series: SeriesPoint[];
}

/** The body is what detection found; the status and resolved_at columns are what clients see. */
const toRow = (i: StoredIncident, now: Date, decision: StaffDecision | undefined) => {
  const shown = effectiveState({ status: i.status, resolvedAt: i.resolvedAt }, decision);
  return {
    id: i.id,
    network: i.network,
    status: shown.status,
    kind: i.kind,
    onset_at: new Date(i.onsetAt),
    detected_at: new Date(i.detectedAt),
    resolved_at: shown.resolvedAt ? new Date(shown.resolvedAt) : null,
    updated_at: now,
    body: JSON.stringify(i),
  };
};

/** A stored row as clients see it: detection's incident with the status staff decided (if any). */
export function fromRow(r: { body: string; status: string; resolved_at: StoredTime | null }): StoredIncident {
  const i = JSON.parse(r.body) as StoredIncident;
  return { ...i, status: r.status as StoredIncident['status'], resolvedAt: storedDateOrNull(r.resolved_at)?.toISOString() ?? null };
}

export async function upsertIncidents(db: Kysely<Database>, incidents: StoredIncident[], now = new Date()): Promise<void> {
  for (let i = 0; i < incidents.length; i += 200) {
    const batch = incidents.slice(i, i + 200);
    // The guard: detection never overwrites a staff decision (dismissed stays dismissed, a
    // manual resolve stands); see staff-decisions.ts. The one place detection writes goes here.
    const decisions = await staffDecisions(db, batch.map((x) => x.id));
    const rows = batch.map((x) => toRow(x, now, decisions.get(x.id)));
    await db
      .insertInto('incidents')
      .values(rows)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          kind: eb.ref('excluded.kind'),
          onset_at: eb.ref('excluded.onset_at'),
          resolved_at: eb.ref('excluded.resolved_at'),
          updated_at: eb.ref('excluded.updated_at'),
          body: eb.ref('excluded.body'),
        })),
      )
      .execute();
  }
}

/** A replay recomputes detection from scratch: its result replaces what detection found before. */
export async function replaceIncidents(db: Kysely<Database>, incidents: StoredIncident[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('incidents').execute();
    await upsertIncidents(trx, incidents);
  });
}

export interface IncidentFilter {
  status?: string | undefined;
  network?: string | undefined;
  kind?: string | undefined;
  /** Incidents active at some point in [since, until). */
  since?: Date | undefined;
  until?: Date | undefined;
  limit: number;
  offset?: number;
}

/** `open` is what staff still work on: a dismissed incident is closed without having resolved. */
const OPEN_STATUSES = ['suspected', 'confirmed'];

export async function listIncidents(db: Kysely<Database>, f: IncidentFilter): Promise<StoredIncident[]> {
  let q = db.selectFrom('incidents').select(['body', 'status', 'resolved_at']);
  if (f.status === 'open') q = q.where('status', 'in', OPEN_STATUSES);
  else if (f.status) q = q.where('status', '=', f.status);
  if (f.network) q = q.where('network', '=', f.network);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.until) q = q.where('onset_at', '<', f.until);
  const since = f.since;
  if (since) q = q.where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', since)]));
  const rows = await q.orderBy('onset_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset ?? 0).execute();
  return rows.map(fromRow);
}

export async function getIncident(db: Kysely<Database>, id: string): Promise<StoredIncident | undefined> {
  const row = await db.selectFrom('incidents').select(['body', 'status', 'resolved_at']).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}
