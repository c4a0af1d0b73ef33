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
