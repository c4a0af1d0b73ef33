// A compiled query's parameters written into its text as literals, for the one statement that
// takes none: COPY (…) TO STDOUT. Each value becomes a literal of its own type, a string only
// through the driver's escapeLiteral (E'…', quotes and backslashes doubled), so no value's text
// can end the literal; anything else (objects, arrays, NaN) is refused, never stringified.
import pg from 'pg';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A Date as PostgreSQL reads a timestamptz, any year (toISOString's +010000 or -000001 it does not read): UTC, 1 BC for year 0. */
function timestampText(d: Date): string {
  const y = d.getUTCFullYear();
  return `${pad(y < 1 ? 1 - y : y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}+00${y < 1 ? ' BC' : ''}`;
}

/** One bound value as a PostgreSQL literal. */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return pg.escapeLiteral(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'bigint') return `(${v.toString()})`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as a SQL literal`);
    return `(${String(v)})`;
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new Error('cannot write an invalid Date as a SQL literal');
    return `${pg.escapeLiteral(timestampText(v))}::timestamptz`;
  }
  throw new Error(`cannot write a ${Object.prototype.toString.call(v)} as a SQL literal`);
}

/**
 * `text` (Kysely's compiled SQL for PostgreSQL: $1, $2… placeholders) with each placeholder
 * replaced by its parameter's literal. Quoted identifiers ("…") and string literals ('…', as the
 * query's own text writes them) are copied as they are, so a `$1` inside one is left alone.
 */
export function inlineParameters(text: string, parameters: readonly unknown[]): string {
  let out = '';
  let k = 0;
  while (k < text.length) {
    const c = text[k]!;
    if (c === "'" || c === '"') {
      // To the closing quote; a doubled quote is one quote inside.
      let end = k + 1;
      for (;;) {
        end = text.indexOf(c, end);
        if (end === -1) throw new Error('unterminated quote in the compiled query');
        if (text[end + 1] === c) end += 2;
        else break;
      }
      out += text.slice(k, end + 1);
      k = end + 1;
    } else if (c === '$' && /[0-9]/.test(text[k + 1] ?? '')) {
      let end = k + 1;
      while (/[0-9]/.test(text[end] ?? '')) end++;
      const n = Number(text.slice(k + 1, end));
      if (n < 1 || n > parameters.length) throw new Error(`the compiled query names $${n} of ${parameters.length} parameters`);
      out += sqlLiteral(parameters[n - 1]);
      k = end;
    } else {
      out += c;
      k++;
    }
  }
  return out;
}
