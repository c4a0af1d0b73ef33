/**
 * Reading `timestamp,value` CSV for `outage-desk detect --series`.
 *
 * Tolerant where files differ harmlessly (optional header, extra columns,
 * blank lines, CRLF, BOM, quoted fields, ISO or "YYYY-MM-DD HH:MM:SS" times)
 * and strict where a silent guess would corrupt the result: a row that cannot
 * be read stops the run with its line number.
 */
import { parse } from 'csv-parse/sync';
import { CSV_OPTIONS, isBlank, linesOf } from '../../ops/csv-records.js';

export interface SeriesRow {
  /** The timestamp exactly as written, echoed to the output. */
  readonly timestampText: string;
  /** Milliseconds since the epoch; zone-less times are read as UTC. */
  readonly timestampMs: number;
  readonly value: number;
  /** The value exactly as written, echoed to the output. */
  readonly valueText: string;
  /** 1-based line number in the input, for messages. */
  readonly line: number;
}

/** A CSV problem the user can fix; `code` is stable, `line` is 1-based (0 = whole file). */
export class SeriesCsvError extends Error {
  readonly code = 'SERIES_CSV_INVALID';

  constructor(
    message: string,
    readonly line: number,
  ) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.name = 'SeriesCsvError';
  }
}

const PLAIN_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Parses "YYYY-MM-DD[ HH:MM[:SS[.fff]]]" as UTC, else any ISO 8601 with a zone; NaN if neither. */
export function parseTimestamp(text: string): number {
  const m = PLAIN_TIME.exec(text);
  if (m) {
    const [, y, mo, d, h, mi, s, frac] = m;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
    // Date.UTC rolls 2014-02-31 over to March; reject instead.
    const back = new Date(t);
    return back.getUTCMonth() === Number(mo) - 1 && back.getUTCDate() === Number(d) ? t : Number.NaN;
  }
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) return Date.parse(text);
  return Number.NaN;
}

interface Columns {
  readonly time: number;
  readonly value: number;
}

/** Finds the columns from a header line, or null when the line is data. */
function headerColumns(fields: readonly string[], line: number): Columns | null {
  const names = fields.map((f) => f.toLowerCase());
  // A readable time or a numeric second field means data (its errors are then reported as row errors).
  const looksLikeData =
    fields.length >= 2 && (!Number.isNaN(parseTimestamp(fields[0] ?? '')) || Number.isFinite(Number(fields[1] || 'x')));
  if (looksLikeData) return null;
  const time = names.indexOf('timestamp');
  const value = names.indexOf('value');
  if (time < 0 || value < 0) {
    throw new SeriesCsvError(`header must name columns "timestamp" and "value" (found: ${fields.join(',')})`, line);
  }
  return { time, value };
}

function parseRow(fields: readonly string[], cols: Columns, line: number): SeriesRow {
  const timestampText = fields[cols.time];
  const valueText = fields[cols.value];
  if (timestampText === undefined || valueText === undefined) {
    throw new SeriesCsvError(`expected at least ${Math.max(cols.time, cols.value) + 1} fields, found ${fields.length}`, line);
  }
  const timestampMs = parseTimestamp(timestampText);
  if (Number.isNaN(timestampMs)) {
    throw new SeriesCsvError(`cannot read timestamp "${timestampText}" (use ISO 8601 or YYYY-MM-DD HH:MM:SS)`, line);
  }
  const value = valueText === '' ? Number.NaN : Number(valueText);
  if (!Number.isFinite(value)) throw new SeriesCsvError(`value "${valueText}" is not a finite number`, line);
  return { timestampText, timestampMs, value, valueText, line };
}

/** The records of a CSV text with fields trimmed, each with the line it starts on; blank lines dropped. */
function records(text: string): Array<{ fields: string[]; line: number }> {
  let unclosed = false;
  // A quote left open is the only error left with CSV_OPTIONS; skipping it keeps the count of lines.
  const all = parse(text, { ...CSV_OPTIONS, skip_records_with_error: true, on_skip: () => void (unclosed = true) }) as string[][];
  const out: Array<{ fields: string[]; line: number }> = [];
  let line = 1;
  for (const record of all) {
    const start = line;
    line += linesOf(record);
    if (!isBlank(record)) out.push({ fields: record.map((f) => f.trim()), line: start });
  }
  if (unclosed) throw new SeriesCsvError('a quoted field starts here and is never closed', line);
  return out;
}

/** Parses a whole CSV text: an optional header naming the columns, then one row per line. */
export function parseSeriesCsv(text: string): SeriesRow[] {
  const rows: SeriesRow[] = [];
  let cols: Columns | null = null;
  for (const { fields, line } of records(text)) {
    if (cols === null) {
      cols = headerColumns(fields, line) ?? { time: 0, value: 1 };
      if (fields[cols.time]?.toLowerCase() === 'timestamp') continue;
    }
    rows.push(parseRow(fields, cols, line));
  }
  return rows;
}
