// Scenario registry: a name to a builder of the ground truth.
import type { SimulateOptions, Truth } from '../types.js';
import { ATT_SCENARIO, buildAttScenario } from './att-2024-02-22.js';
import { buildRandomScenario, RANDOM_SCENARIO } from './random.js';

const BUILDERS: Record<string, (opts: SimulateOptions) => Truth> = {
  [RANDOM_SCENARIO]: buildRandomScenario,
  [ATT_SCENARIO]: buildAttScenario,
};

export function scenarioNames(): string[] {
  return Object.keys(BUILDERS);
}

/** The ground truth of a run: what the generator will inject, and the quiet stretches. */
export function buildScenario(opts: SimulateOptions): Truth {
  const name = opts.scenario ?? RANDOM_SCENARIO;
  const build = BUILDERS[name];
  if (!build) throw new Error(`unknown scenario "${name}" (known: ${scenarioNames().join(', ')})`);
  if (opts.days !== undefined && !(opts.days > 0)) throw new Error(`--days must be positive, got ${opts.days}`);
  return build(opts);
}
