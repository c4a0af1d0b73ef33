// Loaded with --import in the test processes (vitest.config.ts) and so in their worker threads:
// tsx compiles TypeScript, and ts-worker-hooks.mjs finds a worker's `.ts` entry.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./ts-worker-hooks.mjs', import.meta.url);
