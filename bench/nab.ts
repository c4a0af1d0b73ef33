/**
 * NAB benchmark for the "any time series" detector.
 *
 *   npx tsx bench/nab.ts [--data DIR] [--out DIR] [--per-file]
 *
 * Runs `outage-desk detect --series` (the built CLI) on every CSV of the NAB development
 * set — ONE detector configuration for all files —
 * writes NAB's results layout (one CSV per data file, same relative path, with
 * `timestamp,value,anomaly_score`), runs the shared scorer (which reproduces
 * NAB's published numbers) and prints the three profiles next to the published
 * development-set scores. The last line is a single name=value summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

const PROFILES = { standard: 'standard', low_fp: 'reward_low_FP_rate', low_fn: 'reward_low_FN_rate' } as const;

interface ScorerProfile {
  readonly score: number;
  readonly threshold: number | null;
  readonly windowsDetected: number;
  readonly windows: number;
  readonly rows: { readonly fp: number };
}

interface ScorerReport {
  readonly profiles: Record<string, ScorerProfile>;
}

export interface NabResult {
  readonly standard: number;
  readonly lowFp: number;
  readonly lowFn: number;
  readonly files: number;
  readonly seconds: number;
  readonly report: ScorerReport;
  readonly scorerText: string;
}

function listCsv(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return listCsv(p);
    return e.isFile() && e.name.endsWith('.csv') ? [p] : [];
  });
}

/** Runs `outage-desk detect --series` (the built CLI) on every data file into NAB's results layout. */
function writeResults(dataDir: string, outDir: string): number {
  const files = listCsv(dataDir).sort();
  for (const file of files) {
    const scored = execFileSync(process.execPath, [join(ROOT, 'bin/outage-desk.js'), 'detect', '--series', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const target = join(outDir, relative(dataDir, file));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, scored);
  }
  return files.length;
}

/** Runs the detector over the NAB folder and scores it with the shared NAB scorer. */
export function runNab(dataDir: string, outDir: string, perFile = false): NabResult {
  const started = performance.now();
  const files = writeResults(dataDir, outDir);
  const seconds = (performance.now() - started) / 1000;
  const jsonPath = join(outDir, 'nab-score.json');
  const args = [
    join(SHARED, 'tools/nab-score.mjs'),
    '--results', outDir,
    '--data', dataDir,
    '--labels', join(dataDir, 'combined_windows.json'),
    '--profiles', join(dataDir, 'profiles.json'),
    '--categories',
    '--json', jsonPath,
    ...(perFile ? ['--per-file'] : []),
  ];
  const scorerText = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const report = JSON.parse(readFileSync(jsonPath, 'utf8')) as ScorerReport;
  const score = (name: string): number => report.profiles[name]?.score ?? Number.NaN;
  return {
    standard: score(PROFILES.standard),
    lowFp: score(PROFILES.low_fp),
    lowFn: score(PROFILES.low_fn),
    files,
    seconds,
    report,
    scorerText,
  };
}

function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: readonly string[]): void {
  const dataDir = resolve(option(argv, '--data') ?? join(SHARED, 'datasets/nab'));
  const outDir = resolve(option(argv, '--out') ?? mkdtempSync(join(tmpdir(), 'nab-results-')));
  const started = performance.now();
  const r = runNab(dataDir, outDir, argv.includes('--per-file'));
  const total = (performance.now() - started) / 1000;
  process.stdout.write(r.scorerText);
  process.stdout.write(`\nresults written to ${outDir}\n`);
  process.stdout.write(`\nOutage Desk series detector (one configuration for all files, causal):\n`);
  process.stdout.write(`  standard        ${r.standard.toFixed(1)}\n`);
  process.stdout.write(`  reward_low_FP   ${r.lowFp.toFixed(1)}\n`);
  process.stdout.write(`  reward_low_FN   ${r.lowFn.toFixed(1)}\n`);
  process.stdout.write(`\npublished, standard profile, same ${r.files} files:\n`);
  for (const [name, s] of PUBLISHED) process.stdout.write(`  ${name.padEnd(18)}${s.toFixed(1)}\n`);
  process.stdout.write(
    `nab_standard=${r.standard.toFixed(1)} nab_low_fp=${r.lowFp.toFixed(1)} nab_low_fn=${r.lowFn.toFixed(1)} ` +
      `files=${r.files} seconds=${total.toFixed(1)}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
