// The in-flight cap: past MAX_IN_FLIGHT intake and staff requests in one process, a new one is
// answered 503 overloaded with Retry-After at once (before its body is read), while the admitted
// ones complete and are stored, and public pages and health are still served. A body still
// arriving after a short grace gives its slot back; a report still waiting for its commit at
// MAX_QUEUE_WAIT_MS is shed, not served late.
import net from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { countReports } from '../../src/store/index.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';

const REPORT = JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' });

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

async function listen(app: TestApp): Promise<number> {
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  return (app.app.server.address() as net.AddressInfo).port;
}

/** A report whose headers are sent now and whose body is sent by `finish`: it holds a slot until then. */
function heldReport(port: number): Promise<{ finish: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const closed = new Promise<string>((done) => socket.on('close', () => done(data)));
    socket.on('data', (c) => (data += c.toString()));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(`POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(REPORT)}\r\n\r\n`);
      resolve({ finish: () => (socket.write(REPORT), closed) });
    });
  });
}

const post = (port: number) => fetch(`http://127.0.0.1:${port}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: REPORT });

/** Posts until one is refused (the held requests have reached their handlers' hooks); returns it. */
async function firstRefused(port: number): Promise<Response> {
  for (;;) {
    const res = await post(port);
    if (res.status === 503) return res;
    await res.text();
  }
}

describe.each(STORE_KINDS)('in-flight cap on %s', (kind) => {
  it('past MAX_IN_FLIGHT answers 503 with Retry-After at once; the admitted ones are stored; public pages and health still served', async () => {
    // The held bodies keep their slots (no grace) so the cap is full while the test looks.
    t = await startTestApp(kind, { MAX_IN_FLIGHT: '4', MAX_QUEUE_WAIT_MS: '0', SHED_RETRY_AFTER_SECONDS: '3', IN_FLIGHT_BODY_GRACE_MS: '600000' }, { extraRoutes: [webRoutes] });
    const port = await listen(t);
    const before = await countReports(t.ctx.store.db);
    const held = await Promise.all(Array.from({ length: 4 }, () => heldReport(port)));
    const refused = await firstRefused(port);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toMatchObject({ type: 'https://outage-desk.dev/problems/overloaded', status: 503, retryAfter: 3 });
    // While the cap is full: every further report is refused, the public and ops routes answer.
    const more = await Promise.all(Array.from({ length: 20 }, () => post(port).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), _: await r.text() }))));
    expect(more.every((r) => r.status === 503 && r.retryAfter === '3')).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    // The admitted ones complete, and then new reports are admitted again.
    const answers = await Promise.all(held.map((h) => h.finish()));
    for (const a of answers) expect(a).toMatch(/^HTTP\/1.1 201/);
    const after = await post(port);
    expect(after.status).toBe(201);
    await t.ctx.intake.drain();
    expect((await countReports(t.ctx.store.db)) - before).toBe(5);
  });

  it('a flood of concurrent reports: the excess gets 503 with Retry-After, every admitted one succeeds and is stored', async () => {
    t = await startTestApp(kind, { MAX_IN_FLIGHT: '8', MAX_QUEUE_WAIT_MS: '0' });
    const app = t.app;
    const answers = await Promise.all(Array.from({ length: 300 }, () => app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT, headers: { 'content-type': 'application/json' } })));
    const created = answers.filter((a) => a.statusCode === 201).length;
    const shed = answers.filter((a) => a.statusCode === 503);
    expect(created + shed.length).toBe(300);
    expect(created).toBeGreaterThanOrEqual(8);
    expect(shed.length).toBeGreaterThan(0);
    expect(shed.every((a) => a.headers['retry-after'] === '2' && a.json().type === 'https://outage-desk.dev/problems/overloaded')).toBe(true);
    await t.ctx.intake.drain();
    expect(await countReports(t.ctx.store.db)).toBe(created);
  });
});

describe('queue deadline', () => {
  it('a slow body gives its slot back: other reports are admitted meanwhile, and it is stored once its body is in', async () => {
    t = await startTestApp('sqlite', { MAX_IN_FLIGHT: '1', MAX_QUEUE_WAIT_MS: '200' });
    const port = await listen(t);
    const slow = await heldReport(port);
    // While its body is within the grace it holds the one slot; past it, a report gets through.
    let res = await post(port);
    while (res.status === 503) {
      await res.text();
      res = await post(port);
    }
    expect(res.status).toBe(201);
    // Its queue wait counts from its body, not from its headers: stored, not shed as late.
    const answer = await slow.finish();
    expect(answer).toMatch(/^HTTP\/1.1 201/);
    expect(await countReports(t.ctx.store.db)).toBe(2);
  });

  it('a report still waiting for its commit at the deadline is answered 503 with Retry-After and not stored', async () => {
    t = await startTestApp('postgres', { MAX_IN_FLIGHT: '64', MAX_QUEUE_WAIT_MS: '300' });
    const port = await listen(t);
    // Commits stall behind a lock: reports are sent until one has to wait in the intake queue.
    const lock = new pg.Client({ connectionString: t.location.databaseUrl });
    await lock.connect();
    await lock.query('begin');
    await lock.query('lock table reports in access exclusive mode');
    const answers: Array<Promise<Response>> = [];
    while (t.ctx.intake.pending === 0) {
      answers.push(post(port));
      await new Promise((r) => setTimeout(r, 20));
    }
    // The condition under test is time itself: the queued report passes its deadline, then the lock goes.
    const queuedAt = performance.now();
    while (performance.now() - queuedAt < 400) await new Promise((r) => setTimeout(r, 20));
    await lock.query('commit');
    await lock.end();
    const res = await Promise.all(answers);
    const refused = res.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.headers.get('retry-after')).toBe('2');
    const created = res.filter((r) => r.status === 201).length;
    expect(created).toBeGreaterThan(0); // the ones already being committed when the lock came are kept
    expect(created + refused.length).toBe(res.length);
    expect(await countReports(t.ctx.store.db)).toBe(created);
  });
});

describe('over the rate limit', () => {
  it('a client over its limit is answered 429 with Retry-After before its body is sent', async () => {
    t = await startTestApp('sqlite', { INTAKE_RATE_LIMIT: '1' });
    const port = await listen(t);
    expect(await (await heldReport(port)).finish()).toMatch(/^HTTP\/1.1 201/); // the one report of this minute
    const socket = net.connect(port, '127.0.0.1');
    const answer = new Promise<string>((resolve) => {
      let data = '';
      socket.on('data', (c) => (data += c.toString()).includes('\r\n\r\n') && resolve(data));
    });
    socket.write(`POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(REPORT)}\r\n\r\n`);
    const head = await answer; // no body sent
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1.1 429/);
    expect(head).toMatch(/retry-after: \d+/i);
    expect(await countReports(t.ctx.store.db)).toBe(1);
  });
});

describe('event streams', () => {
  it('hold no in-flight slot: with MAX_IN_FLIGHT 1 and two streams open, a report is still admitted', async () => {
    t = await startTestApp('sqlite', { MAX_IN_FLIGHT: '1', MAX_QUEUE_WAIT_MS: '0' });
    const port = await listen(t);
    const token = await t.tokenFor('analyst');
    const controller = new AbortController();
    try {
      const streams = await Promise.all([0, 1].map(() => fetch(`http://127.0.0.1:${port}/api/v1/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal })));
      for (const s of streams) expect(s.status).toBe(200);
      expect((await post(port)).status).toBe(201);
    } finally {
      controller.abort();
    }
  });
});
