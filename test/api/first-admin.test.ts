// The first start of an install without an admin creates one — also when `user add` made an
// analyst before the server ever ran; never a second one.
import { describe, expect, it } from 'vitest';
import { countActiveAdmins, createUser, ensureFirstAdmin } from '../../src/staff/index.js';
import { openTestStore, STORE_KINDS } from '../support/stores.js';

describe.each(STORE_KINDS)('first admin on %s', (kind) => {
  it('is created when no admin exists, even if other staff do, and only once', async () => {
    const { store, location } = await openTestStore(kind);
    try {
      await createUser(store.db, 'analyst@example.org', 'analyst');
      const first = await ensureFirstAdmin(store.db, 'admin@localhost');
      expect(first?.email).toBe('admin@localhost');
      expect(first?.password.length).toBeGreaterThan(10);
      expect(await ensureFirstAdmin(store.db, 'admin@localhost')).toBeUndefined();
      expect(await countActiveAdmins(store.db)).toBe(1);
    } finally {
      await store.close();
      await location.destroy();
    }
  });
});
