/**
 * NAB benchmark and cross-validation for the "any time series" detector.
 *
 *   npx tsx bench/nab.ts [--data DIR] [--out DIR]
 *
 * Scores every candidate configuration of src/detect/series/grid.ts on every
 * CSV of the NAB development set (in process, over series parsed once), writes
 * NAB's results layout for each (one CSV per data file, same relative path,
 * `timestamp,value,anomaly_score`) and scores them with the shared scorer:
 *
 * - dev score: the configuration best on all 41 files, at the threshold best
 *   on all 41 files — optimistic, it is chosen on the files it is scored on;
 * - cross-validated (CV) score, leave one category out: for each category, the
 *   configuration and the thresholds are chosen on the other categories and
 *   the held-out category is scored with them; the held-out raw scores are
 *   pooled and normalised once with all files' null and perfect scores (NAB's
 *   normalisation), so the CV score is on the dev score's scale;
 * - the default of `detect --series`: the configuration stable across folds
 *   (chosen by most folds, then best worst-fold rank), not the best on all files.
 *
 * Then the built CLI is checked to write exactly what was scored for the
 * default (one file of each category), and the default's own scorer table is printed beside the published
 * scores. The last line is a single name=value summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  chooseOnTraining,
  DEFAULT_SERIES_CONFIG,
  type Fold,
  leaveOneCategoryOut,
  nestedStableChoices,
  normalisedScore,
  parseSeriesCsv,
  SERIES_GRID,
  type SeriesConfig,
  type SeriesRow,
  scoredSeriesCsv,
  stableChoice,
} from '../src/detect/series/index.js';
import { inParallel, NabScorer, PROFILE_KEYS, type ProfileKey, profileOf, type ScorerReport } from './nab-scorer.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '../shared');

/** Published standard-profile scores on these 41 files (from the brief). */
const PUBLISHED: ReadonlyArray<readonly [string, number]> = [
  ['ARTime', 69.1],
  ['Numenta HTM', 68.6],
  ['CAD OSE', 63.8],
  ['KNN CAD', 56.6],
  ['Twitter ADVec', 38.9],
  ['Windowed Gaussian', 29.1],
];

type Scores = Record<ProfileKey, number>;

function listCsv(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listCsv(p);
    return e.isFile() && e.name.endsWith('.csv') ? [p] : [];
  });
}

/** Writes one configuration's results for every file, in NAB's layout under outDir/<config>. */
function writeResults(series: ReadonlyMap<string, readonly SeriesRow[]>, outDir: string, config: SeriesConfig): string {
  const dir = join(outDir, config.name);
  for (const [rel, rows] of series) {
    const target = join(dir, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, scoredSeriesCsv(rows, config.options));
  }
  return dir;
}

const scoresOf = (report: ScorerReport): Scores =>
  Object.fromEntries(PROFILE_KEYS.map((k) => [k, profileOf(report, k).score ?? Number.NaN])) as Scores;

/** A selection of categories scored together: all of them, or a fold's training categories. */
interface Selection {
  readonly key: string;
  /** Categories to score; undefined = every file. */
  readonly only?: string;
}

const ALL: Selection = { key: 'all' };

function selectionOf(trainCategories: readonly string[], categories: readonly string[]): Selection {
  const left = categories.filter((c) => !trainCategories.includes(c));
  return { key: `without-${left.join('+')}`, only: trainCategories.join(',') };
}

/** Every selection the folds and their inner folds (for the nested estimate) choose on. */
function selectionsNeeded(folds: readonly Fold[], categories: readonly string[]): Selection[] {
  const trains = folds.flatMap((f) => [f, ...leaveOneCategoryOut(f.trainFiles)]).map((f) => selectionOf(f.trainCategories, categories));
  return [ALL, ...new Map(trains.map((s) => [s.key, s])).values()];
}

const jsonOf = (jsonDir: string, config: string, key: string): string => join(jsonDir, `${config}.${key}.json`);

/** config -> selection key -> the scorer's report, thresholds optimised on that selection. */
type Table = Map<string, Map<string, ScorerReport>>;

/** Scores every configuration on every selection; returns the table and the all-files printed tables. */
async function evaluate(
  scorer: NabScorer,
  dirs: ReadonlyMap<string, string>,
  selections: readonly Selection[],
  jsonDir: string,
): Promise<{ table: Table; allText: Map<string, string> }> {
  const table: Table = new Map();
  const allText = new Map<string, string>();
  const tasks: Array<() => Promise<void>> = [];
  for (const [name, dir] of dirs) {
    const row = new Map<string, ScorerReport>();
    table.set(name, row);
    for (const sel of selections) {
      tasks.push(async () => {
        const r = await scorer.score({ results: dir, json: jsonOf(jsonDir, name, sel.key), only: sel.only, text: sel === ALL });
        row.set(sel.key, r.report);
        if (sel === ALL) allText.set(name, r.text);
      });
    }
  }
  await inParallel(tasks);
  return { table, allText };
}

