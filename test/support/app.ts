// An in-process server on a real store, for API tests (inject or a real socket).
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { buildApp, type AppParts } from '../../src/http/app.js';
import type { AppContext } from '../../src/http/context.js';
import { createContext } from '../../src/http/server.js';
import { createUser, issueApiToken, type Role } from '../../src/staff/index.js';
import { openStore } from '../../src/store/index.js';
import { newStoreLocation, type StoreKind, type TestStoreLocation } from './stores.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  location: TestStoreLocation;
  tokenFor(role: Role): Promise<string>;
  /** Closes the app and store but keeps the data (to test a restart). */
  close(): Promise<void>;
  /** Closes and deletes the data. */
  destroy(): Promise<void>;
}

/** `clock`: the server's time (default real time), for tests of what happens as it moves on. */
export async function startTestApp(kind: StoreKind, env: Record<string, string> = {}, parts: AppParts = {}, location?: TestStoreLocation, clock?: () => Date): Promise<TestApp> {
  const loc = location ?? (await newStoreLocation(kind));
  // Load shedding by event-loop lag or memory is off unless a test turns it on: a test machine
  // busy with other suites must not shed a test's requests (test/api/admission.test.ts tests it).
  const config: Config = loadConfig({ INTAKE_RATE_LIMIT: '0', LOG_LEVEL: 'warn', MAX_EVENT_LOOP_DELAY_MS: '0', MEMORY_CAP_MB: '0', MAX_IN_FLIGHT: '0', MAX_QUEUE_WAIT_MS: '0', ...env, DATA_DIR: loc.dataDir, ...(loc.databaseUrl ? { DATABASE_URL: loc.databaseUrl } : {}) });
  const store = await openStore(config);
  const ctx = await createContext(config, store, clock);
  const app = await buildApp(ctx, { logger: false, ...parts });
  await app.ready();
  let n = 0;
  const close = async () => {
    await app.close();
    await ctx.intake.close();
    await store.close();
    ctx.redis?.disconnect();
  };
  return {
    app,
    ctx,
    location: loc,
    async tokenFor(role) {
      const { user } = await createUser(store.db, `${role}${++n}@example.org`, role);
      await store.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
      return (await issueApiToken(store.db, user.id, 'test')).secret;
    },
    close,
    async destroy() {
      await close();
      await loc.destroy();
    },
  };
}
