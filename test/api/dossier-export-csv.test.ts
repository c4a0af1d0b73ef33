// The CSV export: on SQLite the store joins most records (concat_ws) and the reader thread hands
// those that need quoting to csv-stringify; on PostgreSQL the server writes it all (COPY … WITH
// (FORMAT csv), its filter written into the statement as literals). Over stored reports with
// random text (quotes, commas, CR, LF, empty strings, nulls, unicode, spaces at either end) it
// must be, byte for byte, csv-stringify's CSV of csvRecordOf's records as the keyset pages read
// them (bound parameters), on both stores, redacted or not, under each filter (hostile text in
// the free-text ones) and with reports attached to and detached from the incident.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnSelection, exportComplaints, incidentMembership, type ComplaintFilter } from '../../src/dossier/index.js';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { CSV_COLUMNS, CSV_SOURCE_COLUMNS, csvRecordOf } from '../../src/presenters/index.js';
import { insertReports, type ReportRow } from '../../src/store/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { reportRow } from '../support/report-rows.js';
import { OPENING, SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const ONSET = Date.parse('2024-02-22T08:45:00.000Z');
const END = Date.parse('2024-02-22T20:10:00.000Z');
const INCIDENT: StoredIncident = {
  ...SAMPLE_INCIDENT, id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null, status: 'resolved',
  scope: { level: 'nation', regions: ['US'] }, onsetAt: new Date(ONSET).toISOString(), detectedAt: new Date(ONSET + 180_000).toISOString(), resolvedAt: new Date(END).toISOString(), evidence: { opening: OPENING, collateral: null },
};

// No NUL (Postgres text cannot hold one) and no lone surrogates (stored as U+FFFD, so read back unlike the string written).
const pieces = ['"', ',', '\r', '\n', '\r\n', ' ', '\t', '', 'a', 'No bars', 'é', '😀', '\u2028', '\ufeff', '=1+1', '-', '@', '\\', ';', "'", '\x1f', ' x '];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 5 }).map((xs) => xs.join(''));
/** Mostly plain (the joined path), often not. */
const field = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('att', 'x', 'voice,sms', ' spaced ') }, { weight: 2, arbitrary: text });
const maybe = fc.oneof(field, fc.constant(null), fc.constant(''));
const time = fc.integer({ min: ONSET, max: END });

const spec = fc.record({
  receivedAt: time, startedAt: fc.integer({ min: ONSET - 86_400_000, max: END }), endedAt: fc.option(fc.integer({ min: ONSET, max: END + 86_400_000 })),
  carrier: field, services: field, sos: fc.constantFrom(0, 1), county: field, state: field, calledCarrier: maybe, description: field, source: field,
  consent: fc.constantFrom(0, 1), name: maybe, email: maybe, phone: maybe, plain: fc.boolean(),
});
const PLAIN = ['att', 'x', ' spaced ', '', 'é😀', "it's"];

