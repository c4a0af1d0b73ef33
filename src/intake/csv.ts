// CSV rows of reports as the objects a JSON client would send, and the reader that turns a
// file's lines into those rows (first record is the header; a quoted field may span lines).
import { CsvRecordJoiner, splitCsvLine, type CsvRecord } from '../ops/csv-line.js';
import type { FieldError } from './field-errors.js';

const BOOLEAN_COLUMNS = new Set(['sosMode', 'consentToContact']);
const NULLABLE_COLUMNS = new Set(['endedAt', 'calledCarrier']);

/**
 * A CSV row as the same object a JSON client would send: `services` split on ; or |,
 * `contact.email` style columns nested, booleans and empty nullables converted.
 */
export function csvRowToReport(header: string[], cells: string[]): Record<string, unknown> {
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
  line: number;
  text: string;
  parsed: Parsed;
}

/** Turns physical lines (fed in order) into rows; end() returns what an unfinished record leaves. */
export interface RowReader {
  push(line: string, lineNo: number): SourceRow[];
  end(): SourceRow[];
}

export function csvReportReader(): RowReader {
  const joiner = new CsvRecordJoiner();
  let header: string[] | null = null;
  const toRow = (r: CsvRecord): SourceRow[] => {
    if (!r.ok) return [{ line: r.line, text: r.text, parsed: { ok: false, errors: [{ path: '(line)', message: r.message }] } }];
    if (!header) {
      header = splitCsvLine(r.text);
      return [];
    }
    return [{ line: r.line, text: r.text, parsed: { ok: true, value: csvRowToReport(header, splitCsvLine(r.text)) } }];
  };
  return { push: (line, n) => joiner.push(line, n).flatMap(toRow), end: () => joiner.end().flatMap(toRow) };
}
