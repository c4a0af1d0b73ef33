// Idempotency keys are the sending client's: another client with the same key gets its own
// report; a key is kept 24 h and then cleared (the report stays); an over-long key is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireIdempotencyKeys } from '../../src/intake/idempotency.js';
import { countReports } from '../../src/store/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';

const REPORT = { carrier: 'att', services: ['voice'], zip: '10001' };

describe.each(STORE_KINDS)('idempotency keys on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.destroy());

  const post = (key: string, from: { address?: string; ua?: string; auth?: string } = {}, body: object = REPORT) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      remoteAddress: from.address ?? '203.0.113.1',
      headers: { 'idempotency-key': key, 'user-agent': from.ua ?? 'phone', ...(from.auth ? { authorization: from.auth } : {}) },
      payload: body,
    });

  it('are scoped to the client: the same key from another client is another report, and cannot claim or read the first', async () => {
    const mine = await post('shared-key');
    const again = await post('shared-key');
    expect(again.json().id).toBe(mine.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const theirs = await post('shared-key', { address: '198.51.100.2' });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    // A different body under another client's key is no conflict either.
    expect((await post('shared-key', { address: '198.51.100.3' }, { ...REPORT, zip: '60601' })).statusCode).toBe(201);
    // Token holders are scoped by their token, whatever address they come from.
    const token = `Bearer ${await t.tokenFor('analyst')}`;
    const a = await post('import-1', { auth: token, address: '192.0.2.1' });
    const b = await post('import-1', { auth: token, address: '192.0.2.2' });
    expect(b.json().id).toBe(a.json().id);
  });

  it('are kept 24 hours, then cleared so the key is new again; the report stays', async () => {
    const first = await post('day-key', { address: '198.51.100.9' });
    const before = await countReports(t.ctx.store.db);
    expect(await expireIdempotencyKeys(t.ctx.store.db, new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect((await post('day-key', { address: '198.51.100.9' })).json().id).toBe(first.json().id);
    expect(await expireIdempotencyKeys(t.ctx.store.db, new Date(Date.now() + 24 * 3_600_000 + 60_000))).toBeGreaterThan(0);
    const later = await post('day-key', { address: '198.51.100.9' });
    expect(later.statusCode).toBe(201);
    expect(later.json().id).not.toBe(first.json().id);
    expect(await countReports(t.ctx.store.db)).toBe(before + 1);
    const kept = await t.ctx.store.db.selectFrom('reports').select(['id', 'idempotency_key']).where('id', '=', first.json().id).executeTakeFirstOrThrow();
    expect(kept.idempotency_key).toBeNull();
  });

  it('store the key only hashed with its scope, and refuse one over 200 characters with a 400', async () => {
    const raw = 'visible-key-123';
    await post(raw);
    const keys = (await t.ctx.store.db.selectFrom('reports').select('idempotency_key').execute()).map((r) => r.idempotency_key);
    expect(keys).not.toContain(raw);
    const before = await countReports(t.ctx.store.db);
    const long = await post('k'.repeat(201));
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([{ path: 'headers.idempotency-key', message: 'must be at most 200 characters' }]);
    expect((await post('k'.repeat(200))).statusCode).toBe(201);
    expect(await countReports(t.ctx.store.db)).toBe(before + 1);
  });
});