function rows(n: number): ReportRow[] {
  return fc.sample(spec, { numRuns: n, seed: 8 }).map((r, k) => {
    // Half the records need no quoting at all: only those take the joined path.
    const s = r.plain ? { ...r, ...Object.fromEntries(TEXT.map((f, j) => [f, r[f] === null ? null : PLAIN[(k + j) % PLAIN.length]!])) } : r;
    return {
      ...reportRow({ receivedAt: new Date(s.receivedAt).toISOString() }), reference: `OD-CSV-${k}`, started_at: new Date(s.startedAt), ended_at: s.endedAt === null ? null : new Date(s.endedAt),
      carrier: s.carrier, services: s.services, sos_mode: s.sos, county: s.county, state: s.state, called_carrier: s.calledCarrier, description: s.description, source: s.source,
      consent_to_contact: s.consent, contact_name: s.name, contact_email: s.email, contact_phone: s.phone,
    };
  });
}
/** Filter text that must stay data: quotes, backslashes, placeholders, statement ends, LIKE wildcards, unicode. */
const HOSTILE = [`x' or '1'='1`, `\\'; drop table reports; --`, '$1', '$$ $2 $$', 'a\\%_b', 'é😀"\u2028', `'); select pg_sleep(5); --`, `E'\\''`, '""'];
/** Reports holding the hostile text (carrier and description), in Montana, some with SOS, sms, contact. */
function hostileRows(): ReportRow[] {
  return HOSTILE.flatMap((h, k) => [0, 1].map((j) => ({
    ...reportRow({ receivedAt: new Date(ONSET + 60_000 * (k * 7 + j + 1)).toISOString(), zip: '59801', carrier: h, network: 'att', services: j ? ['voice', 'sms'] : ['data'], sos: j === 1, description: `before ${h} after`, email: j ? `${k}@example.org` : null }),
    reference: `OD-HOSTILE-${k}-${j}`,
  })));
}
/** Times toISOString writes unlike to_char's YYYY (six signed digits; 1 BC as 0000), at the edges of 1-9999, before 1970 and with milliseconds. */
const EDGE_TIMES = ['+012000-03-04T05:06:07.089Z', '+010000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '0000-12-31T23:59:59.999Z', '-000001-06-15T12:00:00.500Z', '-004000-01-01T00:00:00.001Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '0999-05-05T05:05:05.005Z'];
function edgeTimeRows(): ReportRow[] {
  return EDGE_TIMES.map((iso, k) => ({
    ...reportRow({ receivedAt: new Date(ONSET + 30_000 * (k + 1)).toISOString() }), reference: `OD-EDGE-${k}`,
    started_at: new Date(iso), ended_at: new Date(EDGE_TIMES[(k + 3) % EDGE_TIMES.length]!),
  }));
}
const TEXT = ['carrier', 'services', 'county', 'state', 'calledCarrier', 'description', 'source', 'name', 'email', 'phone'] as const;

