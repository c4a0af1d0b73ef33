// The report API on both stores: the same assertions against SQLite and a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';

const valid = {
  carrier: 'att',
  services: ['voice', 'sms', 'data', '911'],
  sosMode: true,
  zip: '10001',
  startedAt: new Date(Date.now() - 3600_000).toISOString(),
  endedAt: null,
  calledCarrier: 'verizon',
  description: 'Phone shows SOS since this morning',
  contact: { name: 'Ana Ruiz', email: 'ana@example.org', phone: '+1 212 555 0100' },
  consentToContact: true,
};

describe.each(STORE_KINDS)('report API on %s', (kind) => {
  let t: TestApp;
  let investigator: string;
  let analyst: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    investigator = await t.tokenFor('investigator');
    analyst = await t.tokenFor('analyst');
  });
  afterAll(async () => t.destroy());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': 'application/json', ...headers }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('stores a report and reads it back with network, county and state', async () => {
    const res = await post({ ...valid, carrier: 'cricket' });
    expect(res.statusCode).toBe(201);
    const ack = res.json();
    expect(ack).toEqual({ id: expect.any(String), receivedAt: expect.any(String), reference: expect.stringMatching(/^OD-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });
    const back = await get(`/api/v1/reports/${ack.id}`, investigator);
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({
      id: ack.id,
      reference: ack.reference,
      receivedAt: ack.receivedAt,
      carrier: 'cricket',
      network: 'att',
      county: '36061',
      state: '36',
      services: ['voice', 'sms', 'data', '911'],
      sosMode: true,
      calledCarrier: 'verizon',
      calledNetwork: 'verizon',
      source: 'api',
      contact: valid.contact,
      startedAt: valid.startedAt,
    });
    expect(back.json().fingerprint).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(back.json())).not.toContain('127.0.0.1');
  });

  it.each([
    ['unknown carrier', { carrier: 'acme' }, 'carrier'],
    ['unknown ZIP', { zip: '00000' }, 'zip'],
    ['empty services', { services: [] }, 'services'],
    ['unknown service', { services: ['voice', 'fax'] }, 'services'],
    ['startedAt after receivedAt', { startedAt: new Date(Date.now() + 3600_000).toISOString() }, 'startedAt'],
    ['startedAt more than 30 days before', { startedAt: new Date(Date.now() - 31 * 86400_000).toISOString() }, 'startedAt'],
    ['endedAt before startedAt', { endedAt: new Date(Date.now() - 2 * 3600_000).toISOString() }, 'endedAt'],
    ['description too long', { description: 'x'.repeat(2001) }, 'description'],
    ['bad email', { contact: { email: 'ana-at-example' } }, 'contact.email'],
    ['description of the wrong type', { description: 42 }, 'description'],
  ])('400 problem+json for %s, naming the field', async (_n, patch, path) => {
    const res = await post({ ...valid, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(body.errors.find((e: { path: string }) => e.path === path).message).toEqual(expect.any(String));
  });

  it('400 for malformed JSON, 413 over 16 KiB, 415 for a wrong content type', async () => {
    const bad = await post('{"carrier": ');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json().errors).toEqual([{ path: 'body', message: 'The request body is not valid JSON.' }]);
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body');
    const big = await post({ ...valid, description: 'x'.repeat(17 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().status).toBe(413);
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    const form = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'carrier=att' });
    expect(form.statusCode).toBe(415);
  });

  it('an idempotent retry stores one row and returns the first answer', async () => {
    const key = `retry-${kind}-${Date.now()}`;
    const body = { ...valid, zip: '90210' };
    const [a, b] = await Promise.all([post(body, { 'idempotency-key': key }), post(body, { 'idempotency-key': key })]);
    const c = await post(body, { 'idempotency-key': key });
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect(b.json()).toEqual(a.json());
    expect(c.json()).toEqual(a.json());
    expect(c.headers['idempotent-replayed']).toBe('true');
    const list = await get('/api/v1/reports?zip=90210&limit=50', investigator);
    expect(list.json().items.filter((r: { id: string }) => r.id === a.json().id)).toHaveLength(1);
    expect(list.json().items).toHaveLength(1);
    const other = await post({ ...body, zip: '10001' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
  });

  it('hides contact details from analysts and shows them to investigators', async () => {
    const id = (await post(valid)).json().id;
    const asAnalyst = (await get(`/api/v1/reports/${id}`, analyst)).json();
    expect(asAnalyst.contact).toBeNull();
    expect(asAnalyst.contactRedacted).toBe(true);
    expect(JSON.stringify(asAnalyst)).not.toContain('ana@example.org');
    const list = (await get('/api/v1/reports?limit=5', analyst)).json();
    expect(JSON.stringify(list)).not.toContain('ana@example.org');
    expect((await get(`/api/v1/reports/${id}`, investigator)).json().contact.email).toBe('ana@example.org');
  });

  it('401 for anonymous and bad tokens on every staff route', async () => {
    const id = (await post(valid)).json().id;
    for (const url of [`/api/v1/reports/${id}`, '/api/v1/reports', '/api/v1/me']) {
      const anon = await get(url);
      expect(anon.statusCode).toBe(401);
      expect(anon.headers['content-type']).toMatch(/problem\+json/);
      expect((await get(url, 'odt_not-a-token')).statusCode).toBe(401);
    }
  });

  it('paginates newest first with a cursor and filters', async () => {
    for (const zip of ['60601', '60602', '60603']) expect((await post({ ...valid, carrier: 'tmobile', zip })).statusCode).toBe(201);
    const p1 = (await get('/api/v1/reports?network=tmobile&limit=2', analyst)).json();
    expect(p1.items.map((r: { zip: string }) => r.zip)).toEqual(['60603', '60602']);
    const p2 = (await get(`/api/v1/reports?network=tmobile&limit=2&cursor=${p1.nextCursor}`, analyst)).json();
    expect(p2.items.map((r: { zip: string }) => r.zip)).toEqual(['60601']);
    expect(p2.nextCursor).toBeNull();
    const bad = await get('/api/v1/reports?state=Texas', analyst);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.state');
  });

  it('finds a report by the reference a caller reads out, however they say it', async () => {
    const ack = (await post({ ...valid, zip: '73301' })).json();
    const spoken = ack.reference.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const found = (await get(`/api/v1/reports?reference=${encodeURIComponent(spoken)}`, analyst)).json();
    expect(found.items.map((r: { id: string }) => r.id)).toEqual([ack.id]);
    const bad = await get('/api/v1/reports?reference=hello', analyst);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.reference');
  });

  it('404 problem for an unknown report id', async () => {
    const res = await get('/api/v1/reports/0190d000-0000-7000-8000-000000000000', investigator);
    expect(res.statusCode).toBe(404);
    expect(res.json().status).toBe(404);
  });
});

describe.each(STORE_KINDS)('durability and limits on %s', (kind) => {
  it('a report is still there after a restart', async () => {
    const first = await startTestApp(kind);
    const token = await first.tokenFor('admin');
    const ack = (await first.app.inject({ method: 'POST', url: '/api/v1/reports', payload: valid })).json();
    await first.close();
    const second = await startTestApp(kind, {}, {}, first.location);
    try {
      const back = await second.app.inject({ method: 'GET', url: `/api/v1/reports/${ack.id}`, headers: { authorization: `Bearer ${token}` } });
      expect(back.statusCode).toBe(200);
      expect(back.json().reference).toBe(ack.reference);
    } finally {
      await second.destroy();
    }
  });

  it('rate-limits a client with 429 and Retry-After', async () => {
    const t = await startTestApp(kind, { INTAKE_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: valid, headers: { 'user-agent': 'same-phone' } });
        codes.push(last.statusCode);
      }
      expect(codes).toEqual([201, 201, 201, 429, 429]);
      expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(last!.json().status).toBe(429);
      const otherClient = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: valid, headers: { 'user-agent': 'other-phone' } });
      expect(otherClient.statusCode).toBe(201);
    } finally {
      await t.destroy();
    }
  });

  it('a fresh Idempotency-Key or User-Agent per request is no way around the limit; a true retry is answered', async () => {
    const t = await startTestApp(kind, { INTAKE_RATE_LIMIT: '1' });
    try {
      const send = (ua: string, key: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: valid, headers: { 'user-agent': ua, 'idempotency-key': key } });
      const first = await send('phone', 'k-1');
      expect(first.statusCode).toBe(201);
      expect((await send('phone', 'k-2')).statusCode).toBe(429);
      const retry = await send('phone', 'k-1');
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json().id).toBe(first.json().id);
      // One address: 20 x the per-client limit, whatever the User-Agent says.
      const codes: number[] = [];
      for (let i = 0; i < 21; i++) codes.push((await send(`bot-${i}`, `u-${i}`)).statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(19); // 'phone' already used one of the 20
      expect(codes.at(-1)).toBe(429);
    } finally {
      await t.destroy();
    }
  });

  it('a honeypot submission looks accepted but stores nothing', async () => {
    const t = await startTestApp(kind);
    try {
      const token = await t.tokenFor('analyst');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { ...valid, website: 'http://buy.example' } });
      expect(res.statusCode).toBe(201);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/reports', headers: { authorization: `Bearer ${token}` } });
      expect(list.json().items).toHaveLength(0);
    } finally {
      await t.destroy();
    }
  });
});
