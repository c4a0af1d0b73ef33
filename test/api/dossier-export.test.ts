// The exports read an incident's reports in keyset pages of 2,000 (received_at, id), in a reader
// thread that hands them over in batches of 500: a page boundary inside a run of reports
// received in the same millisecond must lose and double none. 4,500 reports in three such runs
// put both boundaries inside one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportReader } from '../../src/commands/index.js';
import { incidentMembership } from '../../src/dossier/index.js';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { insertReports } from '../../src/store/index.js';
import { openSqliteFile } from '../../src/store/sqlite.js';
import { prepareTextIndexer } from '../../src/store/text-index.js';
import { reportRow, type RowSpec } from '../support/report-rows.js';
import { OPENING, SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const ONSET = '2024-02-22T08:45:00.000Z';
const END = '2024-02-22T20:10:00.000Z';
const at = (min: number) => new Date(Date.parse(ONSET) + min * 60_000).toISOString();

const INCIDENT: StoredIncident = {
  ...SAMPLE_INCIDENT, id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null, status: 'resolved',
  scope: { level: 'nation', regions: ['US'] }, onsetAt: ONSET, detectedAt: at(3), resolvedAt: END, evidence: { opening: OPENING, collateral: null },
};

const RUN = 1500;
const SPECS: RowSpec[] = [60, 120, 180].flatMap((min) => Array.from({ length: RUN }, (_, k): RowSpec => ({ receivedAt: at(min), zip: k % 2 ? '10001' : '59801', description: 'No bars, "since" 3am' })));

describe.each(STORE_KINDS)('complaint exports on %s', (kind) => {
  let t: TestApp;
  let inv: { authorization: string };
  let stored: Set<string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    // Many reports in one millisecond: their random references could collide, so number them.
    const rows = SPECS.map((s, k) => ({ ...reportRow(s), reference: `OD-TEST-${k}` }));
    await t.ctx.store.db.transaction().execute((trx) => insertReports(trx, rows));
    stored = new Set(rows.map((r) => r.id));
    await upsertIncidents(t.ctx.store.db, [INCIDENT]);
  });
  afterAll(async () => t?.destroy());

  const get = (url: string) => t.app.inject({ url, headers: inv });

  async function tableIds(query: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await get(`/api/v1/incidents/${INCIDENT.id}/reports?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`)).json();
      ids.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  it('the CSV and JSON Lines hold every report once, in the table’s order, across page boundaries at equal times', async () => {
    for (const order of ['newest', 'oldest'] as const) {
      const table = await tableIds(`&order=${order}`);
      expect(table.length).toBe(SPECS.length);
      const csv = await get(`/api/v1/incidents/${INCIDENT.id}/reports.csv?order=${order}`);
      expect(csv.statusCode).toBe(200);
      const lines = csv.body.trim().split('\n');
      expect(lines[0]).toMatch(/^id,reference,receivedAt,/);
      const csvIds = lines.slice(1).map((l) => l.slice(0, l.indexOf(',')));
      expect(csvIds).toEqual(table);
      expect(new Set(csvIds)).toEqual(stored);
      const jsonl = (await get(`/api/v1/incidents/${INCIDENT.id}/reports.jsonl?order=${order}`)).body.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
      expect(jsonl.map((r) => r.id)).toEqual(table);
    }
  });

  it('exports at once share the reader thread and each gets its own rows, in its own order', async () => {
    const url = `/api/v1/incidents/${INCIDENT.id}/reports`;
    const alone = (await get(`${url}.csv`)).body;
    const [newest, oldest, jsonl] = await Promise.all([get(`${url}.csv`), get(`${url}.csv?order=oldest`), get(`${url}.jsonl`)]);
    expect(newest.body).toBe(alone);
    const records = (body: string) => body.trim().split('\n').slice(1);
    expect(records(oldest.body).reverse()).toEqual(records(alone));
    expect(jsonl.body.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(records(alone).map((l) => l.slice(0, l.indexOf(','))));
  });

  it('an export abandoned after its first batch leaves the reader serving the next in full', async () => {
    const reader = new ExportReader(t.ctx.store);
    try {
      const membership = await incidentMembership(t.ctx.store.db, INCIDENT, new Date(END));
      const job = { membership, filter: {}, format: 'csv' as const, withContact: false };
      const abandoned = reader.read(job);
      expect((await abandoned.next()).value).toMatchObject({ rows: 500 });
      await abandoned.return(undefined);
      let [rows, lines] = [0, 0];
      for await (const batch of reader.read(job)) {
        rows += batch.rows;
        lines += Buffer.from(batch.bytes).toString().split('\n').length - 1;
      }
      expect([rows, lines]).toEqual([SPECS.length, SPECS.length]);
    } finally {
      await reader.close();
    }
  });

  it('an export whose reader thread dies fails, rather than ending short', async () => {
    const reader = new ExportReader(t.ctx.store);
    const membership = await incidentMembership(t.ctx.store.db, INCIDENT, new Date(END));
    const rows = reader.read({ membership, filter: {}, format: 'csv', withContact: false });
    let read = (await rows.next()).value!.rows;
    await reader.close(); // its threads exit, as if one crashed
    const rest = (async () => {
      for await (const batch of rows) read += batch.rows;
    })();
    await expect(rest).rejects.toThrow(/export reader thread exited/);
    expect(read).toBeLessThan(SPECS.length);
  });

  it('a filtered export counts what the filtered table does', async () => {
    const table = await tableIds('&zip=59801');
    const csv = (await get(`/api/v1/incidents/${INCIDENT.id}/reports.csv?zip=59801`)).body.trim().split('\n');
    expect(table.length).toBe(SPECS.length / 2);
    expect(csv.length - 1).toBe(table.length);
    expect(csv[1]).toContain('"No bars, ""since"" 3am"'); // csv-stringify's quoting
  });

  it('text search through the trigram index finds what the walk does, case-insensitively, indexed or not yet', async () => {
    const search = async () => {
      const found = await tableIds('&q=SINCE%22%203AM&zip=10001');
      expect(found.length).toBe(SPECS.length / 2);
      expect((await tableIds('&q=tower')).length).toBe(0);
      const csv = (await get(`/api/v1/incidents/${INCIDENT.id}/reports.csv?q=since%22%203am&zip=10001`)).body.trim().split('\n');
      expect(csv.length - 1).toBe(found.length);
    };
    await search();
    if (kind !== 'sqlite') return;
    // Index what is stored (the app's writer thread does so between batches too), then store one more report past the mark.
    const own = openSqliteFile(t.ctx.store.file!);
    const indexer = prepareTextIndexer(own)!;
    const mark = () => own.prepare('select indexed_rowid = (select max(rowid) from reports) from reports_text_progress').pluck().get();
    try {
      while (indexer.indexBatch(10_000) > 0);
      expect(mark()).toBe(1);
      await search();
      await t.ctx.store.db.transaction().execute((trx) => insertReports(trx, [{ ...reportRow({ receivedAt: at(200), zip: '10001', description: 'The Tower is down' }), reference: 'OD-TEST-TOWER' }]));
      expect(await tableIds('&q=tower')).toHaveLength(1);
      while (indexer.indexBatch(10_000) > 0);
      expect(mark()).toBe(1);
      expect(await tableIds('&q=TOWER')).toHaveLength(1);
    } finally {
      own.close();
    }
  });
});
