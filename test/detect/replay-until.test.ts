// A replay ends where its data ends unless told to let time run on (`until`), as the live
// leader's clock does: only then can an incident whose reports stopped resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepReporter } from '../../src/cli/demo-clock.js';
import { replayStore } from '../../src/incidents/index.js';
import { BulkImporter } from '../../src/intake/bulk-import.js';
import { simulateReports } from '../../src/sim/index.js';
import type { Store } from '../../src/store/index.js';
import { openTestStore, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';

/** The 22 Feb 2024 scenario's reports (5 % of reporters) up to 12:00 UTC, mid-outage. */
async function loadUntilNoon(store: Store): Promise<void> {
  const stop = Date.parse('2024-02-22T12:00:00Z');
  const importer = new BulkImporter(store, new Date(stop));
  for (const r of simulateReports({ scenario: 'att-2024-02-22' })) {
    if (Date.parse(r.receivedAt) >= stop) break;
    if (!keepReporter(r.fingerprint, 0.05)) continue;
    importer.add(r);
    if (importer.full) await importer.flush();
  }
  await importer.finish();
}

describe.each(STORE_KINDS)('replay until on %s', (kind) => {
  let store: Store;
  let location: TestStoreLocation;
  beforeAll(async () => {
    ({ store, location } = await openTestStore(kind));
    await loadUntilNoon(store);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await location?.destroy();
  });

  const att = (r: Awaited<ReturnType<typeof replayStore>>) => r.incidents.find((i) => i.network === 'att' && i.kind === 'primary');

  it('leaves an outage open where the data stops', async () => {
    const r = await replayStore(store);
    expect(att(r)?.resolvedAt).toBeNull();
  });

  it('resolves it once time runs on without reports, dated when they stopped', async () => {
    const r = await replayStore(store, { until: new Date('2024-02-22T15:00:00Z') });
    const resolved = att(r)?.resolvedAt;
    expect(resolved).not.toBeNull();
    // Dated from when the counts fell, within a bucket of it, not from when the replay ended.
    expect(Date.parse(resolved!)).toBeGreaterThanOrEqual(Date.parse('2024-02-22T11:45:00Z'));
    expect(Date.parse(resolved!)).toBeLessThanOrEqual(Date.parse('2024-02-22T12:15:00Z'));
  });
});
