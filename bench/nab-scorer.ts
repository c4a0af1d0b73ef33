/**
 * Runs the shared NAB scorer (../shared/tools/nab-score.mjs) on a results folder,
 * on all files or a selection (a category kept or left out), optionally at the
 * thresholds another run chose. Runs are independent processes, so a few go at once.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROFILES = { standard: 'standard', lowFp: 'reward_low_FP_rate', lowFn: 'reward_low_FN_rate' } as const;
export type ProfileKey = keyof typeof PROFILES;
export const PROFILE_KEYS = Object.keys(PROFILES) as ProfileKey[];

export interface ScorerProfile {
  /** Normalised score; null when the selection has no windows (perfect = null = 0). */
  readonly score: number | null;
  readonly raw: number;
  readonly nullRaw: number;
  readonly perfect: number;
  readonly threshold: number | null;
  readonly windows: number;
  readonly windowsDetected: number;
  readonly rows: { readonly fp: number };
}

export interface ScorerReport {
  readonly nFiles: number;
  readonly profiles: Record<string, ScorerProfile>;
}

export interface ScorerRun {
  readonly results: string;
  /** Where the JSON report goes; its thresholds can fix a later run's. */
  readonly json: string;
  readonly only?: string;
  readonly exclude?: string;
  readonly thresholdsFrom?: string;
  /** Keep the printed table (with per-category scores). */
  readonly text?: boolean;
}

export function profileOf(report: ScorerReport, key: ProfileKey): ScorerProfile {
  const p = report.profiles[PROFILES[key]];
  if (!p) throw new Error(`scorer report has no profile ${PROFILES[key]}`);
  return p;
}

export class NabScorer {
  constructor(
    private readonly script: string,
    private readonly dataDir: string,
  ) {}

  async score(r: ScorerRun): Promise<{ report: ScorerReport; text: string }> {
    const args = [
      this.script,
      '--results', r.results,
      '--data', this.dataDir,
      '--labels', join(this.dataDir, 'combined_windows.json'),
      '--profiles', join(this.dataDir, 'profiles.json'),
      '--json', r.json,
      ...(r.only ? ['--files', r.only] : []),
      ...(r.exclude ? ['--exclude', r.exclude] : []),
      ...(r.thresholdsFrom ? ['--thresholds', r.thresholdsFrom] : []),
      ...(r.text ? ['--categories'] : ['--quiet']),
    ];
    const { stdout } = await run(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    return { report: JSON.parse(readFileSync(r.json, 'utf8')) as ScorerReport, text: stdout };
  }
}

/** Runs tasks with at most `limit` at once (one per core by default), results in task order. */
export async function inParallel<T>(tasks: ReadonlyArray<() => Promise<T>>, limit = cpus().length): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return out;
}
