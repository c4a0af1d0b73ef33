import type { SeriesDetectorOptions } from './score.js';

/**
 * The candidate configurations of the series detector that `npm run bench:nab`
 * cross-validates over the NAB development set's categories (bench/nab.ts).
 * Small on purpose: the base (the settings first tuned on all 41 files) and,
 * for each setting that moves the score, one step down and one step up. A
 * grid this size keeps the whole cross-validation to minutes on two cores,
 * and with few candidates there is little room to fit the noise of 41 files.
 * The base was itself tuned on all 41 files before cross-validation existed,
 * so even the cross-validated score leans somewhat optimistic.
 */
export interface SeriesConfig {
  readonly name: string;
  readonly options: SeriesDetectorOptions;
}

const BASE: SeriesDetectorOptions = {
  likelihood: { shortWindow: 10, longWindow: 8640, warmup: 150, minMean: 0.03, minStd: Math.sqrt(0.0003) },
  context: { levels: 8, maxOrder: 3, margin: 0.05 },
  residual: { rankWindow: 1000, minHistory: 100, scaleWindow: 300, unitsPerE: 6, meanErrorFloor: 0.25 },
  localWindow: 64,
  calendarCycles: 3,
  rangeTolerance: 0.05,
  log10Full: 3,
  restLevel: 0.5,
  restRows: 100,
};

type Change = (o: SeriesDetectorOptions) => SeriesDetectorOptions;

const likelihood = (change: Partial<SeriesDetectorOptions['likelihood']>): Change => (o) => ({
  ...o,
  likelihood: { ...o.likelihood, ...change },
});
const residual = (change: Partial<SeriesDetectorOptions['residual']>): Change => (o) => ({
  ...o,
  residual: { ...o.residual, ...change },
});
const context = (change: Partial<SeriesDetectorOptions['context']>): Change => (o) => ({
  ...o,
  context: { ...o.context, ...change },
});
const top = (change: Partial<SeriesDetectorOptions>): Change => (o) => ({ ...o, ...change });

/** name -> the change from BASE; names say what moved, so a report line is self-explaining. */
const STEPS: ReadonlyArray<readonly [string, Change]> = [
  ['base', (o) => o],
  ['short-5', likelihood({ shortWindow: 5 })],
  ['short-20', likelihood({ shortWindow: 20 })],
  ['long-2880', likelihood({ longWindow: 2880 })],
  ['long-17280', likelihood({ longWindow: 17280 })],
  ['local-32', top({ localWindow: 32 })],
  ['local-128', top({ localWindow: 128 })],
  ['units-4', residual({ unitsPerE: 4 })],
  ['units-9', residual({ unitsPerE: 9 })],
  ['calendar-off', top({ calendarCycles: 0 })],
  ['calendar-6', top({ calendarCycles: 6 })],
  ['levels-6', context({ levels: 6 })],
  ['levels-12', context({ levels: 12 })],
  ['rest-50', top({ restRows: 50 })],
  ['rest-200', top({ restRows: 200 })],
];

export const SERIES_GRID: readonly SeriesConfig[] = STEPS.map(([name, change]) => ({ name, options: change(BASE) }));

/** The configuration `detect --series` uses: the one chosen by cross-validation (bench/nab.ts). */
export const DEFAULT_SERIES_CONFIG = 'calendar-6';

export function seriesConfig(name: string): SeriesConfig {
  const found = SERIES_GRID.find((c) => c.name === name);
  if (!found) throw new RangeError(`no series configuration named ${name}`);
  return found;
}
