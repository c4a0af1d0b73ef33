// A report whose commit lands after the leader has read past its receivedAt (a slow group
// commit in another API process) must still reach the engine, once, and count in the incident.
import { afterAll, describe, expect, it } from 'vitest';
import { getIncident, startLiveDetection } from '../../src/incidents/index.js';
import { BulkImporter } from '../../src/intake/bulk-import.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';
import { commitReports, countyOutageReports, engineReportCount, LIVE_WAIT, OUTAGE, reportRow } from './fixtures.js';

const MIN = 60_000;
const NOW = OUTAGE + 20 * MIN; // the outage is 20 minutes old: its incident is open
const LATER = NOW + 16 * MIN; // long enough for the engine to emit (and store) an update
const WARMUP_DAYS = 7;
const LATE = 30;

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
    const expected = (await engineReportCount(t.ctx.store, 'tmobile', NOW, LATER, WARMUP_DAYS)) + LATE;

    let now = NOW;
    const live = await startLiveDetection({ store: t.ctx.store, databaseUrl: t.location.databaseUrl, clock: () => new Date(now), pollMs: 25, settleMs: 0, warmupDays: WARMUP_DAYS });
    try {
      await expect.poll(() => live.reportsFed(), LIVE_WAIT).toBe(onTime.length);
      // Received 15 s before the newest report the leader has read; committed only now.
      const late = Array.from({ length: LATE }, (_, i) => reportRow(new Date(NOW - 15_000 + i), `late-${i}`));
      await commitReports(t.ctx.store, late);
      await expect.poll(() => live.reportsFed(), LIVE_WAIT).toBe(onTime.length + LATE);
      now = LATER;
      const id = (await t.ctx.store.db.selectFrom('incidents').select('id').where('network', '=', 'tmobile').executeTakeFirstOrThrow()).id;
      await expect.poll(async () => (await getIncident(t.ctx.store.db, id))?.reportCount, LIVE_WAIT).toBe(expected);
      expect(live.reportsFed()).toBe(onTime.length + LATE); // and never fed twice
    } finally {
      await live.stop();
    }
  });
});
