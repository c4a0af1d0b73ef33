// Streams a run to disk: the truth JSON, then the reports as JSON lines. Lines are batched
// into ~1 MB chunks and the writer waits for 'drain', so memory stays flat for millions of
// rows however slow the disk is.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { Background } from './background.js';
import { MINUTE } from './content.js';
import { generateReports } from './generate.js';
import type { SimReport, Truth } from './types.js';

const CHUNK_CHARS = 1 << 20;

/** One import line; field order fixed, only free text needs escaping. */
function reportLine(r: SimReport): string {
  return (
    `{"carrier":"${r.carrier}","services":["${r.services.join('","')}"],"sosMode":${r.sosMode},` +
    `"zip":"${r.zip}","startedAt":"${r.startedAt}","endedAt":${r.endedAt === null ? 'null' : `"${r.endedAt}"`},` +
    `"calledCarrier":${r.calledCarrier === null ? 'null' : `"${r.calledCarrier}"`},` +
    `"description":${JSON.stringify(r.description)},"consentToContact":${r.consentToContact},` +
    `"receivedAt":"${r.receivedAt}","fingerprint":"${r.fingerprint}"}\n`
  );
}

/** Roughly how many lines a run will write, for the progress bar (not exact: random). */
export function estimateReports(truth: Truth): number {
  const background = new Background(truth.backgroundPeakPer15min, truth.quiet);
  let sum = 0;
  // The background changes slowly: sampling every 15th minute is close and 15 times cheaper.
  const step = 15 * MINUTE;
  const endMs = Date.parse(truth.end);
  for (let ms = Date.parse(truth.start); ms < endMs; ms += step) {
    sum += background.expectedIn(ms) * (Math.min(step, endMs - ms) / MINUTE);
  }
  for (const o of truth.outages) sum += o.expectedReports;
  for (const q of truth.quiet) sum += q.reports ?? 0;
  return Math.round(sum * 1.035); // re-submissions and the spam trickle
}

export async function writeTruth(path: string, truth: Truth): Promise<void> {
  await writeFile(path, JSON.stringify(truth, null, 2) + '\n');
}

export async function writeReports(
  path: string,
  truth: Truth,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const out = createWriteStream(path);
  // An error (bad path, full disk) may come while we generate; remember it, stop at the
  // next flush. `once` rejects by itself if 'error' comes while it waits.
  let failure: Error | undefined;
  out.on('error', (e) => (failure = e));
  const total = onProgress ? estimateReports(truth) : 0;
  let written = 0;
  let chunk = '';
  let pending = 0;
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    // Every line is ASCII (fixed texts, ids, dates), so latin1 is UTF-8 here and cheaper.
    if (!out.write(chunk, 'latin1')) await once(out, 'drain');
    chunk = '';
    onProgress?.(written, Math.max(total, written));
  };
  for (const report of generateReports(truth)) {
    chunk += reportLine(report);
    written++;
    if (++pending >= 4096 && chunk.length >= CHUNK_CHARS) {
      pending = 0;
      await flush();
    }
  }
  await flush();
  out.end();
  if (!out.writableFinished) await once(out, 'finish');
  if (failure) throw failure;
  return written;
}
