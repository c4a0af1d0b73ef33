// The incidents API on both stores: the list's exact shape, its filters, the detail's
// series and evidence, validation of the querystring and staff-only access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';
import { SEEDED, seedIncidents, SUMMARY_KEYS } from './fixtures.js';

describe.each(STORE_KINDS)('incidents API on %s', (kind) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedIncidents(t.ctx.store);
    token = await t.tokenFor('analyst');
  });
  afterAll(async () => t?.destroy());

  const get = (url: string, auth = true) => t.app.inject({ url, headers: auth ? { authorization: `Bearer ${token}` } : {} });
  const ids = async (query: string): Promise<string[]> => {
    const res = await get(`/api/v1/incidents${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json().items as Array<{ id: string }>).map((i) => i.id).sort();
  };

  it('lists items with exactly the contract fields', async () => {
    const items = (await get('/api/v1/incidents')).json().items as Array<Record<string, unknown>>;
    expect(items).toHaveLength(SEEDED.length);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);
      expect(Object.keys(item.scope as object).sort()).toEqual(['level', 'regions']);
      expect(Object.keys(item.peak as object).sort()).toEqual(['at', 'count']);
    }
    expect(items.find((i) => i.network === 'att')!.scope).toEqual({ level: 'nation', regions: ['US'] });
  });

  it('filters by status', async () => {
    expect(await ids('?status=resolved')).toEqual(['att-20240222T0845Z', 'verizon-20240222T0900Z']);
    expect(await ids('?status=open')).toEqual(['boost-20240302T0000Z', 'tmobile-20240301T1000Z']);
    expect(await ids('?status=confirmed')).toEqual(['tmobile-20240301T1000Z']);
    expect(await ids('?status=dismissed')).toEqual([]);
  });

  it('filters by kind and network', async () => {
    expect(await ids('?kind=collateral')).toEqual(['verizon-20240222T0900Z']);
    expect(await ids('?kind=primary')).toHaveLength(3);
    expect(await ids('?network=tmobile')).toEqual(['tmobile-20240301T1000Z']);
  });

  it('filters by time: since = still active then, until = began before', async () => {
    // verizon resolved at 12:00, before `since`; att was still on at 15:00.
    expect(await ids('?since=2024-02-22T15:00:00Z')).toEqual(['att-20240222T0845Z', 'boost-20240302T0000Z', 'tmobile-20240301T1000Z']);
    expect(await ids('?until=2024-02-22T08:50:00Z')).toEqual(['att-20240222T0845Z']);
    expect(await ids('?since=2024-02-22T15:00:00Z&until=2024-03-01T12:00:00Z')).toEqual(['att-20240222T0845Z', 'tmobile-20240301T1000Z']);
  });

  it('serves the detail with series and evidence', async () => {
    const res = await get('/api/v1/incidents/verizon-20240222T0900Z');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(Object.keys(d).sort()).toEqual([...SUMMARY_KEYS, 'case', 'evidence', 'impact', 'nors', 'series'].sort());
    expect(d.evidence.opening.llr).toBe(60);
    expect(d.series).toHaveLength(1);
    expect(d.primaryIncidentId).toBe('att-20240222T0845Z');
    expect((await get('/api/v1/incidents/nope')).statusCode).toBe(404);
  });

  it('rejects an unknown status with a 400 problem naming querystring.status', async () => {
    const res = await get('/api/v1/incidents?status=bogus');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['querystring.status']);
    expect((await get('/api/v1/incidents?kind=bogus')).statusCode).toBe(400);
  });

  it('answers anonymous callers with 401', async () => {
    for (const url of ['/api/v1/incidents', '/api/v1/incidents/att-20240222T0845Z']) {
      const res = await get(url, false);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
