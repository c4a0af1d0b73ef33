// Staff accounts as their owners and admins meet them, on both stores: the forced first password
// change, tokens (named, expiring, revoked at once), sessions (idle and absolute ends, sign out
// everywhere), disabling, the last admin, and one sign-in limiter for the form and the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/staff/index.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';

const NEW_PASSWORD = 'a long new passphrase 7';

describe.each(STORE_KINDS)('staff accounts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { LOGIN_RATE_LIMIT: '1000' });
  });
  afterAll(async () => t.destroy());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, auth: { cookie?: string; token?: string }, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { ...(auth.cookie ? { cookie: auth.cookie } : {}), ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}) },
      ...(body === undefined ? {} : { payload: body as object }),
    });

  async function signIn(email: string, password: string): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
    expect(res.statusCode).toBe(200);
    return String(res.headers['set-cookie']).split(';')[0]!;
  }

  /** A new account signed in with its chosen password: a cookie that works everywhere it may. */
  async function member(role: 'admin' | 'investigator' | 'analyst') {
    const { user, password } = await createUser(t.ctx.store.db, `${role}-${Math.random().toString(36).slice(2)}@example.org`, role);
    const first = await signIn(user.email, password);
    expect((await call('POST', '/api/v1/me/password', { cookie: first }, { currentPassword: password, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    return { user, cookie: first };
  }

  it('asks for a new password at first sign-in and refuses everything else until then', async () => {
    const { user, password } = await createUser(t.ctx.store.db, 'first@example.org', 'investigator');
    const cookie = await signIn(user.email, password);
    for (const url of ['/api/v1/me', '/api/v1/incidents', '/api/v1/reports', '/api/v1/tokens']) {
      const res = await call('GET', url, { cookie });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().type).toBe('https://outage-desk.dev/problems/password-change-required');
    }
    const short = await call('POST', '/api/v1/me/password', { cookie }, { currentPassword: password, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([{ path: 'newPassword', message: 'must be at least 12 characters' }]);
    const wrong = await call('POST', '/api/v1/me/password', { cookie }, { currentPassword: 'not-it', newPassword: NEW_PASSWORD });
    expect(wrong.json().errors).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);
    expect((await call('POST', '/api/v1/me/password', { cookie }, { currentPassword: password, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    const me = await call('GET', '/api/v1/me', { cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'first@example.org', role: 'investigator', mustChangePassword: false });
    // The printed password is spent; the chosen one signs in.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password } })).statusCode).toBe(401);
    await signIn(user.email, NEW_PASSWORD);
  });

  it('issues named, expiring tokens whose secret is shown once, and a revoked token is refused at once', async () => {
    const { cookie } = await member('analyst');
    const made = await call('POST', '/api/v1/tokens', { cookie }, { name: 'nightly export', expiresInDays: 30 });
    expect(made.statusCode).toBe(201);
    const tok = made.json();
    expect(tok).toMatchObject({ name: 'nightly export', lastUsedAt: null });
    expect(tok.token).toMatch(/^odt_/);
    expect(Date.parse(tok.expiresAt) - Date.parse(tok.createdAt)).toBe(30 * 86_400_000);
    expect((await call('GET', '/api/v1/incidents', { token: tok.token })).statusCode).toBe(200);
    const listed = (await call('GET', '/api/v1/tokens', { cookie })).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: tok.id, name: 'nightly export' })]);
    expect(listed[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(tok.token);
    expect((await call('DELETE', `/api/v1/tokens/${tok.id}`, { token: tok.token })).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/incidents', { token: tok.token })).statusCode).toBe(401);
    expect((await call('DELETE', `/api/v1/tokens/${tok.id}`, { cookie })).statusCode).toBe(404);
  });

  it('refuses a token past its expiry and a session past its idle or absolute end', async () => {
    const { user, cookie } = await member('analyst');
    const tok = (await call('POST', '/api/v1/tokens', { cookie }, { name: 'short-lived' })).json();
    await t.ctx.store.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', tok.id).execute();
    expect((await call('GET', '/api/v1/me', { token: tok.token })).statusCode).toBe(401);

    const idle = await signIn(user.email, NEW_PASSWORD);
    const absolute = await signIn(user.email, NEW_PASSWORD);
    const [idleRow, absoluteRow] = await t.ctx.store.db.selectFrom('sessions').select('session_hash').where('user_id', '=', user.id).orderBy('created_at', 'desc').limit(2).execute();
    expect((await call('GET', '/api/v1/me', { cookie: idle })).statusCode).toBe(200);
    const idleLimitMs = t.ctx.config.sessionIdleMinutes * 60_000;
    // Which row is which does not matter: move one past the idle end, the other past the absolute end.
    await t.ctx.store.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - idleLimitMs - 1000) }).where('session_hash', '=', idleRow!.session_hash).execute();
    await t.ctx.store.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('session_hash', '=', absoluteRow!.session_hash).execute();
    expect((await call('GET', '/api/v1/me', { cookie: idle })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me', { cookie: absolute })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me', { cookie })).statusCode).toBe(200);
  });

  it('signs out everywhere: every session of the account ends, its tokens keep working', async () => {
    const { user, cookie } = await member('investigator');
    const other = await signIn(user.email, NEW_PASSWORD);
    const tok = (await call('POST', '/api/v1/tokens', { cookie }, { name: 'script' })).json();
    const res = await call('DELETE', '/api/v1/me/sessions', { cookie });
    expect(res.statusCode).toBe(200);
    expect(res.json().ended).toBe(2);
    expect((await call('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me', { cookie: other })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me', { token: tok.token })).statusCode).toBe(200);
  });

  it('lets admins add, re-role and disable staff; a disabled account is out at once; the last admin stays', async () => {
    const admin = await member('admin');
    const added = await call('POST', '/api/v1/users', admin, { email: 'New.Analyst@Example.org', role: 'analyst' });
    expect(added.statusCode).toBe(201);
    const { user, password } = added.json();
    expect(user).toMatchObject({ email: 'new.analyst@example.org', role: 'analyst', mustChangePassword: true, disabled: false });
    expect((await call('POST', '/api/v1/users', admin, { email: 'new.analyst@example.org', role: 'analyst' })).json().type).toMatch(/user-exists$/);
    const cookie = await signIn(user.email, password);
    await call('POST', '/api/v1/me/password', { cookie }, { currentPassword: password, newPassword: NEW_PASSWORD });
    const tok = (await call('POST', '/api/v1/tokens', { cookie }, { name: 'x' })).json();
    expect((await call('GET', '/api/v1/users', { cookie })).statusCode).toBe(403);

    const promoted = await call('PATCH', `/api/v1/users/${user.id}`, admin, { role: 'investigator' });
    expect(promoted.json().role).toBe('investigator');
    const disabled = await call('PATCH', `/api/v1/users/${user.id}`, admin, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await call('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me', { token: tok.token })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: user.email, password: NEW_PASSWORD } })).statusCode).toBe(401);
    const listed = (await call('GET', '/api/v1/users', admin)).json().items;
    expect(listed.find((u: { id: string }) => u.id === user.id)).toMatchObject({ disabled: true, role: 'investigator' });
    expect((await call('PATCH', '/api/v1/users/nobody', admin, { disabled: true })).statusCode).toBe(404);
    expect((await call('PATCH', `/api/v1/users/${user.id}`, admin, {})).statusCode).toBe(400);

    // Every other admin disabled: the last one can neither be disabled nor lose the role.
    for (const u of listed as Array<{ id: string; role: string; disabled: boolean }>) {
      if (u.role === 'admin' && !u.disabled && u.id !== admin.user.id) await call('PATCH', `/api/v1/users/${u.id}`, admin, { disabled: true });
    }
    for (const change of [{ disabled: true }, { role: 'analyst' }]) {
      const res = await call('PATCH', `/api/v1/users/${admin.user.id}`, admin, change);
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toMatch(/last-admin$/);
    }
  });

  it('answers an unknown email as slowly as a known one with a wrong password', async () => {
    const { user } = await member('analyst');
    const time = async (email: string) => {
      const start = process.hrtime.bigint();
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: 'wrong password here' } });
      expect(res.statusCode).toBe(401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time('warm-up@example.org');
    // Taken in turns, so a busy moment of the machine slows both alike (three of each in a row failed once at load 7-8).
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(user.email));
      unknown.push(await time('nobody@example.org'));
    }
    // Both pay one argon2 verification; without the decoy an unknown email answered in ~1 % of the time.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.5);
  });
});

describe('one sign-in limiter for the form and the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { LOGIN_RATE_LIMIT: '3' }, { extraRoutes: [webRoutes] });
  });
  afterAll(async () => t.destroy());

  it('counts attempts from one address across both and answers 429 with Retry-After on either', async () => {
    const api = () => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'a@example.org', password: 'guess' } });
    const form = () => t.app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a%40example.org&password=guess' });
    expect((await api()).statusCode).toBe(401);
    expect((await form()).statusCode).toBe(401);
    expect((await api()).statusCode).toBe(401);
    const limitedForm = await form();
    expect(limitedForm.statusCode).toBe(429);
    expect(limitedForm.body).toContain('Too many sign-in attempts');
    const limitedApi = await api();
    expect(limitedApi.statusCode).toBe(429);
    expect(limitedApi.json().type).toMatch(/login-rate-limited$/);
    expect(Number(limitedApi.headers['retry-after'])).toBeGreaterThan(0);
  });
});
