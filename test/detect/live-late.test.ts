// A report whose commit lands after the leader has read past its receivedAt (a slow group
// commit in another API process) must still reach the engine, once, and count in the incident.
import { afterAll, describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../src/detect/index.js';
import { getIncident, ReportTail, startLiveDetection } from '../../src/incidents/index.js';
import { BulkImporter } from '../../src/intake/bulk-import.js';
import type { Store } from '../../src/store/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';
import { commitReports, countyOutageReports, OUTAGE, reportRow } from './fixtures.js';

const MIN = 60_000;
const NOW = OUTAGE + 20 * MIN; // the outage is 20 minutes old: its incident is open
const LATER = NOW + 16 * MIN; // long enough for the engine to emit (and store) an update
const WARMUP_DAYS = 7;
const LATE = 30;

async function until(cond: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** What the engine alone counts for the incident from the reports committed on time. */
async function onTimeCount(store: Store): Promise<number> {
  const engine = new DetectionEngine();
  const tail = new ReportTail(store.db, new Date(NOW - WARMUP_DAYS * 24 * 60 * MIN), 60_000);
  for await (const page of tail.read(new Date(NOW))) page.forEach((r) => engine.push(r));
  engine.advanceTo(LATER);
  return engine.incidents().find((i) => i.network === 'tmobile')!.reportCount;
}

describe.each(STORE_KINDS)('late commits in live detection on %s', (kind) => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.destroy();
  });

  it('feeds a report received before the cursor once and counts it in the incident', async () => {
    const t = await startTestApp(kind);
    apps.push(t);
    const importer = new BulkImporter(t.ctx.store, new Date(NOW));
    const onTime = countyOutageReports().filter((r) => Date.parse(String(r.receivedAt)) <= NOW);
    for (const r of onTime) expect(importer.add(r)).toBeNull();
    await importer.finish();
    const expected = (await onTimeCount(t.ctx.store)) + LATE;

    let now = NOW;
    const live = await startLiveDetection({ store: t.ctx.store, databaseUrl: t.location.databaseUrl, clock: () => new Date(now), pollMs: 25, settleMs: 0, warmupDays: WARMUP_DAYS });
    try {
      await until(() => live.reportsFed() === onTime.length, 'the on-time reports');
      // Received 15 s before the newest report the leader has read; committed only now.
      const late = Array.from({ length: LATE }, (_, i) => reportRow(new Date(NOW - 15_000 + i), `late-${i}`));
      await commitReports(t.ctx.store, late);
      await until(() => live.reportsFed() === onTime.length + LATE, 'the late reports');
      now = LATER;
      const id = (await t.ctx.store.db.selectFrom('incidents').select('id').where('network', '=', 'tmobile').executeTakeFirstOrThrow()).id;
      await until(async () => (await getIncident(t.ctx.store.db, id))?.reportCount === expected, `reportCount ${expected}`);
      expect(live.reportsFed()).toBe(onTime.length + LATE); // and never fed twice
    } finally {
      await live.stop();
    }
  });
});
