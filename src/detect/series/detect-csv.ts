import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { parseSeriesCsv, type SeriesRow } from './csv.js';
import { DEFAULT_SERIES_OPTIONS, scoreSeries, SeriesAnomalyDetector, type SeriesDetectorOptions } from './score.js';

const SERIES_OUTPUT_HEADER = 'timestamp,value,anomaly_score';

/** Rows written per write() call; large enough to be fast, small enough to respect back-pressure. */
const LINES_PER_CHUNK = 2000;

async function readAll(input: NodeJS.ReadableStream | string): Promise<string> {
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  let text = '';
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  }
  return text + decoder.decode();
}

/** Formats a score compactly without losing the ordering the NAB threshold sweep relies on. */
function formatScore(score: number): string {
  return score === 0 || score === 1 ? String(score) : score.toFixed(6);
}

function outputLine(row: SeriesRow, score: number): string {
  const quote = (f: string): string => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return `${quote(row.timestampText)},${quote(row.valueText)},${formatScore(score)}\n`;
}

async function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain');
}

/**
 * Reads a `timestamp,value` CSV (a path or a stream) and writes
 * `timestamp,value,anomaly_score`, one row per input row, in order.
 * The whole input is validated before anything is written, so a bad row
 * never leaves a half-written result behind. Does not end `output`.
 */
export async function detectSeriesCsv(
  input: NodeJS.ReadableStream | string,
  output: NodeJS.WritableStream,
  options: SeriesDetectorOptions = DEFAULT_SERIES_OPTIONS,
): Promise<{ rows: number }> {
  const rows = parseSeriesCsv(await readAll(input));
  const detector = new SeriesAnomalyDetector(options);
  let chunk = `${SERIES_OUTPUT_HEADER}\n`;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SeriesRow;
    chunk += outputLine(row, detector.push(row.value, row.timestampMs));
    if ((i + 1) % LINES_PER_CHUNK === 0) {
      await write(output, chunk);
      chunk = '';
    }
  }
  if (chunk) await write(output, chunk);
  return { rows: rows.length };
}

/**
 * The same output for rows already parsed, in memory: what bench/nab.ts writes
 * for each candidate configuration without re-reading the files.
 */
export function scoredSeriesCsv(rows: readonly SeriesRow[], options: SeriesDetectorOptions): string {
  const scores = scoreSeries(
    rows.map((r) => r.value),
    rows.map((r) => r.timestampMs),
    options,
  );
  return `${SERIES_OUTPUT_HEADER}\n${rows.map((r, i) => outputLine(r, scores[i] as number)).join('')}`;
}
