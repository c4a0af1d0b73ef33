// CSV (RFC 4180 quoting: "" is a literal quote). splitCsvLine is shared by the report importer
// and the series reader; CsvRecordJoiner lets a quoted field span physical lines (spreadsheets
// export free text with its line breaks), which the importer needs and the series reader never sees.

/** Splits one CSV record into trimmed fields, honouring double quotes ("" is a literal quote). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',').map((f) => f.trim());
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  fields.push(cur.trim());
  return fields;
}

/** Whether a line toggles the quote state: every quote toggles it ("" toggles twice), as in splitCsvLine. */
function togglesQuote(line: string): boolean {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
}

/** One logical record, or a record whose quote never closed; `line` is where it starts (1-based). */
export type CsvRecord = { ok: true; line: number; text: string } | { ok: false; line: number; text: string; message: string };

/**
 * Joins physical lines into records while a quote is open. A stray quote would otherwise swallow
 * the rest of the file into one record, so after `maxLines` lines (or at the end) the record's
 * first line is reported as unclosed and the lines after it are read again on their own.
 */
export class CsvRecordJoiner {
  #lines: string[] = [];
  #start = 0;
  #open = false;

  constructor(private readonly maxLines = 1000) {}

  /** Feeds the next physical line (without its line break); returns the records it completes. */
  push(line: string, lineNo: number): CsvRecord[] {
    if (this.#lines.length === 0) {
      if (line.trim() === '') return [];
      this.#start = lineNo;
    }
    this.#lines.push(line);
    if (togglesQuote(line)) this.#open = !this.#open;
    if (!this.#open) return [this.#take()];
    return this.#lines.length >= this.maxLines ? this.#giveUp() : [];
  }

  /** Call after the last line: a quote still open is reported, and the lines after it re-read. */
  end(): CsvRecord[] {
    if (this.#lines.length === 0) return [];
    const out = this.#giveUp();
    return out.concat(this.end());
  }

  #take(): CsvRecord {
    const rec: CsvRecord = { ok: true, line: this.#start, text: this.#lines.join('\n') };
    this.#lines = [];
    this.#open = false;
    return rec;
  }

  #giveUp(): CsvRecord[] {
    const [first = '', ...rest] = this.#lines;
    const start = this.#start;
    this.#lines = [];
    this.#open = false;
    const out: CsvRecord[] = [{ ok: false, line: start, text: first, message: 'has a quoted field that is never closed' }];
    rest.forEach((l, i) => out.push(...this.push(l, start + 1 + i)));
    return out;
  }
}
