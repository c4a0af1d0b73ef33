// What commands depend on, built once by the server or the CLI (no globals).
import type { Config } from '../config.js';
import type { SessionLimits } from '../staff/index.js';
import type { Store } from '../store/index.js';

export interface CommandContext {
  store: Store;
  config: Config;
}

export const sessionLimits = (cx: CommandContext): SessionLimits => ({
  idleMs: cx.config.sessionIdleMinutes * 60_000,
  absoluteMs: cx.config.sessionMaxHours * 3_600_000,
});
