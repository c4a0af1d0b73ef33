// `outage-desk audit verify`: walks the hash chain page by page (constant memory) and names the
// first event that was edited, deleted or cut off; exit 1 when the chain is broken.
import type { Command } from 'commander';
import { verifyAuditChain } from '../audit/index.js';
import { openStore } from '../store/index.js';
import { configFrom, withStoreFlags, type StoreFlags } from './options.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail');
  withStoreFlags(audit.command('verify').description('Check the audit chain; names the first broken event (exit 1 if any)')).action(async (flags: StoreFlags) => {
    const store = await openStore(configFrom(flags));
    try {
      let checked = 0;
      const broken = await verifyAuditChain(store, (n) => {
        checked = n;
        if (process.stderr.isTTY) process.stderr.write(`\rchecked ${n.toLocaleString('en-US')} events`);
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (broken) {
        process.stdout.write(`audit chain broken at event ${broken.seq}: ${broken.reason}\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write(`ok: audit chain intact, ${checked.toLocaleString('en-US')} events\n`);
      }
    } finally {
      await store.close();
    }
  });
}
