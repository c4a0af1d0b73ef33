// Graceful shutdown: SIGTERM in the middle of a stream of reports. Every report that got a 201
// must be in the store afterwards — an acknowledged report is never lost.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCliServer } from '../support/cli.js';
import { newStoreLocation, type TestStoreLocation } from '../support/stores.js';

describe('graceful shutdown', () => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });

  it('keeps every acknowledged report when stopped under load', async () => {
    const loc = await newStoreLocation('sqlite');
    made.push(loc);
    const server = startCliServer(['--port', '0'], { DATA_DIR: loc.dataDir, DATABASE_URL: '', HOST: '127.0.0.1', INTAKE_RATE_LIMIT: '0', DETECT: 'false' });
    const url = await server.ready;
    const acked: string[] = [];
    // Clients send until the process is gone: a server that finished a request after SIGTERM may
    // wait on the idle keep-alive connection (Fastify's keepAliveTimeout) until a client reuses it.
    let gone = false;
    void server.exited.then(() => (gone = true));
    // Stop while the stream is in full flow: after a couple of hundred acknowledgements.
    let inFullFlow!: () => void;
    const twoHundred = new Promise<void>((resolve) => (inFullFlow = resolve));
    const client = async () => {
      while (!gone) {
        try {
          const res = await fetch(`${url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' }) });
          if (res.status === 201) acked.push(((await res.json()) as { id: string }).id);
          if (acked.length >= 200) inFullFlow();
        } catch {
          // The server has stopped listening; send again until the process is gone.
        }
      }
    };
    const clients = Array.from({ length: 20 }, client);
    await twoHundred;
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await Promise.all(clients);
    expect(acked.length).toBeGreaterThanOrEqual(200);
    const db = new Database(path.join(loc.dataDir, 'outage-desk.sqlite'), { readonly: true });
    try {
      const stored = new Set((db.prepare('select id from reports').all() as Array<{ id: string }>).map((r) => r.id));
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
