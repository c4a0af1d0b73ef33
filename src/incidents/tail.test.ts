// The live tail on both stores: every committed report once, including one committed after
// newer reports were already read (a slow group commit in another API process).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { commitReports, reportRow } from '../../test/detect/fixtures.js';
import { openTestStore, STORE_KINDS, type TestStoreLocation } from '../../test/support/stores.js';
import { ReportTail } from './tail.js';

const T0 = Date.parse('2024-03-06T12:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);

async function readAll(tail: ReportTail, until: Date): Promise<string[]> {
  const out: string[] = [];
  for await (const page of tail.read(until)) out.push(...page.map((r) => r.fingerprint));
  return out;
}

describe.each(STORE_KINDS)('ReportTail on %s', (kind) => {
  let store: Store;
  let location: TestStoreLocation;
  beforeAll(async () => ({ store, location } = await openTestStore(kind)));
  afterAll(async () => {
    await store?.close();
    await location?.destroy();
  });

  it('hands out a late-committed report once, and forgets ids the window left', async () => {
    const tail = new ReportTail(store.db, at(-3600), 60_000);
    await commitReports(store, [reportRow(at(0), 'a'), reportRow(at(10), 'b'), reportRow(at(100), 'c')]);
    expect(await readAll(tail, at(200))).toEqual(['a', 'b', 'c']);
    // Only c (at 100 s) is within 60 s of the newest: a and b are forgotten.
    expect(tail.remembered).toBe(1);

    // Received 30 s before the newest report read, committed only now.
    await commitReports(store, [reportRow(at(70), 'late'), reportRow(at(150), 'd')]);
    expect(await readAll(tail, at(200))).toEqual(['late', 'd']);
    expect(await readAll(tail, at(200))).toEqual([]);
    expect(tail.count).toBe(5);

    // Committed more than a window late: missed (until a replay), never fed twice.
    await commitReports(store, [reportRow(at(20), 'too-late')]);
    expect(await readAll(tail, at(200))).toEqual([]);
  });

  it('does not feed past `until` before its time', async () => {
    const tail = new ReportTail(store.db, at(1000), 60_000);
    await commitReports(store, [reportRow(at(1010), 'e'), reportRow(at(1020), 'f')]);
    expect(await readAll(tail, at(1015))).toEqual(['e']);
    expect(await readAll(tail, at(1030))).toEqual(['f']);
  });
});
