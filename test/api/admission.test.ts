// Admission control: a full intake queue, a lagging event loop or memory past its cap is
// answered 503 with Retry-After at once on intake and staff routes, while public pages and
// health stay served; every 201 is stored, nothing refused is.
import { afterEach, describe, expect, it } from 'vitest';
import { countReports } from '../../src/store/index.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';

const REPORT = { carrier: 'att', services: ['voice'], zip: '10001' };

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

describe.each(STORE_KINDS)('intake queue on %s', (kind) => {
  it('past MAX_PENDING_REPORTS answers 503 with Retry-After, and stores exactly the reports it acknowledged', async () => {
    t = await startTestApp(kind, { MAX_PENDING_REPORTS: '8', SHED_RETRY_AFTER_SECONDS: '3' });
    const app = t.app;
    const answers = await Promise.all(Array.from({ length: 400 }, () => app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT })));
    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.statusCode, (byStatus.get(a.statusCode) ?? 0) + 1);
    const shed = answers.filter((a) => a.statusCode === 503);
    expect(shed.length).toBeGreaterThan(0);
    expect(byStatus.get(201)).toBeGreaterThan(0);
    expect([...byStatus.keys()].sort()).toEqual([201, 503]);
    expect(shed[0]!.headers['retry-after']).toBe('3');
    expect(shed[0]!.json()).toMatchObject({ type: 'https://outage-desk.dev/problems/overloaded', status: 503, retryAfter: 3 });
    await t.ctx.intake.drain();
    expect(await countReports(t.ctx.store.db)).toBe(byStatus.get(201));
    expect((await app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT })).statusCode).toBe(201);
  });
});

describe('under pressure', () => {
  it('memory past MEMORY_CAP_MB sheds intake and staff routes; public pages and health are still served', async () => {
    t = await startTestApp('sqlite', { MEMORY_CAP_MB: '1' }, { extraRoutes: [webRoutes] });
    const app = t.app;
    const token = await t.tokenFor('analyst');
    while (!app.isUnderPressure()) await new Promise((r) => setTimeout(r, 20)); // the first sample
    const report = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT });
    expect(report.statusCode).toBe(503);
    expect(report.headers['retry-after']).toBe('2');
    expect(report.headers['content-type']).toMatch(/problem\+json/);
    expect((await app.inject({ url: '/api/v1/reports', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(503);
    expect((await app.inject({ url: '/' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
    expect(await countReports(t.ctx.store.db)).toBe(0);
  });

  it('a lagging event loop sheds intake at once and recovers', async () => {
    t = await startTestApp('sqlite', { MAX_EVENT_LOOP_DELAY_MS: '50' });
    const app = t.app;
    expect(app.isUnderPressure()).toBe(false);
    // A loop that stays behind (as a CPU-bound flood makes it): 150 ms turns, again and again.
    const until = Date.now() + 10_000;
    while (!app.isUnderPressure() && Date.now() < until) {
      const end = Date.now() + 150;
      while (Date.now() < end);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(app.isUnderPressure()).toBe(true);
    // One request alone is let through (a slow loop without load is not relieved by refusing it);
    // a crowd is shed at once.
    expect((await app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT })).statusCode).toBe(201);
    while (!app.isUnderPressure()) {
      const end = Date.now() + 150;
      while (Date.now() < end);
      await new Promise((r) => setTimeout(r, 0));
    }
    const crowd = await Promise.all(Array.from({ length: 40 }, () => app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT })));
    const codes = new Set(crowd.map((r) => r.statusCode));
    expect(codes.has(503)).toBe(true);
    expect(crowd.find((r) => r.statusCode === 503)!.headers['retry-after']).toBe('2');
    while (app.isUnderPressure()) await new Promise((r) => setTimeout(r, 20));
    expect((await app.inject({ method: 'POST', url: '/api/v1/reports', payload: REPORT })).statusCode).toBe(201);
  });
});
