// Stored report rows built in a test (received at any time, e.g. on 22 Feb 2024), inserted the
// way the writer inserts them; for dossier tests that need reports inside a past incident.
import { lookupZip } from '../../src/reference/index.js';
import { insertReports, reportReference, uuidv7, type ReportRow, type Store } from '../../src/store/index.js';

export interface RowSpec {
  receivedAt: string;
  carrier?: string;
  network?: string;
  zip?: string;
  services?: string[];
  sos?: boolean;
  startedAt?: string;
  endedAt?: string | null;
  description?: string;
  email?: string | null;
}

let n = 0;

export function reportRow(s: RowSpec): ReportRow {
  const received = Date.parse(s.receivedAt);
  const zip = s.zip ?? '10001';
  const place = lookupZip(zip);
  return {
    id: uuidv7(received), reference: reportReference(received, true), received_at: new Date(received),
    carrier: s.carrier ?? 'att', network: s.network ?? s.carrier ?? 'att', services: (s.services ?? ['voice']).join(','), sos_mode: s.sos ? 1 : 0,
    zip, county: place?.county ?? '', state: place?.state ?? '', started_at: new Date(s.startedAt ?? s.receivedAt), ended_at: s.endedAt ? new Date(s.endedAt) : null,
    called_carrier: null, called_network: null, description: s.description ?? '', contact_name: s.email ? 'Pat Doe' : null, contact_email: s.email ?? null,
    contact_phone: null, consent_to_contact: s.email ? 1 : 0, source: 'sim', fingerprint: `fp-${++n}`, idempotency_key: null, request_hash: null,
  };
}

export async function insertRows(store: Store, specs: RowSpec[]): Promise<ReportRow[]> {
  const rows = specs.map(reportRow);
  await store.db.transaction().execute((trx) => insertReports(trx, rows));
  return rows;
}
