import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { importFile } from '../intake/import-file.js';
import { progressBar } from '../ops/progress.js';
import { openStore } from '../store/index.js';
import { describeIncident, runReplay } from './incidents.js';
import { configFrom, UsageError, withStoreFlags, type StoreFlags } from './options.js';

export function registerImport(program: Command): void {
  withStoreFlags(program.command('import').description('Import reports from a JSON Lines or CSV file (rows may carry receivedAt and fingerprint)'))
    .argument('<file>', 'a .jsonl file of report objects, or a .csv with a header row')
    .option('--rejects <file>', 'where to write rejected rows with reasons (default: FILE.rejected.jsonl)')
    .option('--no-detect', 'store only; do not run detection over the stored reports')
    .action(async (file: string, flags: StoreFlags & { rejects?: string; detect?: boolean }) => {
      if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
      // The rejects file is removed at the start of a run: pointed at the input, that would delete it.
      if (flags.rejects && path.resolve(flags.rejects) === path.resolve(file)) throw new UsageError('--rejects must not be the input file');
      const store = await openStore(configFrom(flags));
      try {
        const size = fs.statSync(file).size;
        const bar = progressBar('import (bytes read)', size);
        const result = await importFile(store, file, { rejectsPath: flags.rejects, onProgress: (read) => bar.set(read) });
        bar.set(size); // done() draws the current position: end on the total, not on the last report
        bar.done();
        const where = result.rejectsPath ? `; rejected rows with reasons: ${result.rejectsPath}` : '; no rows rejected, no rejects file';
        process.stdout.write(`accepted ${result.accepted}, rejected ${result.rejected}${where}\n`);
        if (flags.detect !== false && result.accepted > 0) {
          const incidents = await runReplay(store);
          process.stdout.write(`${incidents.length} incidents\n`);
          for (const i of incidents) process.stdout.write(describeIncident(i) + '\n');
        }
      } finally {
        await store.close();
      }
    });
}
