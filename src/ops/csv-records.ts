// How both CSV readers (report import, `detect --series`) call csv-parse, and how they number
// lines: csv-parse's own `info` costs a third of the parse and counts a CRLF inside quotes as
// two lines, so each record's lines are counted from its fields instead.
import type { Options } from 'csv-parse';

/**
 * A quote inside an unquoted field is text (`5" screen`); rows may be short (missing cells are
 * empty) or long (the caller decides); blank lines come through as one empty field, to be counted.
 */
export const CSV_OPTIONS = { bom: true, relax_quotes: true, relax_column_count: true, record_delimiter: ['\r\n', '\n'] } satisfies Options;

/** The physical lines a record takes: one, plus the line breaks inside its quoted fields. */
export function linesOf(record: readonly string[]): number {
  let n = 1;
  for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

/** A blank line (or one of spaces): no record at all. */
export const isBlank = (fields: readonly string[]): boolean => fields.length === 1 && fields[0]!.trim() === '';
