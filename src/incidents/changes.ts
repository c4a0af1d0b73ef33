// What changed since the last look: incidents whose row was written (updated_at moved) and how
// many reports arrived, per network. Read from the store, not from the detection leader's
// memory, so every API process (several on one PostgreSQL, or the one SQLite process) sees the
// same changes. One poller per app: it starts with the first subscriber and stops with the last,
// so an idle server runs no queries.
import { sql, type Kysely } from 'kysely';
import { storedDate, storedMs } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { fromRow } from './queries.js';
import { toSummary, type IncidentSummary } from './shape.js';

export const CHANGE_POLL_MS = 2_000;

export interface ReportVolume {
  /** Received after `since`, up to and including `until` (the newest receivedAt seen). */
  since: string;
  until: string;
  total: number;
  byNetwork: Record<string, number>;
}

export type Change = { kind: 'incident'; incident: IncidentSummary } | { kind: 'reports'; volume: ReportVolume };
export type ChangeListener = (change: Change) => void;

/**
 * Watermarks, not wall-clock windows: incidents are stamped with the writer's clock and reports
 * with the server clock (an accelerated one in the demo), so "since my last poll" means "newer
 * than the newest row I have seen". Rows written in the same millisecond as the watermark are
 * re-read and skipped by id, so none is lost between two polls.
 */
interface Watermarks {
  incidentsAt: Date;
  incidentIdsAtMark: Set<string>;
  reportsAt: Date;
}

export class IncidentChanges {
  readonly #db: Kysely<Database>;
  readonly #intervalMs: number;
  readonly #onError: (err: unknown) => void;
  readonly #listeners = new Set<ChangeListener>();
  #timer: NodeJS.Timeout | undefined;
  #marks: Promise<Watermarks> | undefined;
  #polling = false;
  #again = false;
  #wake: ((poll: () => void) => () => void) | undefined;
  #unwake: (() => void) | undefined;

  /**
   * `wake`: a source of "something changed, look now" (PostgreSQL NOTIFY), called with the poll
   * to run; returns its unsubscribe. Polling on the interval stays as the fallback.
   */
  constructor(db: Kysely<Database>, o: { intervalMs?: number; onError?: (err: unknown) => void; wake?: (poll: () => void) => () => void } = {}) {
    this.#db = db;
    this.#intervalMs = o.intervalMs ?? CHANGE_POLL_MS;
    this.#onError = o.onError ?? (() => {});
    this.#wake = o.wake;
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    if (!this.#timer) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  /** Resolves once the poller knows where "now" is: every change after this is reported. */
  async watching(): Promise<void> {
    await this.#marks;
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#marks = undefined;
    this.#unwake?.();
    this.#unwake = undefined;
  }

  #start(): void {
    this.#marks = this.#loadMarks();
    this.#timer = setInterval(() => void this.#poll(), this.#intervalMs);
    this.#timer.unref();
    this.#unwake = this.#wake?.(() => void this.#poll());
  }

  #loadMarks(): Promise<Watermarks> {
    const marks = currentMarks(this.#db);
    marks.catch(this.#onError);
    return marks;
  }

  async #poll(): Promise<void> {
    // A slow store must not stack polls on top of each other; a wake-up during a poll runs one more.
    if (this.#polling) {
      this.#again = true;
      return;
    }
    if (!this.#marks) return;
    this.#polling = true;
    this.#again = false;
    try {
      const marks = await this.#marks;
      const changes = [...(await incidentChanges(this.#db, marks)), ...(await reportChanges(this.#db, marks))];
      for (const change of changes) for (const l of this.#listeners) l(change);
    } catch (err) {
      this.#onError(err);
      // Watermarks that failed to load (the store was down at start) are looked up again.
      const failed = await this.#marks?.then(() => false, () => true);
      if (failed && this.#timer) this.#marks = this.#loadMarks();
    } finally {
      this.#polling = false;
    }
    if (this.#again && this.#timer) void this.#poll();
  }
}

async function currentMarks(db: Kysely<Database>): Promise<Watermarks> {
  const i = await db.selectFrom('incidents').select((eb) => eb.fn.max('updated_at').as('last_at')).executeTakeFirst();
  const r = await db.selectFrom('reports').select((eb) => eb.fn.max('received_at').as('last_at')).executeTakeFirst();
  const incidentsAt = asDate(i?.last_at);
  const atMark = await db.selectFrom('incidents').select('id').where('updated_at', '=', incidentsAt).execute();
  return { incidentsAt, incidentIdsAtMark: new Set(atMark.map((x) => x.id)), reportsAt: asDate(r?.last_at) };
}

/** max() of an empty table is null; SQLite answers epoch milliseconds, Postgres a Date. */
function asDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(typeof v === 'number' || typeof v === 'string' ? v : 0);
}

async function incidentChanges(db: Kysely<Database>, marks: Watermarks): Promise<Change[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'updated_at', 'body', 'status', 'resolved_at'])
    .where('updated_at', '>=', marks.incidentsAt)
    .orderBy('updated_at')
    .execute();
  const fresh = rows.filter((r) => storedMs(r.updated_at) > marks.incidentsAt.getTime() || !marks.incidentIdsAtMark.has(r.id));
  const last = rows.at(-1);
  if (last && storedMs(last.updated_at) > marks.incidentsAt.getTime()) {
    marks.incidentsAt = storedDate(last.updated_at);
    marks.incidentIdsAtMark = new Set();
  }
  for (const r of rows) if (storedMs(r.updated_at) === marks.incidentsAt.getTime()) marks.incidentIdsAtMark.add(r.id);
  return fresh.map((r) => ({ kind: 'incident', incident: toSummary(fromRow(r)) }));
}

/** A range on the received_at index: cheap however large the table is. */
async function reportChanges(db: Kysely<Database>, marks: Watermarks): Promise<Change[]> {
  const rows = await db
    .selectFrom('reports')
    .select(['network', sql<number | string>`count(*)`.as('n'), (eb) => eb.fn.max('received_at').as('last_at')])
    .where('received_at', '>', marks.reportsAt)
    .groupBy('network')
    .execute();
  if (rows.length === 0) return [];
  const since = marks.reportsAt;
  const byNetwork: Record<string, number> = {};
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    byNetwork[r.network] = n;
    total += n;
    const last = asDate(r.last_at);
    if (last > marks.reportsAt) marks.reportsAt = last;
  }
  return [{ kind: 'reports', volume: { since: since.toISOString(), until: marks.reportsAt.toISOString(), total, byNetwork } }];
}
