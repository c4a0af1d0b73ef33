// CLI commands run the same command layer as the API, as the CLI actor, on the store they open.
import type { CommandContext } from '../commands/index.js';
import { openStore } from '../store/index.js';
import { configFrom, type StoreFlags } from './options.js';

export async function withCommands<T>(flags: StoreFlags, run: (cx: CommandContext) => Promise<T>): Promise<T> {
  const config = configFrom(flags);
  const store = await openStore(config);
  try {
    return await run({ store, config });
  } finally {
    await store.close();
  }
}
