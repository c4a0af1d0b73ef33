// The simulator's public surface: ground truth for a scenario, the reports it implies
// (in memory for small runs), and a streaming writer for the `simulate` command.
import { generateReports } from './generate.js';
import { buildScenario } from './scenarios/index.js';
import type { SimReport, SimulateOptions, Truth } from './types.js';
import { writeReports, writeTruth } from './writer.js';

export { buildScenario, scenarioNames } from './scenarios/index.js';
export { estimateReports } from './writer.js';
export type {
  CurvePoint, QuietKind, QuietStretch, Scope, ScopeLevel, Service, Shape, SimReport, SimulateOptions, Truth, TruthOutage,
} from './types.js';

export interface SimulateToFilesOptions extends SimulateOptions {
  out: string;
  truth: string;
  onProgress?: (done: number, total: number) => void;
}

/** Reports of a scenario in receivedAt order, generated lazily (nothing is held). */
export function* simulateReports(opts: SimulateOptions): Generator<SimReport> {
  yield* generateReports(buildScenario(opts));
}

/** Writes the truth JSON and the reports (JSON lines, sorted by receivedAt). */
export async function simulateToFiles(opts: SimulateToFilesOptions): Promise<{ reports: number; outages: number }> {
  const truth: Truth = buildScenario(opts);
  await writeTruth(opts.truth, truth);
  const reports = await writeReports(opts.out, truth, opts.onProgress);
  return { reports, outages: truth.outages.length };
}
