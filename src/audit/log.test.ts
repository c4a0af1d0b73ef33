import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestStore, STORE_KINDS, type TestStoreLocation } from '../../test/support/stores.js';
import type { Store } from '../store/index.js';
import { recordAudit, verifyAuditChain } from './index.js';

describe.each(STORE_KINDS)('audit chain on %s', (kind) => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });

  async function chainOf(n: number): Promise<Store> {
    const { store, location } = await openTestStore(kind);
    made.push(location);
    // Concurrent appends still make one chain (serialised by the store's write lock).
    await Promise.all(Array.from({ length: n }, (_, i) => recordAudit(store, { actor: 'inv@x.org', action: 'report.read-contact', target: `r${i + 1}`, detail: { reportIds: [`r${i + 1}`] } })));
    return store;
  }

  it('verifies an intact chain and names an edited event', async () => {
    const store = await chainOf(5);
    try {
      expect(await verifyAuditChain(store)).toBeNull();
      await store.db.updateTable('audit_events').set({ target: 'someone-else' }).where('seq', '=', 3).execute();
      expect(await verifyAuditChain(store)).toEqual({ seq: 3, reason: expect.stringContaining('edited') });
    } finally {
      await store.close();
    }
  });

  it('names the event after a deleted one, and events cut off the end', async () => {
    const store = await chainOf(6);
    try {
      await store.db.deleteFrom('audit_events').where('seq', '=', 6).execute();
      expect(await verifyAuditChain(store)).toEqual({ seq: 6, reason: expect.stringContaining('cut off the end') });
      await store.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
      expect(await verifyAuditChain(store)).toEqual({ seq: 3, reason: expect.stringContaining('deleted') });
    } finally {
      await store.close();
    }
  });

  it('walks a long chain in pages, reporting progress', async () => {
    const store = await chainOf(1200);
    try {
      const seen: number[] = [];
      expect(await verifyAuditChain(store, (n) => seen.push(n))).toBeNull();
      expect(seen).toEqual([1000, 1200]);
    } finally {
      await store.close();
    }
  });
});

describe('audit appends beside another process writing the embedded store', () => {
  it('wait for the write lock instead of failing with "database is locked"', async () => {
    const { store, location } = await openTestStore('sqlite');
    // Another process commits as fast as it can, as the server does beside the CLI.
    const writer = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]); db.pragma('busy_timeout = 10000');
      const put = db.prepare("insert or replace into settings(name, value) values ('busy', ?)");
      process.stdout.write('ready\\n');
      for (let i = 0; ; i++) put.run(String(i));`, store.file!], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise((resolve) => writer.stdout.once('data', resolve));
      for (let round = 0; round < 10; round++) {
        await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(store, { actor: 'cli', action: 'user.add', target: `u${round}-${i}` })));
      }
      expect(await verifyAuditChain(store)).toBeNull();
    } finally {
      writer.kill();
      await store.close();
      await location.destroy();
    }
  });
});
