// Partner webhooks end to end, on both stores, with real HTTP receivers on 127.0.0.1: the
// signature verifies with the Standard Webhooks reference verifier; a receiver failing twice
// then succeeding gets exactly one successful delivery logged; filters by network, state and
// severity; the events an incident's life makes; pause after repeated failure; replay; and two
// API processes on one PostgreSQL enqueue each delivery once.
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { newStoreLocation, STORE_KINDS } from '../support/stores.js';

const ENV = { ALERT_RETRY_BASE_MS: '30', ALERT_RETRY_MAX_MS: '200', ALERT_MAX_ATTEMPTS: '3', ALERT_PAUSE_AFTER: '3', ALERT_POLL_MS: '50' };
const until = <T>(fn: () => Promise<T>) => vi.waitFor(fn, { timeout: 10_000, interval: 50 });

interface DeliveryBody {
  id: string;
  event: string;
  status: string;
  attempts: number;
  incidentId: string;
  log: Array<{ statusCode: number | null }>;
}

async function subscribe(t: TestApp, token: string, body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${token}` }, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function deliveries(t: TestApp, token: string, subId: string): Promise<DeliveryBody[]> {
  const res = await t.app.inject({ url: `/api/v1/alerts/subscriptions/${subId}/deliveries`, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

let clock = Date.now();
/** Each write a little later than the last, so every poller sees each version. */
const write = (t: TestApp, i: StoredIncident) => upsertIncidents(t.ctx.store.db, [i], new Date((clock += 1000)));

describe.each(STORE_KINDS)('partner webhooks on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const receivers: Receiver[] = [];
  const receiver = async (script: number[]) => {
    const r = await startReceiver(script);
    receivers.push(r);
    return r;
  };
  beforeAll(async () => {
    t = await startTestApp(kind, ENV);
    admin = await t.tokenFor('admin');
  });
  afterAll(async () => {
    await t?.destroy();
    for (const r of receivers) await r.close();
  });

  it('signs with Standard Webhooks, retries a receiver that fails twice, and logs one success; filters by network, state and severity', async () => {
    const flaky = await receiver([500, 503, 200]);
    const sub = await subscribe(t, admin, { name: 'County 911', channel: 'webhook', url: flaky.url, networks: ['att'], states: ['NY'] });
    expect(sub.secret).toMatch(/^whsec_/);
    const verizonOnly = await subscribe(t, admin, { name: 'Verizon only', channel: 'webhook', url: (await receiver([200])).url, networks: ['verizon'] });
    const california = await subscribe(t, admin, { name: 'California', channel: 'webhook', url: (await receiver([200])).url, states: ['CA'] });
    const severeOnly = await subscribe(t, admin, { name: 'Severe only', channel: 'webhook', url: (await receiver([200])).url, minSeverity: 'severe' });
    const listed = await t.app.inject({ url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${admin}` } });
    expect(listed.body).not.toContain(sub.secret);

    const incident = ongoingAttIncident(Date.now(), { id: `att-hook-${kind}`, scope: { level: 'state', regions: ['36'] }, services: { voice: 0.9, sms: 0.2, data: 0.1, '911': 0 } });
    await write(t, incident);

    const [d] = await until(async () => {
      const items = await deliveries(t, admin, sub.id);
      expect(items.map((x) => x.status)).toEqual(['delivered']);
      return items;
    });
    expect(d!.event).toBe('incident.opened');
    expect(d!.log.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(d!.log.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(flaky.received).toHaveLength(3);
    for (const r of flaky.received) {
      expect(r.headers['webhook-id']).toBe(d!.id);
      const verified = new Webhook(sub.secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> };
      expect(verified.type).toBe('incident.opened');
      expect(verified.data).toMatchObject({ id: incident.id, network: 'att', reports: { count: 1200, suppressed: false } });
      expect(verified.data).not.toHaveProperty('evidence');
      expect(verified.data).not.toHaveProperty('peak');
    }
    expect(() => new Webhook(sub.secret).verify(flaky.received[0]!.body.replace('att', 'atx'), flaky.received[0]!.headers)).toThrow();
    // One transaction enqueues for every subscription: the others are decided by now.
    expect(await deliveries(t, admin, verizonOnly.id)).toEqual([]);
    expect(await deliveries(t, admin, california.id)).toEqual([]);
    expect(await deliveries(t, admin, severeOnly.id)).toEqual([]);
  });

  it('alerts scope changes, 911 affected and resolution once each; nothing below the threshold', async () => {
    const hook = await receiver([200]);
    const sub = await subscribe(t, admin, { name: 'Everything', channel: 'webhook', url: hook.url });
    const thin = ongoingAttIncident(Date.now(), { id: `att-thin-${kind}`, reportCount: 9 });
    const base = ongoingAttIncident(Date.now(), { id: `att-life-${kind}`, scope: { level: 'county', regions: ['36061'] }, services: { voice: 0.9, sms: 0, data: 0, '911': 0 } });
    await write(t, thin);
    await write(t, base);
    await until(async () => expect((await deliveries(t, admin, sub.id)).map((x) => x.event)).toEqual(['incident.opened']));
    const seen = (n: number) => until(async () => {
      const items = await deliveries(t, admin, sub.id);
      expect(items).toHaveLength(n);
      expect(items.every((x) => x.status === 'delivered')).toBe(true);
    });
    const state = { ...base, scope: { level: 'state' as const, regions: ['36'] } };
    const with911 = { ...state, services: { voice: 0.9, sms: 0, data: 0, '911': 0.5 } };
    await write(t, { ...base, reportCount: base.reportCount + 5 }); // no alert-worthy change
    await write(t, state);
    await seen(2);
    await write(t, with911);
    await seen(3);
    await write(t, { ...with911, status: 'resolved', resolvedAt: new Date().toISOString() });
    await seen(4);
    const events = ['incident.opened', 'incident.scope-changed', 'incident.911-affected', 'incident.resolved'];
    expect((await deliveries(t, admin, sub.id)).map((x) => x.event).reverse()).toEqual(events);
    expect(hook.received.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual(events);
    expect(hook.received.some((r) => r.body.includes(thin.id))).toBe(false);
  });

  it('pauses a subscription after repeated failure; a failed delivery is replayed once resumed', async () => {
    const down = await receiver([500]);
    const sub = await subscribe(t, admin, { name: 'Down', channel: 'webhook', url: down.url, networks: ['tmobile'] });
    await write(t, ongoingAttIncident(Date.now(), { id: `tmobile-down-${kind}`, network: 'tmobile' }));
    const [failed] = await until(async () => {
      const items = await deliveries(t, admin, sub.id);
      expect(items.map((x) => x.status)).toEqual(['failed']);
      return items;
    });
    expect(failed!.log.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    const auth = { authorization: `Bearer ${admin}` };
    const listed = (await t.app.inject({ url: '/api/v1/alerts/subscriptions', headers: auth })).json().items as Array<{ id: string; status: string; pausedReason: string }>;
    expect(listed.find((s) => s.id === sub.id)).toMatchObject({ status: 'paused', pausedReason: '3 failed attempts in a row' });

    down.script = [200];
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/alerts/deliveries/${failed!.id}/replay`, headers: auth })).statusCode).toBe(202);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/alerts/deliveries/${failed!.id}/replay`, headers: auth })).json()).toMatchObject({ status: 409, type: expect.stringContaining('delivery-not-failed') });
    // Paused: nothing goes out until an admin resumes.
    expect(down.received).toHaveLength(3);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/alerts/subscriptions/${sub.id}`, headers: auth, payload: { status: 'active' } })).json()).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    await until(async () => expect((await deliveries(t, admin, sub.id)).map((x) => x.status)).toEqual(['delivered']));
    expect(down.received.map((r) => r.headers['webhook-id'])).toEqual(Array(4).fill(failed!.id));
  });

  it('is for admins only, names bad fields, and audits every change', async () => {
    const analyst = await t.tokenFor('analyst');
    const res = await t.app.inject({ url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${analyst}` } });
    expect(res.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${admin}` }, payload: { name: 'x', channel: 'webhook', url: 'ftp://x', states: ['ny'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/url/);
    expect(bad.body).toMatch(/states/);
    const noUrl = await t.app.inject({ method: 'POST', url: '/api/v1/alerts/subscriptions', headers: { authorization: `Bearer ${admin}` }, payload: { name: 'x', channel: 'webhook' } });
    expect(noUrl.json()).toMatchObject({ status: 400, errors: [{ path: 'url' }] });
    const sub = await subscribe(t, admin, { name: 'Gone soon', channel: 'webhook', url: 'http://127.0.0.1:9/x' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/alerts/subscriptions/${sub.id}`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/alerts/subscriptions/${sub.id}`, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(404);
    const audit = (await t.app.inject({ url: `/api/v1/audit?target=${sub.id}`, headers: { authorization: `Bearer ${admin}` } })).json().items as Array<{ action: string }>;
    expect(audit.map((a) => a.action).sort()).toEqual(['alert.create', 'alert.delete']);
  });
});

describe('partner webhooks with two API processes on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let hook: Receiver;
  beforeAll(async () => {
    const location = await newStoreLocation('postgres');
    a = await startTestApp('postgres', ENV, {}, location);
    b = await startTestApp('postgres', ENV, {}, location);
    hook = await startReceiver([200]);
  });
  afterAll(async () => {
    await b?.close();
    await a?.destroy();
    await hook?.close();
  });

  it('enqueues and sends each delivery once though both processes watch', async () => {
    const admin = await a.tokenFor('admin');
    const sub = await subscribe(a, admin, { name: 'Shared', channel: 'webhook', url: hook.url });
    // b learns of the subscription at its next start check; make it watch now as a's does.
    const admin2 = await a.tokenFor('admin');
    await subscribe(b, admin2, { name: 'Shared too', channel: 'webhook', url: hook.url, networks: ['uscellular'] });
    const incident = ongoingAttIncident(Date.now(), { id: 'att-twice' });
    await write(a, incident);
    await write(b, { ...incident, status: 'resolved', resolvedAt: new Date().toISOString() });
    await until(async () => {
      const items = await deliveries(a, admin, sub.id);
      expect(items.map((x) => `${x.event}:${x.status}`).sort()).toEqual(['incident.opened:delivered', 'incident.resolved:delivered']);
    });
    expect(hook.received.map((r) => r.headers['webhook-id']).length).toBe(2);
  });
});
