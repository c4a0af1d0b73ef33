// Bulk import of report objects from a file (JSON Lines or CSV). Rows that fail validation are
// written with their line number and reasons to a rejects file, never dropped silently. Rows
// may carry receivedAt and fingerprint, so a recorded stream replays faithfully.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Store } from '../store/index.js';
import { BulkImporter, type BulkCounts } from './bulk-import.js';
import { csvReportRows, type Parsed, type SourceRow } from './csv.js';
import type { FieldError } from './field-errors.js';

export interface ImportOptions {
  now?: Date;
  rejectsPath?: string | undefined;
  batchSize?: number;
  onProgress?: (bytesRead: number, totalBytes: number, accepted: number) => void;
}

export interface ImportResult extends BulkCounts {
  rejectsPath: string | null;
}

export type ImportFormat = 'jsonl' | 'csv';

/** Report progress this often: often enough to move on large files, cheap since the bar throttles. */
const PROGRESS_EVERY_ROWS = 1000;
const BY_EXTENSION: Record<string, ImportFormat> = { '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl', '.csv': 'csv' };

/**
 * The extension decides: guessing from content once read a .jsonl whose first line was broken
 * as CSV, and every row failed. Only an unknown extension is sniffed, from the first non-blank line.
 */
export function importFormat(file: string, firstLine: string): ImportFormat {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? (firstLine.trimStart().startsWith('{') ? 'jsonl' : 'csv');
}

function parseJson(line: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch (err) {
    return { ok: false, errors: [{ path: '(line)', message: `is not valid JSON (${(err as Error).message})` }] };
  }
}

async function* jsonLinesRows(input: fs.ReadStream): AsyncGenerator<SourceRow> {
  let lineNo = 0;
  for await (const raw of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNo += 1;
    // Spreadsheets and Windows editors start UTF-8 files with a BOM; it is not part of the data.
    const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() !== '') yield { line: lineNo, text: line, parsed: parseJson(line) };
  }
}

/** The first non-blank line, read only when the extension does not say the format. */
function firstLine(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split('\n').find((l) => l.trim() !== '') ?? '';
  } finally {
    fs.closeSync(fd);
  }
}

function formatOf(file: string): ImportFormat {
  return importFormat(file, path.extname(file).toLowerCase() in BY_EXTENSION ? '' : firstLine(file));
}

/** The rejects file, created on the first reject only. */
class RejectsFile {
  #out: fs.WriteStream | null = null;

  constructor(readonly path: string) {
    // A file left by an earlier run would describe rows this run may have accepted.
    fs.rmSync(path, { force: true });
  }

  write(row: SourceRow, errors: FieldError[]): void {
    this.#out ??= fs.createWriteStream(this.path);
    const text = row.text.length > 4000 ? row.text.slice(0, 4000) : row.text;
    this.#out.write(JSON.stringify({ line: row.line, errors, row: text }) + '\n');
  }

  /** Closes the file; returns its path, or null when nothing was rejected. */
  async close(): Promise<string | null> {
    const out = this.#out;
    if (!out) return null;
    await new Promise<void>((resolve) => out.end(resolve));
    return this.path;
  }
}

export async function importFile(store: Store, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const totalBytes = fs.statSync(file).size;
  const rejects = new RejectsFile(opts.rejectsPath ?? `${file}.rejected.jsonl`);
  const input = fs.createReadStream(file);
  const importer = new BulkImporter(store, opts.now ?? new Date(), opts.batchSize);
  let rows = 0;
  const source = formatOf(file) === 'csv' ? csvReportRows(input) : jsonLinesRows(input);
  for await (const row of source) {
    const errors = row.parsed.ok ? importer.add(row.parsed.value) : row.parsed.errors;
    if (!row.parsed.ok) importer.counts.rejected += 1;
    if (errors) rejects.write(row, errors);
    if (importer.full) await importer.flush();
    if (++rows % PROGRESS_EVERY_ROWS === 0) opts.onProgress?.(input.bytesRead, totalBytes, importer.counts.accepted);
  }
  await importer.finish();
  opts.onProgress?.(totalBytes, totalBytes, importer.counts.accepted);
  return { ...importer.counts, rejectsPath: await rejects.close() };
}
