// Live detection end to end on both stores: reports committed to the store are picked up by the
// leader, the incident is written back, and any API process serves it.
import { afterAll, describe, expect, it } from 'vitest';
import { BulkImporter } from '../../src/intake/bulk-import.js';
import { startLiveDetection } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';
import { countyOutageReports, HOUR, OUTAGE } from './fixtures.js';

describe.each(STORE_KINDS)('live detection on %s', (kind) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.destroy();
  });

  it('finds a county outage from committed reports and serves it through the API', async () => {
    const t = await startTestApp(kind);
    apps.push(t);
    const importer = new BulkImporter(t.ctx.store, new Date(OUTAGE + 4 * HOUR));
    for (const r of countyOutageReports()) expect(importer.add(r)).toBeNull();
    await importer.finish();

    let now = OUTAGE + 2 * HOUR;
    const live = await startLiveDetection({ store: t.ctx.store, databaseUrl: t.location.databaseUrl, clock: () => new Date(now), pollMs: 50, settleMs: 0, warmupDays: 7 });
    try {
      const token = await t.tokenFor('analyst');
      let items: Array<Record<string, unknown>> = [];
      for (let i = 0; i < 100 && items.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        items = (await t.app.inject({ url: '/api/v1/incidents?network=tmobile', headers: { authorization: `Bearer ${token}` } })).json().items;
      }
      expect(live.isLeader()).toBe(true);
      expect(items).toHaveLength(1);
      const inc = items[0] as { id: string; scope: { level: string; regions: string[] }; kind: string; onsetAt: string; detectedAt: string };
      expect(inc.kind).toBe('primary');
      expect(inc.scope).toEqual({ level: 'county', regions: ['48201'] });
      expect(Date.parse(inc.detectedAt)).toBeLessThanOrEqual(OUTAGE + 15 * 60_000);
      expect(Date.parse(inc.onsetAt)).toBeGreaterThanOrEqual(OUTAGE - 10 * 60_000);
      const detail = (await t.app.inject({ url: `/api/v1/incidents/${inc.id}`, headers: { authorization: `Bearer ${token}` } })).json();
      expect(detail.series.length).toBeGreaterThan(0);
      expect(detail.series.some((p: { observed: number; expected: number }) => p.observed > 10 * Math.max(p.expected, 1))).toBe(true);
      // Time passes with no more reports: the incident resolves.
      now = OUTAGE + 8 * HOUR;
      let status = '';
      for (let i = 0; i < 100 && status !== 'resolved'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await t.app.inject({ url: `/api/v1/incidents/${inc.id}`, headers: { authorization: `Bearer ${token}` } })).json().status;
      }
      expect(status).toBe('resolved');
    } finally {
      await live.stop();
    }
    const anon = await t.app.inject({ url: '/api/v1/incidents' });
    expect(anon.statusCode).toBe(401);
  });
});

describe.each(STORE_KINDS)('live incident counts on %s', (kind) => {
  it('keep up with the reports while the incident is open, not only when the engine reports a change', async () => {
    const t = await startTestApp(kind);
    const importer = new BulkImporter(t.ctx.store, new Date(OUTAGE + 4 * HOUR));
    for (const r of countyOutageReports()) expect(importer.add(r)).toBeNull();
    await importer.finish();
    let now = OUTAGE + 20 * 60_000;
    const live = await startLiveDetection({ store: t.ctx.store, databaseUrl: t.location.databaseUrl, clock: () => new Date(now), pollMs: 50, settleMs: 0, warmupDays: 7 });
    try {
      const token = await t.tokenFor('analyst');
      const stored = async () => ((await t.app.inject({ url: '/api/v1/incidents?network=tmobile', headers: { authorization: `Bearer ${token}` } })).json().items[0] ?? null) as { reportCount: number; status: string } | null;
      let first = await stored();
      for (let i = 0; i < 100 && !first; i++) first = (await new Promise((r) => setTimeout(r, 50)), await stored());
      await new Promise((r) => setTimeout(r, 200));
      first = await stored();
      // Six more minutes at a steady rate: the 15-minute peak no longer grows, no status changes.
      now = OUTAGE + 26 * 60_000;
      let later = first;
      for (let i = 0; i < 100 && later!.reportCount < first!.reportCount + 30; i++) later = (await new Promise((r) => setTimeout(r, 50)), await stored());
      expect(later!.status).not.toBe('resolved');
      expect(later!.reportCount).toBeGreaterThanOrEqual(first!.reportCount + 30);
    } finally {
      await live.stop();
      await t.destroy();
    }
  });
});

describe('leader election on postgres', () => {
  it('lets one of two processes lead, and the other take over when it stops', async () => {
    const t = await startTestApp('postgres');
    try {
      const opts = { store: t.ctx.store, databaseUrl: t.location.databaseUrl, clock: () => new Date(), pollMs: 30 };
      const a = await startLiveDetection(opts);
      await new Promise((r) => setTimeout(r, 100));
      const b = await startLiveDetection(opts);
      await new Promise((r) => setTimeout(r, 150));
      expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
      await a.stop();
      for (let i = 0; i < 50 && !b.isLeader(); i++) await new Promise((r) => setTimeout(r, 30));
      expect(b.isLeader()).toBe(true);
      await b.stop();
    } finally {
      await t.destroy();
    }
  });
});