interface HeldOut {
  readonly fold: Fold;
  readonly chosen: string;
  readonly trainScore: number;
  readonly report: ScorerReport;
}

/** Scores each fold's chosen configuration on its held-out category at the thresholds its training categories chose. */
async function scoreHeldOut(
  scorer: NabScorer,
  dirs: ReadonlyMap<string, string>,
  choices: ReadonlyArray<{ readonly fold: Fold; readonly chosen: string }>,
  trainScore: (config: string, fold: Fold) => number,
  categories: readonly string[],
  jsonDir: string,
): Promise<HeldOut[]> {
  return inParallel(
    choices.map(({ fold, chosen }) => async () => {
      const { report } = await scorer.score({
        results: dirs.get(chosen) as string,
        json: join(jsonDir, `${chosen}.only-${fold.heldOut}.json`),
        only: fold.heldOut,
        thresholdsFrom: jsonOf(jsonDir, chosen, selectionOf(fold.trainCategories, categories).key),
      });
      return { fold, chosen, trainScore: trainScore(chosen, fold), report };
    }),
  );
}

/** A held-out score, or its raw score where the category has no windows (NAB cannot normalise it). */
function heldOutCell(report: ScorerReport, key: ProfileKey): string {
  const p = profileOf(report, key);
  return p.score === null ? `raw ${p.raw.toFixed(2)}` : p.score.toFixed(1);
}

function printFolds(title: string, held: readonly HeldOut[]): void {
  const out = process.stdout;
  out.write(`\n${title}:\n`);
  out.write(`${'held-out category'.padEnd(24)}${'files'.padStart(6)}${'windows'.padStart(8)}  ${'chosen on the others'.padEnd(22)}${'train std'.padStart(10)}`);
  out.write(`${'held-out std'.padStart(14)}${'low FP'.padStart(12)}${'low FN'.padStart(12)}${'hit'.padStart(8)}${'FP rows'.padStart(9)}\n`);
  for (const { fold, chosen, trainScore, report } of held) {
    const std = profileOf(report, 'standard');
    out.write(
      `${fold.heldOut.padEnd(24)}${String(fold.testFiles.length).padStart(6)}${String(std.windows).padStart(8)}  ${chosen.padEnd(22)}` +
        `${trainScore.toFixed(1).padStart(10)}` +
        `${heldOutCell(report, 'standard').padStart(14)}${heldOutCell(report, 'lowFp').padStart(12)}${heldOutCell(report, 'lowFn').padStart(12)}` +
        `${`${std.windowsDetected}/${std.windows}`.padStart(8)}${String(std.rows.fp).padStart(9)}\n`,
    );
  }
}

/** The pooled held-out score per profile, normalised with all files' null and perfect. */
function crossValidated(held: readonly HeldOut[], allFiles: ScorerReport): Scores {
  return Object.fromEntries(
    PROFILE_KEYS.map((k) => {
      const whole = profileOf(allFiles, k);
      return [k, normalisedScore(held.map((h) => profileOf(h.report, k).raw), whole.nullRaw, whole.perfect)];
    }),
  ) as Scores;
}

