import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database suites share one Postgres server: run files one at a time per worker pool.
    pool: 'forks',
    env: { TZ: 'UTC' },
  },
});
