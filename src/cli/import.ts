import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { warmImpactTallies } from '../dossier/index.js';
import { listIncidents } from '../incidents/index.js';
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
      const config = configFrom(flags);
      const store = await openStore(config);
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
          // The dossier's impact tallies of resolved incidents, counted once now rather than at first view.
          await warmImpactTallies(store, config.jurisdiction, await listIncidents(store.db, { limit: 100_000 }));
        }
      } finally {
        await store.close();
      }
    });
}
