// What request handlers depend on, built once by the server and passed in (no globals).
import type { CommandContext } from '../commands/index.js';
import type { Config } from '../config.js';
import type { DailySalts } from '../intake/fingerprint.js';
import type { Intake } from '../intake/intake.js';
import type { IntakeLimits } from '../intake/shared-rate-limit.js';
import type { Redis } from 'ioredis';
import type { Metrics } from '../ops/metrics.js';
import type { Store } from '../store/index.js';

export interface AppContext extends CommandContext {
  config: Config;
  store: Store;
  intake: Intake;
  /** Reports per client, and a looser limit per network address (a new User-Agent per request is no way around the first). */
  intakeLimits: IntakeLimits;
  /** The shared counter store when `REDIS_URL` is set (rate limits); closed with the server. */
  redis: Redis | undefined;
  metrics: Metrics;
  /** Daily random fingerprint salts, shared through the store and deleted after the dedupe window. */
  salts: DailySalts;
  /** Random key for the HMAC'd links e-mails carry (unsubscribe): kept in the store, tied to no address. */
  linkSecret: string;
  /** The time the server stamps on reports: real time, or the demo's accelerated clock. */
  clock: () => Date;
  /** Counters the routes bump; registered once in buildApp. */
  count: {
    accepted(source: string): void;
    rejected(reason: string): void;
  };
}
