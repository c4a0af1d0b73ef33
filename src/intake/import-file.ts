// Bulk import of report objects from a file (JSON Lines or CSV). Rows that fail validation are
// written with their line number and reasons to a rejects file, never dropped silently. Rows
// may carry receivedAt and fingerprint, so a recorded stream replays faithfully.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Store } from '../store/index.js';
import { BulkImporter, type BulkCounts } from './bulk-import.js';
import { splitCsvLine } from '../ops/csv-line.js';
import { csvRowToReport } from './csv.js';
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

type Parsed = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

function lineParser(file: string, firstLine: string): (line: string) => Parsed {
  const isCsv = file.toLowerCase().endsWith('.csv') || !firstLine.trimStart().startsWith('{');
  if (!isCsv) {
    return (line) => {
      try {
        return { ok: true, value: JSON.parse(line) as unknown };
      } catch {
        return { ok: false, errors: [{ path: '(line)', message: 'is not valid JSON' }] };
      }
    };
  }
  const header = splitCsvLine(firstLine);
  return (line) => ({ ok: true, value: csvRowToReport(header, splitCsvLine(line)) });
}

export async function importFile(store: Store, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const totalBytes = fs.statSync(file).size;
  const input = fs.createReadStream(file);
  const rejectsPath = opts.rejectsPath ?? `${file}.rejected.jsonl`;
  const importer = new BulkImporter(store, opts.now ?? new Date(), opts.batchSize);
  let rejects: fs.WriteStream | null = null;
  let parse: ((line: string) => Parsed) | null = null;
  let lineNo = 0;
  const reject = (line: string, errors: FieldError[]) => {
    rejects ??= fs.createWriteStream(rejectsPath);
    rejects.write(JSON.stringify({ line: lineNo, errors, row: line.length > 4000 ? line.slice(0, 4000) : line }) + '\n');
  };

  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNo += 1;
    if (line.trim() === '') continue;
    if (!parse) {
      parse = lineParser(file, line);
      if (!line.trimStart().startsWith('{')) continue; // CSV header
    }
    const parsed = parse(line);
    if (!parsed.ok) {
      importer.counts.rejected += 1;
      reject(line, parsed.errors);
      continue;
    }
    const errors = importer.add(parsed.value);
    if (errors) reject(line, errors);
    if (importer.full) {
      await importer.flush();
      opts.onProgress?.(input.bytesRead, totalBytes, importer.counts.accepted);
    }
  }
  await importer.finish();
  const openRejects = rejects as fs.WriteStream | null;
  if (openRejects) await new Promise<void>((resolve) => openRejects.end(resolve));
  return { ...importer.counts, rejectsPath: openRejects ? rejectsPath : null };
}
