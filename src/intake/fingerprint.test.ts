import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../detect/engine/config.js';
import { openTestStore, STORE_KINDS, type TestStoreLocation } from '../../test/support/stores.js';
import type { Store } from '../store/index.js';
import { clientFingerprint, DailySalts, oldestKeptDay, SALT_GRACE_MS } from './fingerprint.js';

describe('clientFingerprint', () => {
  const salt = randomBytes(32);
  it('is stable for one client under one salt and never contains the IP', () => {
    const a = clientFingerprint(salt, '203.0.113.7', 'Phone/1');
    expect(clientFingerprint(salt, '203.0.113.7', 'Phone/1')).toBe(a);
    expect(a).not.toContain('203');
    expect(a).toHaveLength(22);
  });
  it('differs between clients and salts', () => {
    const a = clientFingerprint(salt, '203.0.113.7', 'Phone/1');
    expect(clientFingerprint(salt, '203.0.113.8', 'Phone/1')).not.toBe(a);
    expect(clientFingerprint(salt, '203.0.113.7', 'Phone/2')).not.toBe(a);
    expect(clientFingerprint(randomBytes(32), '203.0.113.7', 'Phone/1')).not.toBe(a);
  });
  it('keeps a day salt at least as long as the detection dedupe window', () => {
    expect(SALT_GRACE_MS).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.dedupeMinutes * 60_000);
    expect(oldestKeptDay(new Date('2024-02-23T01:59:00Z'))).toBe('2024-02-22');
    expect(oldestKeptDay(new Date('2024-02-23T02:00:00Z'))).toBe('2024-02-23');
  });
});

describe.each(STORE_KINDS)('daily salts on %s', (kind) => {
  let store: Store;
  let location: TestStoreLocation;
  beforeAll(async () => {
    ({ store, location } = await openTestStore(kind));
  });
  afterAll(async () => {
    await store.close();
    await location.destroy();
  });

  const day1 = new Date('2024-02-22T08:00:00Z');

  it('are random per day and shared by every process on the store', async () => {
    const a = new DailySalts(store.db);
    const b = new DailySalts(store.db); // another process
    const [fa, fb] = await Promise.all([a.fingerprint('203.0.113.7', 'Phone/1', day1), b.fingerprint('203.0.113.7', 'Phone/1', day1)]);
    expect(fb).toBe(fa);
    expect(await a.fingerprint('203.0.113.7', 'Phone/1', new Date('2024-02-22T23:59:59Z'))).toBe(fa);
    expect(await a.fingerprint('203.0.113.7', 'Phone/1', new Date('2024-02-23T00:00:00Z'))).not.toBe(fa);
    const rows = await store.db.selectFrom('fingerprint_salts').selectAll().orderBy('day').execute();
    expect(rows.map((r) => r.day)).toEqual(['2024-02-22', '2024-02-23']);
    expect(rows[0]!.salt).not.toBe(rows[1]!.salt);
  });

  it('are deleted once the dedupe window after their day has passed, so old fingerprints cannot be recomputed', async () => {
    const salts = new DailySalts(store.db);
    const before = await salts.fingerprint('203.0.113.7', 'Phone/1', day1);
    expect(await salts.purge(new Date('2024-02-23T01:00:00Z'))).toEqual([]);
    expect(await salts.purge(new Date('2024-02-23T02:00:00Z'))).toEqual(['2024-02-22']);
    const left = await store.db.selectFrom('fingerprint_salts').select('day').execute();
    expect(left.map((r) => r.day)).toEqual(['2024-02-23']);
    // With the salt gone, the same client on that day gets an unrelated fingerprint.
    expect(await new DailySalts(store.db).fingerprint('203.0.113.7', 'Phone/1', day1)).not.toBe(before);
  });

  it('leave no install-wide fingerprint secret in the store', async () => {
    expect(await store.db.selectFrom('settings').select('name').where('name', '=', 'fingerprint_secret').execute()).toEqual([]);
  });
});
