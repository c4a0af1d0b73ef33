// Leader failover mid-replay on PostgreSQL: two live-detection instances on one database while
// reports stream in; the leader's session holding the advisory lock is killed (as when its
// process dies: pg_terminate_backend, then it is gone) in the middle of an open outage; the
// standby takes over, catches up from the store, and the incidents it leaves are exactly those
// a plain replay of the same reports gives — none duplicated, none lost.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { listIncidents, replayStore, startLiveDetection, type LiveDetection } from '../../src/incidents/index.js';
import { BulkImporter } from '../../src/intake/bulk-import.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { countyOutageReports, engineReportCount, HOUR, LIVE_WAIT, OUTAGE } from './fixtures.js';

const WAIT = { ...LIVE_WAIT, timeout: 30_000 };

let t: TestApp | undefined;
const lives: LiveDetection[] = [];
afterEach(async () => {
  for (const l of lives.splice(0)) await l.stop();
  await t?.destroy();
  t = undefined;
});

async function importReports(rows: Array<Record<string, unknown>>): Promise<void> {
  const importer = new BulkImporter(t!.ctx.store, new Date(OUTAGE + 4 * HOUR));
  for (const r of rows) expect(importer.add(r)).toBeNull();
  await importer.finish();
}

/** The backend holding the leader lock, ended as if its process had been killed. */
async function killLeaderSession(): Promise<number> {
  const r = await sql<{ pid: number }>`select pid from pg_locks where locktype = 'advisory' and objid = 7411002 and granted and database = (select oid from pg_database where datname = current_database())`.execute(t!.ctx.store.db);
  expect(r.rows).toHaveLength(1);
  const pid = r.rows[0]!.pid;
  await sql`select pg_terminate_backend(${pid})`.execute(t!.ctx.store.db);
  return pid;
}

/** What the store says, in a form that two runs can be compared by (no volatile fields). */
async function storedIncidents() {
  const items = await listIncidents(t!.ctx.store.db, { limit: 1000 });
  return items.map((i) => ({ id: i.id, network: i.network, kind: i.kind, status: i.status, onsetAt: i.onsetAt, resolvedAt: i.resolvedAt, reportCount: i.reportCount, scope: i.scope, primaryIncidentId: i.primaryIncidentId })).sort((a, b) => a.id.localeCompare(b.id));
}

describe('leader failover mid-replay on postgres', () => {
  it('the standby takes over from the killed leader; the incidents equal a plain replay', async () => {
    t = await startTestApp('postgres');
    const all = countyOutageReports();
    const cut = OUTAGE + 20 * 60_000; // half-way through the 40-minute county outage
    const first = all.filter((r) => Date.parse(String(r.receivedAt)) < cut);
    const rest = all.filter((r) => Date.parse(String(r.receivedAt)) >= cut);
    const end = Date.parse(String(all.at(-1)!.receivedAt)) + 1;
    let now = cut;
    const opts = { store: t.ctx.store, databaseUrl: t.location.databaseUrl, clock: () => new Date(now), pollMs: 50, settleMs: 0, warmupDays: 7, onError: () => {} };

    await importReports(first);
    const a = await startLiveDetection(opts);
    lives.push(a);
    await expect.poll(() => a.isLeader(), WAIT).toBe(true);
    const b = await startLiveDetection(opts);
    lives.push(b);
    // The leader has stored the open outage as the engine sees it at the cut.
    const atCut = await engineReportCount(t.ctx.store, 'tmobile', cut);
    await expect.poll(async () => (await storedIncidents()).find((i) => i.network === 'tmobile')?.reportCount, WAIT).toBe(atCut);
    expect(b.isLeader()).toBe(false);

    // The leader dies mid-outage; the reports keep coming and time moves on.
    await killLeaderSession();
    await a.stop();
    lives.splice(lives.indexOf(a), 1);
    await importReports(rest);
    now = end;
    await expect.poll(() => b.isLeader(), WAIT).toBe(true);
    await expect.poll(() => b.reportsFed(), WAIT).toBe(all.length);

    // Once the standby has caught up, the store holds what a replay of the same reports gives.
    const settled = await engineReportCount(t.ctx.store, 'tmobile', end);
    await expect.poll(async () => (await storedIncidents()).find((i) => i.network === 'tmobile')?.reportCount, WAIT).toBe(settled);
    const afterFailover = await storedIncidents();
    await b.stop();
    lives.splice(0);
    const replay = await replayStore(t.ctx.store);
    expect(replay.reports).toBe(all.length);
    const replayed = await storedIncidents();
    expect(afterFailover.length).toBeGreaterThan(0);
    expect(new Set(afterFailover.map((i) => i.id)).size).toBe(afterFailover.length);
    expect(afterFailover).toEqual(replayed);
  });
});
