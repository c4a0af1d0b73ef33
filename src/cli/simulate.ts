import type { Command } from 'commander';
import { progressBar } from '../ops/progress.js';
import { UsageError } from './options.js';
import { buildScenario, estimateReports, scenarioNames, simulateToFiles } from '../sim/index.js';

interface SimulateFlags {
  out: string;
  truth: string;
  days?: string;
  seed?: string;
  scenario?: string;
  start?: string;
}

function intFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer`);
  return n;
}

/** A scenario that cannot be built from these options (too few days for it) is the caller's mistake. */
function truthOrUsageError(opts: Parameters<typeof buildScenario>[0]): ReturnType<typeof buildScenario> {
  try {
    return buildScenario(opts);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Write simulated reports (import format, JSON Lines) and the ground truth of the outages in them')
    .requiredOption('--out <file>', 'reports, one JSON object per line, sorted by receivedAt')
    .requiredOption('--truth <file>', 'ground truth JSON: injected outages and quiet stretches')
    .option('--days <n>', 'length of the random scenario in days (default 7)')
    .option('--seed <n>', 'random seed (same seed, same output)')
    .option('--scenario <name>', `built-in scenario: ${scenarioNames().join(', ')}`)
    .option('--start <iso>', 'start of the simulated period (UTC)')
    .action(async (flags: SimulateFlags) => {
      if (flags.scenario && !scenarioNames().includes(flags.scenario)) {
        throw new UsageError(`unknown scenario "${flags.scenario}"; built in: ${scenarioNames().join(', ')}`);
      }
      const start = flags.start ? new Date(flags.start) : undefined;
      if (start && Number.isNaN(start.getTime())) throw new UsageError('--start must be an ISO date-time');
      const opts = { days: intFlag('days', flags.days), seed: intFlag('seed', flags.seed), scenario: flags.scenario, start };
      const bar = progressBar('simulate', estimateReports(truthOrUsageError(opts)));
      const r = await simulateToFiles({ ...opts, out: flags.out, truth: flags.truth, onProgress: (done) => bar.set(done) });
      bar.done();
      process.stdout.write(`wrote ${r.reports} reports to ${flags.out} and ${r.outages} outages to ${flags.truth}\n`);
    });
}
