// Live detection end to end on both stores: reports committed to the store are picked up by the
// leader, the incident is written back, and any API process serves it.
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BulkImporter } from '../../src/intake/bulk-import.js';
import { startLiveDetection } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';
import { countyOutageReports, engineReportCount, HOUR, LIVE_WAIT, OUTAGE } from './fixtures.js';

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
      const items = await vi.waitFor(async () => {
        const listed = (await t.app.inject({ url: '/api/v1/incidents?network=tmobile', headers: { authorization: `Bearer ${token}` } })).json().items as Array<Record<string, unknown>>;
        expect(listed).toHaveLength(1);
        return listed;
      }, LIVE_WAIT);
      expect(live.isLeader()).toBe(true);
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
      const status = async () => (await t.app.inject({ url: `/api/v1/incidents/${inc.id}`, headers: { authorization: `Bearer ${token}` } })).json().status as string;
      await expect.poll(status, LIVE_WAIT).toBe('resolved');
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
      // Settled: the leader has stored what the engine makes of every report up to now.
      const settled = await engineReportCount(t.ctx.store, 'tmobile', now);
      await expect.poll(async () => (await stored())?.reportCount, LIVE_WAIT).toBe(settled);
      // Six more minutes at a steady rate: the 15-minute peak no longer grows, no status changes.
      now = OUTAGE + 26 * 60_000;
      const later = await vi.waitFor(async () => {
        const now26 = (await stored())!;
        expect(now26.reportCount).toBeGreaterThanOrEqual(settled + 30);
        return now26;
      }, LIVE_WAIT);
      expect(later.status).not.toBe('resolved');
      expect(later.reportCount).toBeGreaterThanOrEqual(settled + 30);
    } finally {
      await live.stop();
      await t.destroy();
    }
  });
});

/** Sessions of this test's database whose last statement, finished, asked for the leader lock. */
async function lockRequestsAnswered(t: TestApp): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
    where datname = current_database() and state = 'idle' and query like 'select pg_try_advisory_lock%'`.execute(t.ctx.store.db);
  return Number(r.rows[0]!.n);
}

describe('leader election on postgres', () => {
  it('lets one of two processes lead, and the other take over when it stops', async () => {
    const t = await startTestApp('postgres');
    try {
      const opts = { store: t.ctx.store, databaseUrl: t.location.databaseUrl, clock: () => new Date(), pollMs: 30 };
      const a = await startLiveDetection(opts);
      await expect.poll(() => a.isLeader(), LIVE_WAIT).toBe(true);
      const b = await startLiveDetection(opts);
      // Both sessions have asked for the lock (b's answer is back): b was refused.
      await expect.poll(() => lockRequestsAnswered(t), LIVE_WAIT).toBe(2);
      expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
      await a.stop();
      await expect.poll(() => b.isLeader(), LIVE_WAIT).toBe(true);
      await b.stop();
    } finally {
      await t.destroy();
    }
  });
});
