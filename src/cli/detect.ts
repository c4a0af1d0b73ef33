import type { Command } from 'commander';
import fs from 'node:fs';
import { detectSeriesCsv, SeriesCsvError } from '../detect/index.js';
import { UsageError } from './options.js';

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('Score any time series with the detection core: reads timestamp,value CSV, writes timestamp,value,anomaly_score (0..1) to stdout')
    .requiredOption('--series <file>', 'CSV with a timestamp,value header; "-" reads stdin')
    .action(async (flags: { series: string }) => {
      if (flags.series !== '-' && !fs.existsSync(flags.series)) throw new UsageError(`no such file: ${flags.series}`);
      try {
        await detectSeriesCsv(flags.series === '-' ? process.stdin : flags.series, process.stdout);
      } catch (err) {
        if (err instanceof SeriesCsvError) throw new UsageError(`${flags.series}: ${err.message}`);
        throw err;
      }
    });
}
