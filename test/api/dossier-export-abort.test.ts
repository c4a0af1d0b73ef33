// On PostgreSQL the CSV export is one COPY stream on a connection of the exports' own pool
// (EXPORT_CONNECTIONS). A download the client abandons mid-way must end its COPY on the server
// and free its connection (more abandoned downloads than the pool holds, then a whole one), and
// must not surface as an error: no unhandled rejection, and the next exports are whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { EXPORT_CONNECTIONS } from '../../src/store/db.js';
import { insertReports } from '../../src/store/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { reportRow } from '../support/report-rows.js';
import { OPENING, SAMPLE_INCIDENT } from '../support/sample-incident.js';

const ONSET = Date.parse('2024-02-22T08:45:00.000Z');
const END = Date.parse('2024-02-22T20:10:00.000Z');
const INCIDENT: StoredIncident = {
  ...SAMPLE_INCIDENT, id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null, status: 'resolved',
  scope: { level: 'nation', regions: ['US'] }, onsetAt: new Date(ONSET).toISOString(), detectedAt: new Date(ONSET + 180_000).toISOString(), resolvedAt: new Date(END).toISOString(), evidence: { opening: OPENING, collateral: null },
};
// ~40 MB of CSV: far more than the sockets between the server, this process and the client buffer, so an abandoned COPY is mid-way.
const REPORTS = 20_000;
const DESCRIPTION = 'No bars since the storm. '.repeat(80);

/** Polls `check` until it holds (or fails after `ms`). */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  for (let wait = 10; !(await check()); wait = Math.min(wait * 2, 200)) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, wait));
  }
}

describe('an abandoned CSV download on postgres', () => {
  let t: TestApp;
  let base: string;
  let inv: { authorization: string };
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    t = await startTestApp('postgres');
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    const rows = Array.from({ length: REPORTS }, (_, k) => ({ ...reportRow({ receivedAt: new Date(ONSET + k * 1000).toISOString(), description: DESCRIPTION }), reference: `OD-ABORT-${k}` }));
    for (let k = 0; k < rows.length; k += 2000) await t.ctx.store.db.transaction().execute((trx) => insertReports(trx, rows.slice(k, k + 2000)));
    await upsertIncidents(t.ctx.store.db, [INCIDENT]);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await t?.destroy();
  });

  const url = () => `${base}/api/v1/incidents/${INCIDENT.id}/reports.csv`;
  /** Backends of this database that ran the export's COPY (idle in the pool, or still running it). */
  const copies = async (state?: 'active') => Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and query like 'COPY (%' and (${state ?? null}::text is null or state = ${state ?? null})`.execute(t.ctx.store.db)).rows[0]!.n);

  /** Starts a download, reads its first bytes and goes away. */
  async function abandon(): Promise<void> {
    const abort = new AbortController();
    const r = await fetch(url(), { headers: inv, signal: abort.signal });
    expect(r.status).toBe(200);
    const first = await r.body!.getReader().read();
    expect(Buffer.from(first.value!).toString()).toMatch(/^id,reference,receivedAt,/);
    abort.abort();
  }

  it('ends its COPY on the server and frees the connection, every time, and the next download is whole', async () => {
    await abandon();
    // The server ends the statement and its backend (the connection was closed), not merely idles it.
    await eventually(async () => (await copies()) === 0);
    for (let k = 0; k < EXPORT_CONNECTIONS + 2; k++) await abandon(); // a connection kept by each would leave none for the last ones
    await eventually(async () => (await copies()) === 0);
    const whole = await fetch(url(), { headers: inv });
    expect(whole.status).toBe(200);
    const text = await whole.text();
    expect(text.split('\n')).toHaveLength(REPORTS + 2); // the header, the records, and the empty end after the last \n
    expect(text).toBe((await t.app.inject({ url: url().slice(base.length), headers: inv })).body);
    // A whole export leaves its connection idle in the pool, its COPY done.
    expect(await copies('active')).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it('several at once, some abandoned, each of the others whole', async () => {
    const wholes = Array.from({ length: 2 }, () => fetch(url(), { headers: inv }).then((r) => r.text()));
    await Promise.all([abandon(), abandon(), abandon()]);
    for (const text of await Promise.all(wholes)) expect(text.split('\n')).toHaveLength(REPORTS + 2);
    await eventually(async () => (await copies('active')) === 0);
    expect(unhandled).toEqual([]);
  });

  it('past every export connection held, refuses a further download with 503 and Retry-After once the wait ends, then serves again', async () => {
    // A second server on the same store, waiting 300 ms instead of EXPORT_WAIT_MS.
    const other = await startTestApp('postgres', { EXPORT_WAIT_MS: '300' }, {}, t.location);
    try {
      const otherBase = await other.app.listen({ port: 0, host: '127.0.0.1' });
      const otherUrl = `${otherBase}/api/v1/incidents/${INCIDENT.id}/reports.csv`;
      const held: AbortController[] = [];
      for (let k = 0; k < EXPORT_CONNECTIONS; k++) {
        const abort = new AbortController();
        const r = await fetch(otherUrl, { headers: inv, signal: abort.signal });
        expect(r.status).toBe(200);
        await r.body!.getReader().read(); // its COPY is mid-way, holding its connection, while nobody reads on
        held.push(abort);
      }
      const refused = await fetch(otherUrl, { headers: inv });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(((await refused.json()) as { type: string }).type).toMatch(/overloaded$/);
      for (const abort of held) abort.abort();
      await eventually(async () => (await copies('active')) === 0);
      const whole = await fetch(otherUrl, { headers: inv });
      expect(whole.status).toBe(200);
      expect((await whole.text()).split('\n')).toHaveLength(REPORTS + 2);
      expect(unhandled).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
