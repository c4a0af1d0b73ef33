import type { Command } from 'commander';
import { detectSeriesCsv } from '../detect/index.js';

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('Score any time series with the detection core: reads timestamp,value CSV, writes timestamp,value,anomaly_score (0..1) to stdout')
    .requiredOption('--series <file>', 'CSV with a timestamp,value header; "-" reads stdin')
    .action(async (flags: { series: string }) => {
      await detectSeriesCsv(flags.series === '-' ? process.stdin : flags.series, process.stdout);
    });
}
