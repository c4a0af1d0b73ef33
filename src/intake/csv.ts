// CSV rows of reports as the objects a JSON client would send, read with csv-parse: the first
// record is the header, a quoted field may span lines (spreadsheets export free text with its
// line breaks), and a quote inside an unquoted field is text (`5" screen`), not a quote.
import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { CSV_OPTIONS, isBlank, linesOf } from '../ops/csv-records.js';
import type { FieldError } from './field-errors.js';

const BOOLEAN_COLUMNS = new Set(['sosMode', 'consentToContact']);
const NULLABLE_COLUMNS = new Set(['endedAt', 'calledCarrier']);

/**
 * A CSV row as the same object a JSON client would send: `services` split on ; or |,
 * `contact.email` style columns nested, booleans and empty nullables converted.
 */
function csvRowToReport(header: string[], cells: string[]): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  const contact: Record<string, string> = {};
  header.forEach((name, i) => {
    const v = cells[i] ?? '';
    if (name.startsWith('contact.')) {
      if (v !== '') contact[name.slice(8)] = v;
    } else if (name === 'services') obj.services = v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
    else if (BOOLEAN_COLUMNS.has(name)) {
      if (v !== '') obj[name] = /^(true|1|yes)$/i.test(v) ? true : /^(false|0|no)$/i.test(v) ? false : v;
    } else if (NULLABLE_COLUMNS.has(name)) obj[name] = v === '' ? null : v;
    else if (v !== '') obj[name] = v;
  });
  if (Object.keys(contact).length > 0) obj.contact = contact;
  return obj;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

/** One row of an import file: the line it starts on, its text, and the object or why it is unreadable. */
export interface SourceRow {
  readonly line: number;
  /** Read only for a rejected row (a CSV row's text is written again from its fields on demand). */
  readonly text: string;
  readonly parsed: Parsed;
}

const unreadable = (line: number, text: string, message: string): SourceRow => ({ line, text, parsed: { ok: false, errors: [{ path: '(line)', message }] } });

/**
 * A record as CSV again, for the rejects file: the parser keeps no copy of the source text (that
 * costs a sixth of the parse). Quoted only where needed, so `5" screen` reads as it was written.
 */
function csvText(cells: readonly string[]): string {
  return cells.map((c) => (c.startsWith('"') || /[,\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

/** A row whose text is built only if it is asked for: most rows are accepted and never need it. */
class CsvRow implements SourceRow {
  constructor(readonly line: number, private readonly record: readonly string[], readonly parsed: Parsed) {}

  get text(): string {
    return csvText(this.record);
  }
}

/** A field trimmed, with a CRLF inside quotes read as the \n a JSON client would send. */
const cell = (c: string): string => (c.includes('\r') ? c.replace(/\r\n/g, '\n') : c).trim();

/** Reads report rows from a CSV byte stream (UTF-8); each row is numbered by the line it starts on. */
export async function* csvReportRows(input: Readable): AsyncGenerator<SourceRow> {
  // With relax_quotes and relax_column_count, only a quote left open at the end of the file is
  // an error; it is skipped (the stream would otherwise fail and lose the rows buffered before it).
  let skipped: CsvError | undefined;
  const records = input.pipe(parse({
    ...CSV_OPTIONS, skip_records_with_error: true,
    on_skip: (err) => {
      skipped = err;
    },
  }));
  let header: string[] | null = null;
  let line = 1;
  for await (const record of records as AsyncIterable<string[]>) {
    const start = line;
    line += linesOf(record);
    if (isBlank(record)) continue;
    const cells = record.map(cell);
    if (!header) header = cells;
    else if (cells.length > header.length) {
      const message = `has ${cells.length} fields but the header names ${header.length} (put a field with a comma in double quotes)`;
      yield new CsvRow(start, record, { ok: false, errors: [{ path: '(line)', message }] });
    } else yield new CsvRow(start, record, { ok: true, value: csvRowToReport(header, cells) });
  }
  // Everything after the opening quote was read as one field: say so rather than drop it silently.
  if (skipped) {
    yield unreadable(line, '', skipped.code === 'CSV_QUOTE_NOT_CLOSED' ? 'has a quoted field that is never closed (the rest of the file was read as that field)' : `cannot be read as CSV (${skipped.message})`);
  }
}
