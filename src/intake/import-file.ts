// Bulk import of report objects (JSON Lines or CSV). Every row is validated by the same rules
// as the API; rows that fail are written with their reasons to a rejects file, never dropped
// silently. Rows may carry receivedAt and fingerprint so a recorded stream replays faithfully.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import type { ReportRow, Store } from '../store/index.js';
import { csvRowToReport, parseCsvLine } from './csv.js';
import type { FieldError } from './field-errors.js';
import { insertWithFreshIds, toReportRow } from './intake.js';
import { validateReport } from './validate.js';

export interface ImportOptions {
  now?: Date;
  rejectsPath?: string;
  batchSize?: number;
  onProgress?: (bytesRead: number, totalBytes: number, accepted: number) => void;
}

export interface ImportResult {
  accepted: number;
  rejected: number;
  rejectsPath: string | null;
  firstReceivedAt: Date | null;
  lastReceivedAt: Date | null;
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
  const header = parseCsvLine(firstLine).map((h) => h.trim());
  return (line) => ({ ok: true, value: csvRowToReport(header, parseCsvLine(line)) });
}

export async function importFile(store: Store, file: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const now = opts.now ?? new Date();
  const totalBytes = fs.statSync(file).size;
  const input = fs.createReadStream(file);
  const rejectsPath = opts.rejectsPath ?? `${file}.rejected.jsonl`;
  let rejects: fs.WriteStream | null = null;
  const result: ImportResult = { accepted: 0, rejected: 0, rejectsPath: null, firstReceivedAt: null, lastReceivedAt: null };
  const batchSize = opts.batchSize ?? 5000;
  let batch: ReportRow[] = [];
  let parse: ((line: string) => Parsed) | null = null;
  let lineNo = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await insertWithFreshIds(store.db, rows);
    result.accepted += rows.length;
    opts.onProgress?.(input.bytesRead, totalBytes, result.accepted);
  };
  const reject = (line: string, errors: FieldError[]) => {
    rejects ??= fs.createWriteStream(rejectsPath);
    rejects.write(JSON.stringify({ line: lineNo, errors, row: line.length > 4000 ? line.slice(0, 4000) : line }) + '\n');
    result.rejected += 1;
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
      reject(line, parsed.errors);
      continue;
    }
    const v = validateReport(parsed.value, { receivedAt: now, importRow: true });
    if (!v.ok) {
      reject(line, v.errors);
      continue;
    }
    const r = v.report;
    const receivedAt = r.receivedAt ?? now;
    batch.push(toReportRow({ report: r, source: r.source ?? 'import', fingerprint: r.fingerprint ?? `import:${randomUUID()}`, receivedAt }));
    if (!result.firstReceivedAt || receivedAt < result.firstReceivedAt) result.firstReceivedAt = receivedAt;
    if (!result.lastReceivedAt || receivedAt > result.lastReceivedAt) result.lastReceivedAt = receivedAt;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  const openRejects = rejects as fs.WriteStream | null;
  if (openRejects) {
    await new Promise<void>((resolve) => openRejects.end(resolve));
    result.rejectsPath = rejectsPath;
  }
  return result;
}
