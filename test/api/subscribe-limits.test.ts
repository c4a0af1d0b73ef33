// Limits on the public subscribe form (src/http/subscribe-limits.ts) on both stores: past the
// per-e-mail, per-network-address or overall limit a sign-up is answered 429 with Retry-After
// and a page in the visitor's language, and no confirmation e-mail is sent; the counters are
// in the store, so a second app on the same store (another process) counts with the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { STORE_KINDS } from '../support/stores.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const signUp = (t: TestApp, email: string, opts: { lang?: string; ip?: string } = {}) =>
  t.app.inject({ method: 'POST', url: '/status/subscribe', headers: FORM, remoteAddress: opts.ip ?? '198.51.100.7', payload: `${opts.lang ? `lang=${opts.lang}&` : ''}email=${encodeURIComponent(email)}&network=att&state=NY` });

describe.each(STORE_KINDS)('subscribe form limits on %s', (kind) => {
  let a: TestApp;
  let b: TestApp;
  let smtp: TestSmtp;
  const env = () => ({ SMTP_URL: smtp.url, SUBSCRIBE_EMAIL_LIMIT: '2', SUBSCRIBE_RATE_LIMIT: '4', SUBSCRIBE_GLOBAL_LIMIT: '6' });
  beforeAll(async () => {
    smtp = await startSmtp();
    a = await startTestApp(kind, env(), { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
    // A second process on the same store.
    b = await startTestApp(kind, env(), { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage }, a.location);
  });
  afterAll(async () => {
    await b?.close();
    await a?.destroy();
    await smtp?.close();
  });

  it('per e-mail address, across processes: the third sign-up for one address in a day is 429, in Spanish', async () => {
    expect((await signUp(a, 'flood@example.org', { ip: '203.0.113.1' })).statusCode).toBe(200);
    expect((await signUp(b, 'flood@example.org', { ip: '203.0.113.2' })).statusCode).toBe(200);
    const sentBefore = smtp.mails.length;
    const refused = await signUp(a, 'FLOOD@example.org', { lang: 'es', ip: '203.0.113.3' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3_600);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.body).toContain('<html lang="es"');
    expect(refused.body).toContain('Demasiadas suscripciones');
    expect(refused.body).toContain('horas');
    expect(smtp.mails.length).toBe(sentBefore);
  });

  it('per network address and overall: past them, 429 with Retry-After and a friendly page in English', async () => {
    // 198.51.100.7 has 4 sign-ups an hour, the install 6 (2 used above).
    for (let i = 0; i < 4; i++) expect((await signUp(i % 2 ? a : b, `n${i}@example.org`)).statusCode).toBe(200);
    const byAddress = await signUp(a, 'n5@example.org');
    expect(byAddress.statusCode).toBe(429);
    expect(Number(byAddress.headers['retry-after'])).toBeGreaterThan(0);
    expect(byAddress.body).toContain('<html lang="en"');
    expect(byAddress.body).toContain('Too many sign-ups');
    const overall = await signUp(b, 'someone-else@example.org', { ip: '192.0.2.99' });
    expect(overall.statusCode).toBe(429);
    expect(overall.headers['retry-after']).toBeDefined();
  });
});
