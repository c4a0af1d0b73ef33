// What text and times the store can hold faithfully, for every way data comes in (the API's
// request guard, the report validator, the importer).

const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * No NUL byte (PostgreSQL text refuses it: it used to be a 500) and no unpaired UTF-16
 * surrogate (stored as U+FFFD, silently changing what was sent).
 */
export const isStorableText = (s: string): boolean => !UNSTORABLE.test(s);

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
/** Years both stores hold and a person could mean. */
const FIRST_MS = Date.parse('0001-01-01T00:00:00Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An RFC 3339 date-time that is a real instant. ajv-formats accepts a leap second
 * (…T23:59:60Z), which JavaScript cannot represent (new Date gives NaN: on SQLite a filter
 * silently matched nothing, on PostgreSQL it was a 500), and Feb 30 would roll over to March.
 */
export function isRealInstant(s: string): boolean {
  if (!RFC3339.test(s)) return false;
  const ms = Date.parse(s);
  if (!Number.isFinite(ms) || ms < FIRST_MS || ms > LAST_MS) return false;
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d);
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
