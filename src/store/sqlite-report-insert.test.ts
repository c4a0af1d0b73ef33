// The writer thread's prepared insert keeps insertReports' semantics: times as epoch ms that
// the query layer reads back as Dates, a stored idempotency key skips the row, and a repeated
// id/reference gets fresh ones instead of failing the batch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './db.js';
import { withFreshIds } from './insert-batch.js';
import { getReport, type ReportRow } from './reports.js';
import { createReportWriter } from './report-writer.js';
import { openSqliteFile } from './sqlite.js';
import { prepareSqliteReportInsert } from './sqlite-report-insert.js';
import { reportReference, uuidv7 } from './ids.js';
import { storedDate } from './time.js';

const at = new Date('2024-02-22T09:00:00Z');
const row = (over: Partial<ReportRow> = {}): ReportRow => ({
  id: uuidv7(at.getTime()), reference: reportReference(), received_at: at, carrier: 'att', network: 'att',
  services: 'voice', sos_mode: 1, zip: '10001', county: '36061', state: '36', started_at: at, ended_at: null,
  called_carrier: null, called_network: null, description: '', contact_name: null, contact_email: null,
  contact_phone: null, consent_to_contact: 0, source: 'api', fingerprint: 'fp', idempotency_key: null, request_hash: null,
  ...over,
});

describe('prepared SQLite report insert', () => {
  it('stores rows the query layer reads back, skips stored keys, redraws repeated ids', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-insert-'));
    const store = await openStore({ dataDir: dir });
    const insert = prepareSqliteReportInsert(openSqliteFile(store.file!));
    try {
      const a = row({ idempotency_key: 'k1' });
      expect(await withFreshIds([a, row()], insert)).toEqual([{ id: a.id, inserted: true }, expect.objectContaining({ inserted: true })]);
      const back = await getReport(store.db, a.id);
      expect(storedDate(back!.received_at)).toEqual(at);
      expect(back?.ended_at).toBeNull();
      const retry = row({ idempotency_key: 'k1' });
      expect(await withFreshIds([retry], insert)).toEqual([{ id: retry.id, inserted: false }]);
      const clash = row({ id: a.id, reference: a.reference });
      const [stored] = await withFreshIds([clash], insert);
      expect(stored!.inserted).toBe(true);
      expect(clash.id).not.toBe(a.id);
      expect((await getReport(store.db, clash.id))?.reference).toBe(clash.reference);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('through the writer thread: answers per row and hands back ids redrawn after a clash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-writer-'));
    const store = await openStore({ dataDir: dir });
    const writer = createReportWriter(store);
    try {
      const a = row({ idempotency_key: 'k1' });
      expect(await writer.insert([a])).toEqual([{ id: a.id, inserted: true }]);
      const again = row({ idempotency_key: 'k1' });
      expect(await writer.insert([again])).toEqual([{ id: again.id, inserted: false }]);
      const clash = row({ id: a.id, reference: a.reference });
      const [stored] = await writer.insert([clash]);
      expect(stored).toEqual({ id: clash.id, inserted: true });
      expect(clash.id).not.toBe(a.id);
      expect((await getReport(store.db, clash.id))?.reference).toBe(clash.reference);
    } finally {
      await writer.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
