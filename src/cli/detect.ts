import type { Command } from 'commander';
import fs from 'node:fs';
import { detectSeriesCsv, SeriesCsvError } from '../detect/index.js';
import { UsageError } from './options.js';

export function registerDetect(program: Command): void {
  program
    .command('detect')
    .description('Score any time series with the detection core: reads timestamp,value CSV, writes timestamp,value,anomaly_score (0..1) to stdout')
    .requiredOption('--series <file>', 'CSV with a timestamp,value header; "-" reads stdin')
    .addHelpText(
      'after',
      `
What the score means: each row's anomaly_score is -log10(p) / 3, capped at 1, where p is the
chance (Bonferroni-corrected over three tests: surprise against the best of a recent median and
the same time yesterday or last week, novelty of the recent shape, a value beyond all seen) of
a row at least this unusual in a series behaving as before. 0.5 means p ~ 0.03 (an alarm),
1 means p <= 0.001 or a value never seen. After an alarm the detector rests, so one event
gives one alarm. Causal (row i uses rows 0..i only) and one configuration for every series.
On the NAB development set (npm run bench:nab) it scores 73.5 standard; NAB scores reward
early alarms inside labelled windows and charge each false alarm, 100 = perfect, 0 = a
detector that never alarms. Tuned on those files: expect lower on series it has not seen.`,
    )
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
