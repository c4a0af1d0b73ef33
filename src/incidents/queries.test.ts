// The incident list's status filter on both stores, with the seeded incidents and one dismissed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED, seedIncidents } from '../../test/detect/fixtures.js';
import { openTestStore, STORE_KINDS, type TestStoreLocation } from '../../test/support/stores.js';
import type { Store } from '../store/index.js';
import { listIncidents } from './queries.js';

describe.each(STORE_KINDS)('listIncidents on %s', (kind) => {
  let store: Store;
  let location: TestStoreLocation;
  beforeAll(async () => {
    ({ store, location } = await openTestStore(kind));
    await seedIncidents(store);
    // Staff dismissed the suspected boost incident: a false alarm, closed without resolving.
    await store.db.updateTable('incidents').set({ status: 'dismissed' }).where('id', '=', 'boost-20240302T0000Z').execute();
  });
  afterAll(async () => {
    await store.close();
    await location.destroy();
  });
  const ids = async (status: string) => (await listIncidents(store.db, { status, limit: 10 })).map((i) => i.id).sort();

  it('lists only suspected and confirmed incidents as open, not dismissed or resolved ones', async () => {
    expect(SEEDED.map((i) => i.status)).toEqual(['resolved', 'resolved', 'confirmed', 'suspected']);
    expect(await ids('open')).toEqual(['tmobile-20240301T1000Z']);
    expect(await ids('dismissed')).toEqual(['boost-20240302T0000Z']);
    expect(await ids('resolved')).toEqual(['att-20240222T0845Z', 'verizon-20240222T0900Z']);
  });
});
