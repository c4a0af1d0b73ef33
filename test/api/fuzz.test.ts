// Thousands of generated malformed bodies must never produce a 5xx: bad input is always a 4xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';

// Any UTF-16 code unit: NUL, controls, lone surrogates — what a broken client or a bot may send.
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 });

const field = fc.oneof(
  fc.string(),
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constantFrom('voice', 'sms', 'data', '911', 'fax'))),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
  fc.constantFrom('att', 'cricket', '10001', '00000', '2024-02-22T08:50:00Z', '2999-01-01T00:00:00Z', '', 'a'.repeat(2100)),
);

const reportLike = fc.record(
  {
    carrier: field,
    services: field,
    sosMode: field,
    zip: field,
    startedAt: field,
    endedAt: field,
    calledCarrier: field,
    description: field,
    contact: fc.oneof(field, fc.record({ name: field, email: field, phone: field }, { requiredKeys: [] })),
    consentToContact: field,
    website: field,
  },
  { requiredKeys: [] },
);

// Valid but for the free text, so the body reaches the store (where PostgreSQL refuses NUL).
const storableLike = fc.record({
  carrier: fc.constantFrom('att', 'verizon', 'cricket'),
  services: fc.constant(['voice']),
  zip: fc.constantFrom('10001', '60601'),
  description: anyText,
  contact: fc.record({ name: anyText, email: fc.constantFrom('', 'a@b.org'), phone: anyText }, { requiredKeys: [] }),
});

const anyBody = fc.oneof(
  reportLike.map((o) => JSON.stringify(o)),
  storableLike.map((o) => JSON.stringify(o)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')),
);

describe.each(STORE_KINDS)('malformed intake bodies on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { INTAKE_RATE_LIMIT: '0' });
  });
  afterAll(async () => t.destroy());

  it('never answer 5xx (3000 generated bodies)', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'), async (payload, type) => {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': type }, payload });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/problem\+json/);
      }),
      { numRuns: 3000 },
    );
  });
});

// Every route of the OpenAPI document, as a hostile client calls it: each declared path and
// query parameter and body field gets text the store cannot hold (NUL, lone surrogates),
// instants that do not exist, huge numbers and cursors. Signed in as an admin, so staff routes
// reach the store. No answer may be a 5xx, and a refused request must store nothing.
const nasty = fc.oneof(
  anyText,
  fc.constantFrom(
    '\u0000', 'a\u0000b', '\ud800', 'x\udc00', '2024-02-21T23:59:60Z', '2024-02-30T00:00:00Z', '+275760-09-13T00:00:00Z',
    '1e19', '-1', '-0', '9'.repeat(30), 'x'.repeat(300), '', 'NaN', 'null', '[]', '{}',
    Buffer.from('-8640000000000000|x').toString('base64url'), Buffer.from('1708591800000|\u0000').toString('base64url'),
    Buffer.from('99999999999999999999|a|b').toString('base64url'),
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e19, -1, 2 ** 53, Number.MAX_VALUE),
);

/** Percent-encodes as a client would; a lone surrogate has no UTF-8, so send bytes no UTF-8 decoder accepts. */
const encode = (v: unknown): string => {
  try {
    return encodeURIComponent(String(v));
  } catch {
    return '%ED%A0%80';
  }
};

interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  params: Array<{ in: string; name: string }>;
  bodyFields: string[];
}

function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    if (path === '/api/v1/events') continue; // a stream that never ends by itself
    for (const [method, op] of Object.entries(byMethod)) {
      const schema = op.requestBody?.content['application/json']?.schema;
      ops.push({ method: method.toUpperCase() as Operation['method'], path, params: op.parameters ?? [], bodyFields: Object.keys(schema?.properties ?? {}) });
    }
  }
  return ops;
}

describe.each(STORE_KINDS)('every API route with hostile input on %s', (kind) => {
  let t: TestApp;
  let ops: Operation[];
  let auth: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { INTAKE_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '100000', LOGIN_ACCOUNT_LIMIT: '100000', LOGIN_GLOBAL_LIMIT: '100000' });
    auth = `Bearer ${await t.tokenFor('admin')}`;
    ops = operationsOf((await t.app.inject({ url: '/api/openapi.json' })).json());
  });
  afterAll(async () => t.destroy());

  const stored = async () => {
    const db = t.ctx.store.db;
    const n = async (table: 'reports' | 'users' | 'api_tokens' | 'incidents') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return [await n('reports'), await n('users'), await n('api_tokens'), await n('incidents')];
  };

  it('never answer 5xx, and store nothing when they refuse', async () => {
    expect(ops.length).toBeGreaterThan(15);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.nat(), nasty), { maxLength: 6 }), fc.oneof(fc.dictionary(fc.string(), nasty), nasty), async (which, values, extra) => {
        const op = ops[which % ops.length]!;
        seen.add(`${op.method} ${op.path}`);
        let url = op.path;
        const query: string[] = [];
        const body: Record<string, unknown> = typeof extra === 'object' && extra !== null ? { ...extra } : {};
        const fields = [...op.params.map((p) => `${p.in}:${p.name}`), ...op.bodyFields.map((f) => `body:${f}`)];
        for (const [i, v] of values) {
          const f = fields[i % Math.max(1, fields.length)];
          if (!f) break;
          const [where, name] = f.split(':') as [string, string];
          if (where === 'query') query.push(`${name}=${encode(v)}`);
          if (where === 'body') body[name] = v;
        }
        url = url.replace(/\{(\w+)\}/g, () => encode(values[0]?.[1] ?? '\u0000'));
        const before = await stored();
        const res = await t.app.inject({
          method: op.method,
          url: query.length ? `${url}?${query.join('&')}` : url,
          headers: { authorization: auth, ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
          ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: typeof extra === 'object' ? JSON.stringify(body) : JSON.stringify(extra) }),
        });
        expect(res.statusCode, `${op.method} ${res.statusCode} ${url}?${query.join('&')} ${res.body.slice(0, 200)}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(await stored(), `${op.method} ${url} stored something on ${res.statusCode}`).toEqual(before);
      }),
      { numRuns: 600 },
    );
    expect(seen.size).toBe(ops.length);
  });

  it('answer the inputs that used to be 500s with a 400 naming the field', async () => {
    const get = (url: string) => t.app.inject({ url, headers: { authorization: auth } });
    const cases: Array<[string, string]> = [
      ['/api/v1/reports?since=2024-02-21T23:59:60Z', 'querystring.since'],
      ['/api/v1/reports?until=2024-02-30T00:00:00Z', 'querystring.until'],
      ['/api/v1/reports?carrier=a%00b', 'querystring.carrier'],
      ['/api/v1/reports/abc%00def', 'params.id'],
      ['/api/v1/incidents/abc%00def', 'params.id'],
      ['/api/v1/incidents?offset=1e19', 'querystring.offset'],
      ['/api/v1/reports?cursor=' + Buffer.from('-8640000000000000|x').toString('base64url'), 'querystring.cursor'],
      ['/api/v1/audit?actor=%00', 'querystring.actor'],
    ];
    for (const [url, path] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path), url).toContain(path);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'a\u0000@example.org', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().errors[0].path).toBe('email');
    const lone = await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { 'content-type': 'application/json' }, payload: '{"carrier":"att","services":["voice"],"zip":"10001","description":"\\ud800"}' });
    expect(lone.statusCode).toBe(400);
    expect(lone.json().errors[0].path).toBe('description');
  });
});
