// Migrations run from empty on both stores, are idempotent, and are named NNNN_snake_case.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrate, openStore, storedDate, type Store } from './index.js';
import { newStoreLocation, STORE_KINDS, type StoreKind, type TestStoreLocation } from '../../test/support/stores.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('migration files', () => {
  it('are named NNNN_snake_case and numbered without gaps', () => {
    const names = fs.readdirSync(path.join(here, 'migrations')).filter((f) => /^\d/.test(f)).sort();
    names.forEach((name, i) => expect(name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z0-9_]+\\.ts$`)));
  });
});

describe.each(STORE_KINDS)('migrations on %s', (kind) => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });

  it('create every table from empty and a second run changes nothing', async () => {
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const store = await openStore(loc);
    try {
      const tables = (await store.db.introspection.getTables()).map((t) => t.name);
      for (const t of ['reports', 'users', 'api_tokens', 'sessions', 'settings', 'incidents', 'audit_events', 'case_files', 'case_events', 'case_reports', 'impact_tallies', 'statements', 'claims', 'incident_statements', 'incident_claims', 'fingerprint_salts']) expect(tables).toContain(t);
      expect(await migrate(store)).toEqual([]);
      const reports = (await store.db.introspection.getTables()).find((t) => t.name === 'reports')!;
      expect(reports.columns.map((c) => c.name)).toContain('received_at');
      const indexes = await reportIndexes(store, kind);
      expect(indexes).toContain('reports_received_at');
      // 0003 dropped the state index from the write path; 0005 brings it back beside ZIP and county (the complaints filters)
      for (const i of ['reports_zip_received_at', 'reports_county_received_at', 'reports_state_received_at']) expect(indexes).toContain(i);
    } finally {
      await store.close();
    }
  });

  it('store and return times exactly (UTC, millisecond precision)', async () => {
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const store = await openStore(loc);
    try {
      const at = new Date('2024-02-22T08:45:00.123Z');
      await store.db.insertInto('users').values({ id: 'u1', email: 'a@b.c', role: 'admin', password_hash: null, created_at: at, disabled: 0 }).execute();
      const row = await store.db.selectFrom('users').selectAll().where('created_at', '=', at).executeTakeFirstOrThrow();
      // Each query maps its time columns explicitly (store/time.ts), so the raw value differs by store.
      expect(row.created_at instanceof Date ? 'Date' : typeof row.created_at).toBe(kind === 'postgres' ? 'Date' : 'number');
      expect(storedDate(row.created_at).toISOString()).toBe(at.toISOString());
    } finally {
      await store.close();
    }
  });
});

async function reportIndexes(store: Store, kind: StoreKind): Promise<string[]> {
  const q = kind === 'sqlite'
    ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'reports'`
    : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'reports'`;
  return (await q.execute(store.db)).rows.map((r) => r.name);
}
