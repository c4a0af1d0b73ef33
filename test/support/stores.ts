// Real stores for tests: a fresh SQLite file, and a fresh database on the real PostgreSQL
// server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres). The
// Postgres suite never skips: if the server is down the tests fail and say so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

export const ADMIN_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

export interface TestStoreLocation {
  kind: StoreKind;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Drops the database / removes the directory. */
  destroy(): Promise<void>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_PG_URL });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_PG_URL} (${String(err)}); start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A place for a store that does not exist yet: the code under test opens (and migrates) it. */
export async function newStoreLocation(kind: StoreKind): Promise<TestStoreLocation> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-test-'));
  if (kind === 'sqlite') {
    return { kind, dataDir, databaseUrl: undefined, destroy: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `od_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  return {
    kind,
    dataDir,
    databaseUrl: withDatabase(ADMIN_PG_URL, name),
    destroy: async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export async function openTestStore(kind: StoreKind): Promise<{ store: Store; location: TestStoreLocation }> {
  const location = await newStoreLocation(kind);
  const store = await openStore(location);
  return { store, location };
}
