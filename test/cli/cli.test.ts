// The command line as a user meets it: serve, user add, import, --help. Runs the built CLI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCliServer } from '../support/cli.js';
import { newStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';

const report = { carrier: 'att', services: ['voice'], zip: '10001' };

describe('--help', () => {
  it('is available on every command', () => {
    for (const args of [['--help'], ['serve', '--help'], ['import', '--help'], ['user', 'add', '--help']]) {
      const r = runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: outage-desk/);
    }
  });
});

describe('detect --series', () => {
  it('prints timestamp,value,anomaly_score, one row per input row in order, and flags a spike', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-series-'));
    const file = path.join(dir, 'series.csv');
    const start = Date.parse('2024-01-01T00:00:00Z');
    const rows = Array.from({ length: 600 }, (_, i) => [new Date(start + i * 300_000).toISOString().replace('T', ' ').slice(0, 19), i === 500 ? 900 : 10 + Math.sin(i / 12)]);
    fs.writeFileSync(file, 'timestamp,value\n' + rows.map((r) => r.join(',')).join('\n') + '\n');
    const r = runCli(['detect', '--series', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('timestamp,value,anomaly_score');
    expect(lines).toHaveLength(601);
    const scores = lines.slice(1).map((l) => l.split(','));
    expect(scores.map((c) => c[0])).toEqual(rows.map((row) => row[0]));
    for (const c of scores) expect(Number(c[2])).toSatisfy((s: number) => s >= 0 && s <= 1);
    expect(Number(scores[500]![2])).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...scores.slice(100, 500).map((c) => Number(c[2])))).toBeLessThan(0.5);
    fs.writeFileSync(file, 'timestamp,value\n2024-01-01 00:00:00,abc\n');
    const bad = runCli(['detect', '--series', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 2/);
  });
});

describe.each(STORE_KINDS)('CLI on %s', (kind) => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });
  const envFor = (loc: TestStoreLocation) => ({ DATA_DIR: loc.dataDir, DATABASE_URL: loc.databaseUrl ?? '' });

  it('user add --token works while the server runs, and the token reads reports', async () => {
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const server = startCliServer(['--port', '0'], { ...envFor(loc), HOST: '127.0.0.1' });
    try {
      const url = await server.ready;
      expect(server.output()).toMatch(/First start: created admin admin@localhost with password \S+/);
      const ack = await (await fetch(`${url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) })).json();
      const r = runCli(['user', 'add', '--email', 'inv@example.org', '--role', 'investigator', '--token'], envFor(loc));
      expect(r.code).toBe(0);
      const lines = r.stdout.trim().split('\n');
      const token = lines.at(-1)!;
      expect(token).toMatch(/^odt_[A-Za-z0-9_-]{43}$/);
      expect(r.stdout).toMatch(/Initial password: \S+/);
      const res = await fetch(`${url}/api/v1/reports/${ack.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect((await res.json()).county).toBe('36061');
      const again = runCli(['user', 'add', '--email', 'inv@example.org', '--role', 'analyst'], envFor(loc));
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already exists/);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('import accepts good rows, writes rejected rows with reasons, drops none', async () => {
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-import-'));
    const file = path.join(dir, 'reports.jsonl');
    const rows = [
      { ...report, receivedAt: '2024-02-22T09:00:00Z', startedAt: '2024-02-22T08:50:00Z', fingerprint: 'c1' },
      { ...report, carrier: 'acme', receivedAt: '2024-02-22T09:01:00Z' },
      { ...report, zip: '90210', receivedAt: '2024-02-22T09:02:00Z', fingerprint: 'c2' },
    ];
    fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n{not json\n');
    const r = runCli(['import', file], envFor(loc));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accepted 2, rejected 2; rejected rows with reasons: .*reports\.jsonl\.rejected\.jsonl$/m);
    const rejects = fs.readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects.map((x) => x.line)).toEqual([2, 4]);
    expect(rejects[0].errors[0].path).toBe('carrier');
    const csv = path.join(dir, 'reports.csv');
    fs.writeFileSync(csv, 'carrier,services,zip,receivedAt,fingerprint,contact.email\nverizon,voice;data,60601,2024-02-22T09:05:00Z,c3,a@b.org\n');
    expect(runCli(['import', csv], envFor(loc)).stdout).toMatch(/accepted 1, rejected 0/);
  });

  it('import ends the progress bar at 100 % and removes a stale rejects file, saying so', async () => {
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'od-import-')), 'reports.jsonl');
    fs.writeFileSync(file, JSON.stringify({ ...report, receivedAt: '2024-02-22T09:00:00Z' }) + '\n');
    fs.writeFileSync(`${file}.rejected.jsonl`, '{"line":9,"errors":[]}\n');
    const r = runCli(['import', '--no-detect', file], envFor(loc));
    expect(r.code).toBe(0);
    const size = fs.statSync(file).size;
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`100\\.0% ${size}/${size} `));
    expect(r.stdout).toMatch(/^accepted 1, rejected 0; no rows rejected, no rejects file$/m);
    expect(fs.existsSync(`${file}.rejected.jsonl`)).toBe(false);
    const same = runCli(['import', '--rejects', file, file], envFor(loc));
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/--rejects must not be the input file/);
  });
});