/** The built CLI must write byte for byte what was scored for the default (it is the same code, from dist/). */
function checkCli(dataDir: string, rel: string, expected: string): void {
  const cli = execFileSync(process.execPath, [join(ROOT, 'bin/outage-desk.js'), 'detect', '--series', join(dataDir, rel)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (cli !== expected) throw new Error(`outage-desk detect --series ${rel} differs from the scored ${DEFAULT_SERIES_CONFIG} results (rebuild with npm run build?)`);
}

const fmt = (s: Scores): string => `standard ${s.standard.toFixed(1)}, low FP ${s.lowFp.toFixed(1)}, low FN ${s.lowFn.toFixed(1)}`;

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const dataDir = resolve(option(argv, '--data') ?? join(SHARED, 'datasets/nab'));
  const outDir = resolve(option(argv, '--out') ?? mkdtempSync(join(tmpdir(), 'nab-results-')));
  const jsonDir = join(outDir, 'scores');
  mkdirSync(jsonDir, { recursive: true });
  const labels = JSON.parse(readFileSync(join(dataDir, 'combined_windows.json'), 'utf8')) as Record<string, unknown>;
  const files = listCsv(dataDir)
    .map((f) => relative(dataDir, f).split('\\').join('/'))
    .filter((rel) => rel in labels)
    .sort();
  const series = new Map(files.map((rel) => [rel, parseSeriesCsv(readFileSync(join(dataDir, rel), 'utf8'))] as const));
  const folds = leaveOneCategoryOut(files);
  const categories = folds.map((f) => f.heldOut);

  const dirs = new Map(SERIES_GRID.map((c) => [c.name, writeResults(series, outDir, c)] as const));
  const detectorSeconds = (performance.now() - started) / 1000;
  const scorer = new NabScorer(join(SHARED, 'tools/nab-score.mjs'), dataDir);
  const selections = selectionsNeeded(folds, categories);
  const { table, allText } = await evaluate(scorer, dirs, selections, jsonDir);
  const names = SERIES_GRID.map((c) => c.name);
  const std = (r: ScorerReport | undefined): number => (r ? (profileOf(r, 'standard').score ?? Number.NaN) : Number.NaN);
  const trainScore = (c: string, fold: Fold): number => std(table.get(c)?.get(selectionOf(fold.trainCategories, categories).key));
  const report = (name: string): ScorerReport => table.get(name)?.get(ALL.key) as ScorerReport;

  const choices = chooseOnTraining(names, folds, trainScore);
  const held = await scoreHeldOut(scorer, dirs, choices, trainScore, categories, jsonDir);
  const heldStable = await scoreHeldOut(scorer, dirs, nestedStableChoices(names, folds, trainScore), trainScore, categories, jsonDir);
  const stable = stableChoice(names, choices);
  const bestOnAll = [...names].sort((a, b) => std(report(b)) - std(report(a)))[0] as string;
  const cv = crossValidated(held, report(bestOnAll));
  const cvStable = crossValidated(heldStable, report(bestOnAll));
  const dev = scoresOf(report(bestOnAll));
  const deflt = scoresOf(report(DEFAULT_SERIES_CONFIG));
  const defaultDir = dirs.get(DEFAULT_SERIES_CONFIG) as string;
  const probes = folds.map((f) => f.testFiles[0] as string);
  for (const probe of probes) checkCli(dataDir, probe, readFileSync(join(defaultDir, probe), 'utf8'));

  const out = process.stdout;
  out.write(`the default configuration (${DEFAULT_SERIES_CONFIG}) on all ${files.length} files, results in ${defaultDir}:\n`);
  out.write(allText.get(DEFAULT_SERIES_CONFIG) as string);
  out.write(`\nevery configuration: standard score on all ${files.length} files, and on each fold's training categories (rank among ${names.length}):\n`);
  out.write(`  ${'configuration'.padEnd(16)}${'all'.padStart(6)}${categories.map((c) => `w/o ${c}`.slice(0, 18).padStart(20)).join('')}\n`);
  for (const name of names) {
    const cells = choices.map((ch) => `${trainScore(name, ch.fold).toFixed(1)} (${ch.ranking.indexOf(name) + 1})`.padStart(20));
    out.write(`  ${name.padEnd(16)}${std(report(name)).toFixed(1).padStart(6)}${cells.join('')}\n`);
  }
  printFolds('leave one category out, each fold choosing the best configuration (and thresholds) on the other categories', held);
  printFolds('the same folds choosing by the stable rule (worst rank) on the other categories, nested', heldStable);
  out.write(`\nscores pool the held-out categories' raw scores, normalised with all ${files.length} files' null and perfect (as NAB normalises):\n`);
  out.write(`  cross-validated, best on the others:      ${fmt(cv)}\n`);
  out.write(`  cross-validated, stable on the others:    ${fmt(cvStable)}\n`);
  out.write(`  dev score, best on all files (${bestOnAll}): ${fmt(dev)}  (chosen and scored on the same files)\n`);
  out.write(`\nstable across folds: ${stable.name} (${stable.reason}; mean training score ${stable.meanTrainScore.toFixed(1)})\n`);
  out.write(
    stable.name === bestOnAll
      ? `  it is also the best on all files.\n`
      : `  preferred over ${bestOnAll}, the best on all files.\n`,
  );
  if (stable.name !== DEFAULT_SERIES_CONFIG) {
    out.write(`  WARNING: detect --series uses ${DEFAULT_SERIES_CONFIG}; set DEFAULT_SERIES_CONFIG in src/detect/series/grid.ts to ${stable.name}\n`);
  }
  out.write(`default of detect --series: ${DEFAULT_SERIES_CONFIG}, on all files ${fmt(deflt)}\n  outage-desk detect --series writes exactly these results (checked on ${probes.join(', ')})\n`);
  out.write(`\npublished, standard profile, same ${files.length} files:\n`);
  for (const [name, s] of PUBLISHED) out.write(`  ${name.padEnd(18)}${s.toFixed(1)}\n`);
  const total = (performance.now() - started) / 1000;
  out.write(
    `nab_standard=${deflt.standard.toFixed(1)} nab_low_fp=${deflt.lowFp.toFixed(1)} nab_low_fn=${deflt.lowFn.toFixed(1)} ` +
      `cv_standard=${cv.standard.toFixed(1)} cv_low_fp=${cv.lowFp.toFixed(1)} cv_low_fn=${cv.lowFn.toFixed(1)} ` +
      `cv_stable_standard=${cvStable.standard.toFixed(1)} cv_stable_low_fp=${cvStable.lowFp.toFixed(1)} cv_stable_low_fn=${cvStable.lowFn.toFixed(1)} ` +
      `dev_standard=${dev.standard.toFixed(1)} default=${DEFAULT_SERIES_CONFIG} stable=${stable.name} dev_best=${bestOnAll} ` +
      `configs=${names.length} folds=${folds.length} files=${files.length} detector_seconds=${detectorSeconds.toFixed(1)} seconds=${total.toFixed(1)}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
