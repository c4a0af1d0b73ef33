// `outage-desk backup FILE`, `restore FILE`, `retention`: the embedded store's data safety.
// (PostgreSQL: pg_dump / pg_restore, see README "Operations".)
import path from 'node:path';
import type { Command } from 'commander';
import { verifyAuditChain } from '../audit/index.js';
import { applyRetention, auditDataCopy } from '../commands/data-safety.js';
import { CLI_ACTOR } from '../staff/index.js';
import { openStore } from '../store/index.js';
import { backupSqlite, BackupError, restoreSqlite } from '../store/backup.js';
import { configFrom, UsageError, withStoreFlags, type StoreFlags } from './options.js';
import { withCommands } from './with-commands.js';

function embeddedOnly(flags: StoreFlags, what: string) {
  const config = configFrom(flags);
  if (config.databaseUrl) throw new UsageError(`${what} is for the embedded store; for PostgreSQL use pg_dump / pg_restore (README "Operations")`);
  return config;
}

const asUsage = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    throw err instanceof BackupError ? new UsageError(err.message) : err;
  }
};

export function registerDataSafety(program: Command): void {
  withStoreFlags(program.command('backup').description('Copy the embedded store to FILE, consistently, while the server runs'))
    .argument('<file>', 'the new backup file')
    .action(async (file: string, flags: StoreFlags) => {
      const config = embeddedOnly(flags, 'backup');
      const bytes = await asUsage(() => backupSqlite(config.dataDir, path.resolve(file)));
      await withCommands(flags, (cx) => auditDataCopy(cx, CLI_ACTOR, 'store.backup', path.resolve(file), { bytes }));
      process.stdout.write(`backup written: ${file} (${bytes.toLocaleString('en-US')} bytes)\n`);
    });

  withStoreFlags(program.command('restore').description('Replace the embedded store with a backup (stop the server first; the old store is kept beside it)'))
    .argument('<file>', 'a file written by `outage-desk backup`')
    .action(async (file: string, flags: StoreFlags) => {
      const config = embeddedOnly(flags, 'restore');
      const keptAs = await asUsage(() => restoreSqlite(config.dataDir, path.resolve(file)));
      const store = await openStore(config); // migrates a backup taken by an older version
      try {
        const broken = await verifyAuditChain(store);
        if (broken) throw new UsageError(`restored, but the audit chain is broken at event ${broken.seq}: ${broken.reason}`);
      } finally {
        await store.close();
      }
      await withCommands(flags, (cx) => auditDataCopy(cx, CLI_ACTOR, 'store.restore', path.resolve(file), { keptAs: keptAs ?? null }));
      process.stdout.write(`restored from ${file}${keptAs ? `; the store it replaced is ${keptAs}` : ''}\n`);
    });

  withStoreFlags(program.command('retention').description('Erase contact details after N days and delete reports after M days (incidents are kept); audited'))
    .option('--contact-days <n>', 'erase reporters\' contact details older than this', '90')
    .option('--report-days <n>', 'delete reports older than this', '730')
    .action(async (flags: StoreFlags & { contactDays: string; reportDays: string }) => {
      const rule = { contactDays: Number(flags.contactDays), reportDays: Number(flags.reportDays) };
      if (!Number.isInteger(rule.contactDays) || !Number.isInteger(rule.reportDays)) throw new UsageError('--contact-days and --report-days must be whole numbers');
      const r = await withCommands(flags, (cx) => applyRetention(cx, CLI_ACTOR, rule));
      process.stdout.write(`contact details erased on ${r.contactsPurged} reports older than ${r.contactDays} days; ${r.reportsDeleted} reports older than ${r.reportDays} days deleted\n`);
    });
}
