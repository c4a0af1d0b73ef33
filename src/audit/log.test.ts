import { afterAll, describe, expect, it } from 'vitest';
import { openTestStore, STORE_KINDS, type TestStoreLocation } from '../../test/support/stores.js';
import { recordAudit, verifyAuditChain } from './index.js';

describe.each(STORE_KINDS)('audit chain on %s', (kind) => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });

  it('verifies an intact chain and finds the first tampered event', async () => {
    const { store, location } = await openTestStore(kind);
    made.push(location);
    try {
      await Promise.all([1, 2, 3, 4, 5].map((i) => recordAudit(store, { actor: 'inv@x.org', action: 'report.read-contact', target: `r${i}` })));
      expect(await verifyAuditChain(store)).toBeNull();
      await store.db.updateTable('audit_events').set({ target: 'someone-else' }).where('seq', '=', 3).execute();
      expect(await verifyAuditChain(store)).toBe(3);
    } finally {
      await store.close();
    }
  });
});
