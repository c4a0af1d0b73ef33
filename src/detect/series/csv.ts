/**
 * Reading `timestamp,value` CSV for `outage-desk detect --series`.
 *
 * Tolerant where files differ harmlessly (optional header, extra columns,
 * blank lines, CRLF, BOM, quoted fields, ISO or "YYYY-MM-DD HH:MM:SS" times)
 * and strict where a silent guess would corrupt the result: a row that cannot
 * be read stops the run with its line number.
 */
import { splitCsvLine } from '../../ops/csv-line.js';

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

/**
 * Incremental parser: feed lines in order, get rows back. Keeps the header
 * decision so callers can stream a file of any length.
 */
export class SeriesCsvParser {
  private cols: Columns | null = null;
  private lineNo = 0;

  /** Returns the row on this line, or null for a header or blank line. */
  pushLine(raw: string): SeriesRow | null {
    this.lineNo += 1;
    const text = (this.lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    if (text.trim() === '') return null;
    const fields = splitCsvLine(text);
    if (this.cols === null) {
      this.cols = headerColumns(fields, this.lineNo) ?? { time: 0, value: 1 };
      if (fields[this.cols.time]?.toLowerCase() === 'timestamp') return null;
    }
    return parseRow(fields, this.cols, this.lineNo);
  }
}

/** Parses a whole CSV text. */
export function parseSeriesCsv(text: string): SeriesRow[] {
  const parser = new SeriesCsvParser();
  const rows: SeriesRow[] = [];
  for (const line of text.split('\n')) {
    const row = parser.pushLine(line);
    if (row) rows.push(row);
  }
  return rows;
}
