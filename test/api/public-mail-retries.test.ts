// The public's e-mails go through an outbox (src/alerts/public-mail.ts), on both stores: an
// SMTP server that refuses twice (451) and then accepts gets the confirmation, and later the
// alert, exactly once each, retried with backoff; the outbox rows end delivered after three
// attempts and hold neither the address nor a token; unsubscribing deletes the rows.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publicMailStatus } from '../../src/alerts/public-mail.js';
import { upsertIncidents } from '../../src/incidents/index.js';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { startSmtp } from '../support/smtp.js';
import { STORE_KINDS } from '../support/stores.js';

const until = <T>(fn: () => Promise<T> | T) => vi.waitFor(fn, { timeout: 10_000, interval: 50 });
const ADDRESS = 'reintentos@example.org';

describe.each(STORE_KINDS)('public e-mail retries on %s', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const to = (address: string) => smtp.mails.filter((m) => m.to && 'text' in m.to && m.to.text === address);
  beforeAll(async () => {
    smtp = await startSmtp({ refuse: 2 });
    t = await startTestApp(kind, { SMTP_URL: smtp.url, PUBLIC_URL: 'http://desk.example.gov', ALERT_POLL_MS: '50', ALERT_RETRY_BASE_MS: '40' }, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
  });
  afterAll(async () => {
    await t?.destroy();
    await smtp?.close();
  });

  it('retries the confirmation and the alert until the SMTP server accepts, and sends each once', async () => {
    const form = await t.app.inject({ method: 'POST', url: '/status/subscribe', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `lang=es&email=${encodeURIComponent(ADDRESS)}&network=verizon&state=TX` });
    expect(form.statusCode).toBe(200);
    const [sub] = await t.ctx.store.db.selectFrom('public_subscribers').select('id').where('email', '=', ADDRESS).execute();
    await until(async () => expect(await publicMailStatus(t.ctx.store.db, sub!.id)).toEqual([{ event: 'confirm', status: 'delivered', attempts: 3 }]));
    expect(smtp.refused).toBe(2);
    const confirmations = to(ADDRESS);
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.subject).toBe('Confirme sus alertas de fallas');
    // Neither the address nor the confirmation token is kept in the outbox.
    const rows = await t.ctx.store.db.selectFrom('public_mail').selectAll().execute();
    const link = /https?:\/\/\S+\/status\/subscribe\/confirm\S*/.exec(confirmations[0]!.text ?? '')![0];
    const token = new URL(link).searchParams.get('token')!;
    expect(JSON.stringify(rows)).not.toContain(ADDRESS);
    expect(JSON.stringify(rows)).not.toContain(token.split('.')[1]);
    const confirmed = await t.app.inject({ url: new URL(link).pathname + new URL(link).search });
    expect(confirmed.statusCode).toBe(200);

    smtp.refuseNext(2);
    await upsertIncidents(t.ctx.store.db, [ongoingAttIncident(Date.now(), { id: `verizon-tx-${kind}`, network: 'verizon', scope: { level: 'state', regions: ['48'] } })]);
    await until(async () => expect(await publicMailStatus(t.ctx.store.db, sub!.id)).toContainEqual({ event: 'incident.opened', status: 'delivered', attempts: 3 }));
    const alerts = to(ADDRESS).filter((m) => m.subject === 'Verizon: falla reportada');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.headerLines.some((h) => h.key === 'list-unsubscribe-post')).toBe(true);

    const unsubscribeUrl = new URL(/<(https?:\/\/[^>]+)>/.exec(alerts[0]!.headerLines.find((h) => h.key === 'list-unsubscribe')!.line)![1]!);
    const done = await t.app.inject({ method: 'POST', url: unsubscribeUrl.pathname + unsubscribeUrl.search, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(done.statusCode).toBe(200);
    expect(await publicMailStatus(t.ctx.store.db, sub!.id)).toEqual([]);
  });
});
