// `serve --workers 2` on one PostgreSQL: both workers answer; kill -9 one of them under load and
// every report that got a 201 is stored exactly once; the primary starts a replacement.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { runCli, startCliServer } from '../support/cli.js';
import { newStoreLocation, type TestStoreLocation } from '../support/stores.js';

const REPORT = JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' });

const workersOf = (primary: number): number[] =>
  execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary)], { encoding: 'utf8' }).split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);

describe('cluster mode', () => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });

  it('keeps every acknowledged report exactly once when one of two workers is killed -9', async () => {
    const loc = await newStoreLocation('postgres');
    made.push(loc);
    const server = startCliServer(['--port', '0', '--workers', '2'], { DATABASE_URL: loc.databaseUrl, HOST: '127.0.0.1', INTAKE_RATE_LIMIT: '0', DETECT: 'false' });
    const url = await server.ready;
    try {
      let workers: number[] = [];
      while ((workers = workersOf(server.child.pid!)).length < 2) await new Promise((r) => setTimeout(r, 100));
      const acked: string[] = [];
      let stop = false;
      const client = async () => {
        while (!stop) {
          try {
            const res = await fetch(`${url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: REPORT });
            if (res.status === 201) acked.push(((await res.json()) as { id: string }).id);
            else await res.text();
          } catch {
            // the killed worker's connections fail; the client sends again
          }
        }
      };
      const clients = Array.from({ length: 16 }, client);
      while (acked.length < 200) await new Promise((r) => setTimeout(r, 20));
      process.kill(workers[0]!, 'SIGKILL');
      const atKill = acked.length;
      while (acked.length < atKill + 200) await new Promise((r) => setTimeout(r, 20));
      stop = true;
      await Promise.all(clients);
      // The primary replaced the dead worker.
      while (!workersOf(server.child.pid!).some((p) => !workers.includes(p))) await new Promise((r) => setTimeout(r, 100));
      const db = new pg.Client({ connectionString: loc.databaseUrl });
      await db.connect();
      try {
        const rows = await db.query<{ id: string; n: string }>('select id, count(*) as n from reports where id = any($1) group by id', [acked]);
        expect(new Set(acked).size).toBe(acked.length);
        expect(rows.rows.length).toBe(acked.length);
        expect(rows.rows.every((r) => r.n === '1')).toBe(true);
      } finally {
        await db.end();
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 90_000); // two servers and a kill -9: 8.5 s alone, over 30 s once under the full suite

  it('refuses --workers on the embedded store', async () => {
    const loc = await newStoreLocation('sqlite');
    made.push(loc);
    const r = runCli(['serve', '--port', '0', '--workers', '2'], { DATA_DIR: loc.dataDir, DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers needs DATABASE_URL/);
  });
});
