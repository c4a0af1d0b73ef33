// The first staff request after a start paid for everything cold at once (~300 ms): SQLite
// parsing the schema and preparing each statement, Kysely compiling each query shape, V8
// compiling the code on the way. Misses on the hot reads (a credential, an incident, a
// complaints page) pay that at start instead; they find nothing and change nothing.
import { listComplaints, type Membership } from '../dossier/index.js';
import { getIncident } from '../incidents/index.js';
import { resolveSession, resolveToken } from '../staff/index.js';
import type { Store } from '../store/index.js';

const NOWHERE: Membership = { network: '', from: new Date(0), to: new Date(0), sources: [{ from: new Date(0), to: new Date(0), only: [], exclude: [] }] };

export async function warmUp(store: Store, now: Date): Promise<void> {
  await resolveToken(store.db, 'odt_warm-up', now);
  await resolveSession(store.db, 'warm-up', { idleMs: 1, absoluteMs: 1 }, now);
  await getIncident(store.db, '');
  await listComplaints(store.db, NOWHERE, { limit: 1 });
  await listComplaints(store.db, NOWHERE, { limit: 1, zip: '', after: { receivedAt: new Date(0), id: '' } });
}
