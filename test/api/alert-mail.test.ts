// E-mail alerts through a real SMTP server (smtp-server on 127.0.0.1, parsed with mailparser),
// on both stores: a partner's e-mail subscription; the public's double opt-in (nothing sent
// before the link is opened), the alert in the subscriber's language, RFC 8058 one-click
// unsubscribe that deletes the address from the store; the address in no admin list.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { STORE_KINDS } from '../support/stores.js';

const until = <T>(fn: () => Promise<T> | T) => vi.waitFor(fn, { timeout: 10_000, interval: 50 });
const PUBLIC_ADDRESS = 'vecina-secreta@example.org';
let clock = Date.now();
const write = (t: TestApp, i: StoredIncident) => upsertIncidents(t.ctx.store.db, [i], new Date((clock += 1000)));
const linkIn = (text: string, path: string): string => {
  const m = new RegExp(`https?://\\S+${path.replace(/\//g, '\\/')}\\S*`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return m[0];
};

describe.each(STORE_KINDS)('alert e-mails on %s', (kind) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp(kind, { SMTP_URL: smtp.url, MAIL_FROM: 'Outage Desk <alerts@desk.example.gov>', PUBLIC_URL: 'http://desk.example.gov', ALERT_POLL_MS: '50', ALERT_RETRY_BASE_MS: '30' }, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await t?.destroy();
    await smtp?.close();
  });

  it('mails a partner subscription, logged as delivered', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${admin}` }, payload: { name: 'EOC', channel: 'email', email: 'eoc@example.gov', networks: ['verizon'] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().secret).toBeNull();
    await write(t, ongoingAttIncident(Date.now(), { id: `verizon-mail-${kind}`, network: 'verizon' }));
    const mail = await until(() => {
      const m = smtp.mails.find((x) => x.subject === 'Verizon: outage reported');
      expect(m).toBeDefined();
      return m!;
    });
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe('eoc@example.gov');
    expect(mail.text).toContain('nationwide');
    await until(async () => {
      const items = (await t.app.inject({ url: `/api/v1/alerts/subscriptions/${res.json().id}/deliveries`, headers: { authorization: `Bearer ${admin}` } })).json().items;
      expect(items).toMatchObject([{ status: 'delivered', log: [{ statusCode: 250 }] }]);
    });
  });

  it('public: double opt-in, the alert in Spanish, one-click unsubscribe deletes the address', async () => {
    const form = await t.app.inject({ method: 'POST', url: '/status/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `lang=es&email=${encodeURIComponent(PUBLIC_ADDRESS)}&network=tmobile&state=ny` });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('lang="es"');
    const confirmMail = await until(() => {
      const m = smtp.mails.find((x) => x.subject === 'Confirme sus alertas de fallas');
      expect(m).toBeDefined();
      return m!;
    });
    // Not confirmed yet: an outage now is not mailed to the address.
    await write(t, ongoingAttIncident(Date.now(), { id: `tmobile-early-${kind}`, network: 'tmobile', scope: { level: 'state', regions: ['36'] } }));
    const listed = await t.app.inject({ url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${admin}` } });
    expect(listed.json().publicSubscribers).toBe(0);
    expect(listed.body).not.toContain(PUBLIC_ADDRESS);

    const confirm = new URL(linkIn(confirmMail.text ?? '', '/status/subscribe/confirm'));
    expect(confirm.origin).toBe('http://desk.example.gov');
    const confirmed = await t.app.inject({ url: confirm.pathname + confirm.search });
    expect(confirmed.statusCode).toBe(200);
    expect((await t.app.inject({ url: confirm.pathname + confirm.search })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${admin}` } })).json().publicSubscribers).toBe(1);
    expect(smtp.mails.filter((m) => m.to && 'text' in m.to && m.to.text === PUBLIC_ADDRESS)).toHaveLength(1);

    await write(t, ongoingAttIncident(Date.now(), { id: `tmobile-ny-${kind}`, network: 'tmobile', scope: { level: 'state', regions: ['36'] } }));
    await write(t, ongoingAttIncident(Date.now(), { id: `tmobile-ca-${kind}`, network: 'tmobile', scope: { level: 'state', regions: ['06'] } }));
    const alert = await until(() => {
      const m = smtp.mails.find((x) => x.subject === 'T-Mobile: falla reportada' && x.text?.includes(`en NY`));
      expect(m).toBeDefined();
      return m!;
    });
    expect(smtp.mails.some((m) => m.text?.includes('en CA'))).toBe(false);
    const line = (key: string) => alert.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '').replace(/\r?\n\s+/g, ' ');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribeUrl = new URL(/^<(https?:\/\/[^>]+)>$/.exec(line('list-unsubscribe') ?? '')![1]!);
    expect(unsubscribeUrl.origin).toBe('http://desk.example.gov');
    // RFC 8058: a POST with no session, no cookie, only this body.
    const done = await t.app.inject({ method: 'POST', url: unsubscribeUrl.pathname + unsubscribeUrl.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(done.statusCode).toBe(200);
    const left = await t.ctx.store.db.selectFrom('public_subscribers').select('email').execute();
    expect(left.map((r) => r.email)).not.toContain(PUBLIC_ADDRESS);
  });

  it('refuses a bad sign-up by naming what is needed, and a forged unsubscribe token deletes nothing', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/status/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=nope&network=att&state=ZZ' });
    expect(bad.statusCode).toBe(400);
    await t.app.inject({ method: 'POST', url: '/status/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=keep%40example.org&network=att&state=TX' });
    const [row] = await t.ctx.store.db.selectFrom('public_subscribers').select('id').where('email', '=', 'keep@example.org').execute();
    await t.app.inject({ method: 'POST', url: `/status/unsubscribe?token=${row!.id}.forged`, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await t.ctx.store.db.selectFrom('public_subscribers').select('id').where('id', '=', row!.id).execute()).toHaveLength(1);
  });
});
