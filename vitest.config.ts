import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Worker threads started by the code under test (the SQLite writer) inherit this loader, so
    // `new Worker(new URL('./x.js', import.meta.url))` runs x.ts as it runs x.js from dist/.
    // Two files at a time: most suites wait on sockets, Postgres and Chromium rather than the CPU,
    // and each uses its own database (test/support/stores.ts), so a 2-core CI machine runs two.
    poolOptions: { forks: { maxForks: 2, minForks: 1, execArgv: ['--import', fileURLToPath(new URL('./test/support/ts-workers.mjs', import.meta.url))] } },
    env: { TZ: 'UTC' },
  },
});
