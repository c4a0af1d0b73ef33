// Cookie-made changes and sign-ins from another site are refused; over TLS (also behind a
// trusted proxy) the cookie is Secure and HSTS is sent; staff JSON is never cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/staff/index.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

describe('browser security', () => {
  let t: TestApp;
  let email: string;
  let password: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '1000', LOGIN_ACCOUNT_LIMIT: '1000' }, { extraRoutes: [webRoutes] });
    ({ user: { email }, password } = await createUser(t.ctx.store.db, 'desk@example.org', 'admin'));
    await t.ctx.store.db.updateTable('users').set({ must_change_password: 0 }).where('email', '=', email).execute();
  });
  afterAll(async () => t.destroy());

  const signIn = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', headers: { host: 'desk.example.org', ...headers }, payload: { email, password } });

  it('refuses a sign-in from another site (login CSRF), by Sec-Fetch-Site or Origin, on the API and the form', async () => {
    const attempts: Array<Record<string, string>> = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }, { origin: 'http://desk.example.org' /* wrong scheme */, 'x-forwarded-proto': 'https' }];
    for (const headers of attempts) {
      const res = await signIn(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().type).toBe('https://outage-desk.dev/problems/cross-site-request');
    }
    const form = await t.app.inject({ method: 'POST', url: '/login', headers: { host: 'desk.example.org', origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=${encodeURIComponent(email)}&password=x` });
    expect(form.statusCode).toBe(403);
  });

  it('over TLS behind the proxy: same-origin sign-in works, the cookie is Secure, HSTS and no-store are sent', async () => {
    const res = await signIn({ 'x-forwarded-proto': 'https', origin: 'https://desk.example.org', 'sec-fetch-site': 'same-origin' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['cache-control']).toBe('no-store');
    const plain = await signIn({}); // plain HTTP, not a browser: no Secure flag, no HSTS
    expect(plain.statusCode).toBe(200);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('refuses a cookie-made change from another site but not a bearer-token script; staff reads are no-store', async () => {
    const cookie = String((await signIn({})).headers['set-cookie']).split(';')[0]!;
    const evil = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/sessions', headers: { host: 'desk.example.org', cookie, 'sec-fetch-site': 'cross-site' } });
    expect(evil.statusCode).toBe(403);
    const ours = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { host: 'desk.example.org', cookie, origin: 'http://desk.example.org' }, payload: { name: 'script' } });
    expect(ours.statusCode).toBeLessThan(300);
    const token = `Bearer ${await t.tokenFor('admin')}`;
    const script = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { authorization: token, origin: 'https://elsewhere.example' }, payload: { name: 'ci' } });
    expect(script.statusCode).toBeLessThan(300);
    const read = await t.app.inject({ url: '/api/v1/reports', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['cache-control']).toBe('no-store');
    // Public report intake is not cookie-made: another site's form may send reports.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', headers: { origin: 'https://partner.example' }, payload: { carrier: 'att', services: ['voice'], zip: '10001' } })).statusCode).toBe(201);
  });
});