describe.each(STORE_KINDS)('the complaints CSV on %s', (kind) => {
  let t: TestApp;
  let inv: { authorization: string };
  const stored = [...rows(1200), ...hostileRows(), ...edgeTimeRows()];
  beforeAll(async () => {
    t = await startTestApp(kind);
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    await t.ctx.store.db.transaction().execute((trx) => insertReports(trx, stored));
    await upsertIncidents(t.ctx.store.db, [INCIDENT]);
  });
  afterAll(async () => t?.destroy());

  /** csv-stringify's CSV of the incident's reports as stored, in the table's order (the keyset pages' read, with bound parameters). */
  async function expected(withContact: boolean, filter: ComplaintFilter): Promise<{ csv: string; rows: number }> {
    const m = await incidentMembership(t.ctx.store.db, INCIDENT, new Date(END));
    const records: (string | null)[][] = [];
    for await (const page of exportComplaints(t.ctx.store, m, filter, columnSelection(t.ctx.store.db, CSV_SOURCE_COLUMNS))) records.push(...page.map((v) => csvRecordOf(v, withContact)));
    return { csv: stringify([], { header: true, columns: [...CSV_COLUMNS] }) + (records.length ? stringify(records) : ''), rows: records.length };
  }

  /** The export under `query` is byte for byte `filter`'s expected CSV; its record count. */
  async function exportsAsExpected(query: Record<string, string>, filter: ComplaintFilter): Promise<number> {
    const r = await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/reports.csv?${new URLSearchParams(query)}`, headers: inv });
    expect(r.statusCode, JSON.stringify(query)).toBe(200);
    const want = await expected(query.redacted !== 'true', filter);
    expect(r.body, JSON.stringify(query)).toBe(want.csv);
    expect(r.rawPayload.equals(Buffer.from(want.csv))).toBe(true);
    return want.rows;
  }

  it('is csv-stringify’s CSV of every record, byte for byte, redacted or not, in either order', async () => {
    let plain = 0;
    for (const [redacted, order] of [[false, 'newest'], [true, 'oldest']] as const) {
      const r = await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/reports.csv?redacted=${redacted}&order=${order}`, headers: inv });
      expect(r.statusCode).toBe(200);
      const { csv: want, rows: n } = await expected(!redacted, { order });
      expect(n).toBe(stored.length);
      expect(r.body).toBe(want);
      expect(r.rawPayload.equals(Buffer.from(want))).toBe(true);
      plain += want.split('\n').filter((l) => /^[^",]*(,[^",]*){19}$/.test(l)).length;
    }
    // Both paths were taken: records joined (a plain line) and records quoted by csv-stringify.
    expect(plain).toBeGreaterThan(stored.length / 2);
    expect(plain).toBeLessThan(stored.length * 2 * 0.75);
  });

  it('writes times of any year as toISOString does', async () => {
    const body = (await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/reports.csv?since=${new Date(ONSET).toISOString()}&until=${new Date(ONSET + 30_000 * (EDGE_TIMES.length + 1)).toISOString()}&order=oldest`, headers: inv })).body;
    for (const iso of EDGE_TIMES) expect(body).toContain(`,${iso},`);
    expect(await exportsAsExpected({ order: 'oldest' }, { order: 'oldest' })).toBe(stored.length);
  });

  it('is that CSV under each filter, hostile text in the free-text ones matched as data', async () => {
    const mid = new Date(ONSET + 3 * 3_600_000);
    const cases: [Record<string, string>, ComplaintFilter][] = [
      ...HOSTILE.flatMap((h): [Record<string, string>, ComplaintFilter][] => [
        [{ carrier: h }, { carrier: h }],
        [{ q: h, order: 'oldest', redacted: 'true' }, { text: h, order: 'oldest' }],
        [{ q: ` ${h.toUpperCase()} `, service: 'sms' }, { text: h.toUpperCase(), service: 'sms' }],
      ]),
      [{ zip: '59801' }, { zip: '59801' }],
      [{ county: '30063', sos: 'true' }, { county: '30063', sos: true }],
      [{ state: '30', order: 'oldest' }, { state: '30', order: 'oldest' }],
      [{ service: 'sms', redacted: 'true' }, { service: 'sms' }],
      [{ sos: 'false' }, { sos: false }],
      [{ source: 'sim' }, { source: 'sim' }],
      [{ since: mid.toISOString(), until: new Date(mid.getTime() + 3_600_000).toISOString() }, { since: mid, until: new Date(mid.getTime() + 3_600_000) }],
      [{ until: mid.toISOString(), order: 'oldest', q: 'a' }, { until: mid, order: 'oldest', text: 'a' }],
      [{ carrier: 'no such carrier' }, { carrier: 'no such carrier' }],
    ];
    for (const [query, filter] of cases) {
      const n = await exportsAsExpected(query, filter);
      // Each hostile text finds its own reports (and a wildcard or quote in it no others).
      if (query.carrier && HOSTILE.includes(query.carrier)) expect(n, query.carrier).toBe(2);
    }
    // The store is as it was (no text ran as a statement).
    expect(Number((await t.ctx.store.db.selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(stored.length);
  });

  it('bad filter input is a 400 naming the field, never a 500', async () => {
    for (const [query, field] of [[{ carrier: 'x'.repeat(41) }, 'carrier'], [{ since: 'yesterday' }, 'since'], [{ county: "1'; --" }, 'county'], [{ sos: 'maybe' }, 'sos'], [{ order: 'sideways' }, 'order']] as const) {
      const r = await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/reports.csv?${new URLSearchParams(query)}`, headers: inv });
      expect(r.statusCode, JSON.stringify(query)).toBe(400);
      const errors = (r.json() as { errors: { path: string; message: string }[] }).errors;
      expect(errors.some((e) => e.path.endsWith(field) && e.message.length > 0), r.body).toBe(true);
    }
  });

  it('is that CSV with reports attached (one outside the incident, of another network) and detached', async () => {
    const outside = { ...reportRow({ receivedAt: new Date(ONSET - 3_600_000).toISOString(), carrier: 'tmobile', zip: '59801', description: 'attached, "outside"' }), reference: 'OD-CSV-ATTACHED' };
    await t.ctx.store.db.transaction().execute((trx) => insertReports(trx, [outside]));
    const inside = stored[5]!.id;
    const link = (report: string, what: 'attach' | 'detach') => t.app.inject({ method: 'POST', url: `/api/v1/incidents/${INCIDENT.id}/reports/${report}/${what}`, headers: inv, payload: { note: 'test' } });
    expect((await link(outside.id, 'attach')).statusCode).toBe(200);
    expect((await link(inside, 'detach')).statusCode).toBe(200);
    for (const order of ['newest', 'oldest'] as const) {
      expect(await exportsAsExpected({ order }, { order })).toBe(stored.length);
      await exportsAsExpected({ order, carrier: 'tmobile' }, { order, carrier: 'tmobile' });
    }
  });
});
