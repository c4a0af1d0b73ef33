// The file importer on a real SQLite store: formats, CSV records over several lines, rows that
// fail late, the rejects file and progress. Fixtures are written to a temp dir per test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { openTestStore, type TestStoreLocation } from '../../test/support/stores.js';
import { importFile, importFormat } from './import-file.js';

const row = (extra: Record<string, unknown> = {}) => JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001', receivedAt: '2024-02-22T09:00:00Z', ...extra });
const BOM = '\uFEFF';
const opened: Array<{ store: Store; location: TestStoreLocation }> = [];

afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.store.close();
    await o.location.destroy();
  }
});

async function setup(name: string, content: string) {
  const o = await openTestStore('sqlite');
  opened.push(o);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'od-import-file-')), name);
  fs.writeFileSync(file, content);
  return { store: o.store, file };
}

const rejectsOf = (file: string) => fs.readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; errors: Array<{ path: string; message: string }>; row: string });

describe('importFormat', () => {
  it('goes by the extension and sniffs only an unknown one', () => {
    expect(importFormat('a.JSONL', 'x,y')).toBe('jsonl');
    expect(importFormat('a.ndjson', 'x,y')).toBe('jsonl');
    expect(importFormat('a.json', '')).toBe('jsonl');
    expect(importFormat('a.csv', '{"carrier":"att"}')).toBe('csv');
    expect(importFormat('a.txt', ' {"carrier":"att"}')).toBe('jsonl');
    expect(importFormat('a.txt', 'carrier,zip')).toBe('csv');
  });
});

describe('importFile', () => {
  it('reads a .jsonl whose first line is broken and BOM-prefixed as JSON Lines, rejecting only that line', async () => {
    const { store, file } = await setup('r.jsonl', `${BOM}{"carrier": broken\n${row()}\n\n${row({ zip: '60601' })}\n`);
    const r = await importFile(store, file);
    expect([r.accepted, r.rejected]).toEqual([2, 1]);
    const [rej] = rejectsOf(file);
    expect(rej!.line).toBe(1);
    expect(rej!.errors[0]!.message).toMatch(/^is not valid JSON \(/);
  });

  it('strips a BOM before a valid first JSON line and before a CSV header', async () => {
    const json = await setup('r.jsonl', `${BOM}${row()}\n`);
    expect((await importFile(json.store, json.file)).accepted).toBe(1);
    const csv = await setup('r.csv', `${BOM}carrier,services,zip,receivedAt\r\natt,voice,10001,2024-02-22T09:00:00Z\r\n`);
    const r = await importFile(csv.store, csv.file);
    expect([r.accepted, r.rejected]).toEqual([1, 0]);
  });

  it('keeps a quoted CSV field with line breaks in one row; rejects name the line the row starts on', async () => {
    const csv = ['carrier,services,zip,receivedAt,description', 'att,voice,10001,2024-02-22T09:00:00Z,"No signal.', '', 'Tried ""airplane mode"""', 'acme,voice,10001,2024-02-22T09:00:00Z,"also', 'two lines"', 'att,data,10001,2024-02-22T09:01:00Z,'].join('\r\n');
    const { store, file } = await setup('r.csv', csv + '\r\n');
    const r = await importFile(store, file);
    expect([r.accepted, r.rejected]).toEqual([2, 1]);
    const stored = await store.db.selectFrom('reports').select('description').orderBy('received_at').execute();
    expect(stored).toHaveLength(2);
    expect(stored[0]!.description).toBe('No signal.\n\nTried "airplane mode"');
    const [rej] = rejectsOf(file);
    expect(rej!.line).toBe(5);
    expect(rej!.errors[0]!.path).toBe('carrier');
  });

  it('keeps `5" screen` in one column and rejects a row with a stray comma by its line, importing the rows after it', async () => {
    const csv = ['carrier,services,zip,receivedAt,description', 'att,voice,10001,2024-02-22T09:00:00Z,5" screen broke', 'att,voice,10001,2024-02-22T09:01:00Z,no signal, again',
      'att,data,60601,2024-02-22T09:02:00Z,ok'].join('\n');
    const { store, file } = await setup('r.csv', csv);
    const r = await importFile(store, file);
    expect([r.accepted, r.rejected]).toEqual([2, 1]);
    const stored = await store.db.selectFrom('reports').select(['description', 'zip']).orderBy('received_at').execute();
    expect(stored).toEqual([{ description: '5" screen broke', zip: '10001' }, { description: 'ok', zip: '60601' }]);
    expect(rejectsOf(file)).toEqual([{ line: 3, errors: [{ path: '(line)', message: expect.stringMatching(/^has 6 fields but the header names 5/) }], row: 'att,voice,10001,2024-02-22T09:01:00Z,no signal, again' }]);
  });

  it('rejects a row that fails to convert for storage and imports the rest', async () => {
    // A clock past 2^48 ms gives a default receivedAt that a UUIDv7 cannot encode.
    const { store, file } = await setup('r.jsonl', [row(), JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' }), row({ zip: '60601' })].join('\n'));
    const r = await importFile(store, file, { now: new Date(2 ** 48 + 1000) });
    expect([r.accepted, r.rejected]).toEqual([2, 1]);
    const [rej] = rejectsOf(file);
    expect(rej!.line).toBe(2);
    expect(rej!.errors).toEqual([{ path: '(row)', message: expect.stringMatching(/^could not be converted for storage: /) }]);
  });

  it('removes a rejects file left by an earlier run when this run rejects nothing', async () => {
    const { store, file } = await setup('r.jsonl', `${row()}\n`);
    fs.writeFileSync(`${file}.rejected.jsonl`, '{"line":1,"errors":[]}\n');
    const r = await importFile(store, file);
    expect(r.rejectsPath).toBeNull();
    expect(fs.existsSync(`${file}.rejected.jsonl`)).toBe(false);
  });

  it('reports progress during a large file, not only per batch, and ends at the file size', async () => {
    const { store, file } = await setup('r.jsonl', Array.from({ length: 2500 }, (_, i) => row({ fingerprint: `f${i}` })).join('\n'));
    const calls: Array<[number, number]> = [];
    await importFile(store, file, { onProgress: (read, total) => calls.push([read, total]) });
    const size = fs.statSync(file).size;
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.at(-1)).toEqual([size, size]);
  });
});
