// The privacy fixture of the public side: a county of 9 fresh reports (Missoula, MT, below
// PUBLIC_MIN_COUNT) beside a county of 10 (Laramie, WY), with text and contact details, and
// checks that a public answer shows neither the 9 nor any field of a single report.
import { expect } from 'vitest';
import { lookupZip } from '../../src/reference/index.js';
import { insertReports, reportReference, uuidv7, type ReportRow, type Store } from '../../src/store/index.js';

export const BELOW = { zip: '59801', n: 9 };
export const AT = { zip: '82001', n: 10 };
export const SECRET_TEXT = 'bars-gone-secret-text';
export const SECRET_EMAIL = 'reporter-secret@example.org';

export function reportRow(zip: string, carrier: string, network: string, at: Date, i: number, over: Partial<ReportRow> = {}): ReportRow {
  const place = lookupZip(zip)!;
  return {
    id: uuidv7(at.getTime()), reference: reportReference(), received_at: at, carrier, network, services: 'voice,data', sos_mode: 1,
    zip, county: place.county, state: place.state, started_at: at, ended_at: null, called_carrier: null, called_network: null,
    description: SECRET_TEXT, contact_name: 'Secret Name', contact_email: SECRET_EMAIL, contact_phone: '+14065550100', consent_to_contact: 1,
    source: 'web', fingerprint: `fixture-${zip}-${i}-${at.getTime()}`, idempotency_key: null, request_hash: null, ...over,
  };
}

/**
 * Inserts the fixture (Verizon, received in the last 40 minutes, each at 17.777 s past a minute:
 * never a whole minute, so no receipt time can coincide with a bucket's start); returns the times.
 */
export async function insertFixture(store: Store, now = Date.now()): Promise<Date[]> {
  const rows: ReportRow[] = [];
  const base = Math.floor(now / 60_000) * 60_000 - 40 * 60_000 + 17_777;
  for (const { zip, n } of [BELOW, AT]) for (let i = 0; i < n; i++) rows.push(reportRow(zip, 'verizon', 'verizon', new Date(base + i * 60_000 + (zip === AT.zip ? 30_000 : 0)), i));
  await insertReports(store.db, rows);
  return rows.map((r) => r.received_at);
}

/** Count-named numbers from 1 to min-1 anywhere in a JSON answer (what the contract check looks for). */
export function smallCounts(o: unknown, min = 10, path = ''): string[] {
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => [
    ...(typeof v === 'number' && /count|reports|total/i.test(k) && v >= 1 && v < min ? [`${path}.${k}=${v}`] : []),
    ...smallCounts(v, min, `${path}.${k}`),
  ]);
}

/** No report field in a public answer: text, contact, the receipt time of any one report, the county of 9. */
export function expectNoReportFields(text: string, times: Date[]): void {
  expect(text).not.toContain(SECRET_TEXT);
  expect(text).not.toContain(SECRET_EMAIL);
  expect(text).not.toContain('Secret Name');
  expect(text).not.toContain('5550100');
  for (const t of times) {
    expect(text).not.toContain(t.toISOString());
    expect(text).not.toContain(t.toISOString().slice(0, 19));
  }
  expect(text).not.toContain(lookupZip(BELOW.zip)!.county);
}
