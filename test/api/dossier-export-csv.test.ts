// The CSV export joins most records in the store (concat_ws) and in the reader thread, and hands
// those that need quoting to csv-stringify: over stored reports with random text (quotes,
// commas, CR, LF, empty strings, nulls, unicode, spaces at either end) it must be, byte for
// byte, csv-stringify's CSV of csvRecordOf's records, on both stores, redacted or not.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnSelection, exportComplaints, incidentMembership } from '../../src/dossier/index.js';
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
const TEXT = ['carrier', 'services', 'county', 'state', 'calledCarrier', 'description', 'source', 'name', 'email', 'phone'] as const;

describe.each(STORE_KINDS)('the complaints CSV on %s', (kind) => {
  let t: TestApp;
  let inv: { authorization: string };
  const stored = rows(1200);
  beforeAll(async () => {
    t = await startTestApp(kind);
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    await t.ctx.store.db.transaction().execute((trx) => insertReports(trx, stored));
    await upsertIncidents(t.ctx.store.db, [INCIDENT]);
  });
  afterAll(async () => t?.destroy());

  /** csv-stringify's CSV of the incident's reports as stored, in the table's order. */
  async function expected(withContact: boolean, order: 'newest' | 'oldest'): Promise<string> {
    const m = await incidentMembership(t.ctx.store.db, INCIDENT, new Date(END));
    const records: (string | null)[][] = [];
    for await (const page of exportComplaints(t.ctx.store, m, { order }, columnSelection(t.ctx.store.db, CSV_SOURCE_COLUMNS))) records.push(...page.map((v) => csvRecordOf(v, withContact)));
    expect(records).toHaveLength(stored.length);
    return stringify([], { header: true, columns: [...CSV_COLUMNS] }) + stringify(records);
  }

  it('is csv-stringify’s CSV of every record, byte for byte, redacted or not, in either order', async () => {
    let plain = 0;
    for (const [redacted, order] of [[false, 'newest'], [true, 'oldest']] as const) {
      const r = await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/reports.csv?redacted=${redacted}&order=${order}`, headers: inv });
      expect(r.statusCode).toBe(200);
      const want = await expected(!redacted, order);
      expect(r.body).toBe(want);
      expect(r.rawPayload.equals(Buffer.from(want))).toBe(true);
      plain += want.split('\n').filter((l) => /^[^",]*(,[^",]*){19}$/.test(l)).length;
    }
    // Both paths were taken: records joined (a plain line) and records quoted by csv-stringify.
    expect(plain).toBeGreaterThan(stored.length / 2);
    expect(plain).toBeLessThan(stored.length * 2 * 0.75);
  });
});
