import { describe, expect, it } from 'vitest';
import { parseSeriesCsv, parseTimestamp, SeriesCsvError } from './csv.js';

function errorOf(text: string): SeriesCsvError {
  try {
    parseSeriesCsv(text);
  } catch (e) {
    if (e instanceof SeriesCsvError) return e;
    throw e;
  }
  throw new Error('expected a SeriesCsvError');
}

describe('parseTimestamp', () => {
  it('reads NAB style and ISO times as UTC', () => {
    expect(parseTimestamp('2014-04-01 00:05:00')).toBe(Date.UTC(2014, 3, 1, 0, 5, 0));
    expect(parseTimestamp('2014-04-01T00:05:00')).toBe(Date.UTC(2014, 3, 1, 0, 5, 0));
    expect(parseTimestamp('2014-04-01 00:05:00.250000')).toBe(Date.UTC(2014, 3, 1, 0, 5, 0, 250));
    expect(parseTimestamp('2014-04-01T02:05:00+02:00')).toBe(Date.UTC(2014, 3, 1, 0, 5, 0));
    expect(parseTimestamp('2014-04-01T00:05:00Z')).toBe(Date.UTC(2014, 3, 1, 0, 5, 0));
  });

  it('rejects impossible dates and other text', () => {
    expect(parseTimestamp('2014-02-31 00:00:00')).toBeNaN();
    expect(parseTimestamp('yesterday')).toBeNaN();
    expect(parseTimestamp('')).toBeNaN();
  });
});

describe('parseSeriesCsv', () => {
  it('reads a header, skips blank lines, handles CRLF and a BOM', () => {
    const rows = parseSeriesCsv('\uFEFFtimestamp,value\r\n2014-04-01 00:00:00,20.0\r\n\r\n2014-04-01 00:05:00,19.5\r\n');
    expect(rows.map((r) => r.value)).toEqual([20, 19.5]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rows[0]?.timestampText).toBe('2014-04-01 00:00:00');
    expect(rows[0]?.valueText).toBe('20.0');
  });

  it('reads a file without header', () => {
    const rows = parseSeriesCsv('2014-04-01T00:00:00Z,1\n2014-04-01T00:05:00Z,2\n');
    expect(rows.map((r) => r.value)).toEqual([1, 2]);
  });

  it('finds the columns by name, in any order, with quotes', () => {
    const rows = parseSeriesCsv('"value","note","timestamp"\n3.5,"a, b",2014-04-01 00:00:00\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value).toBe(3.5);
    expect(rows[0]?.timestampMs).toBe(Date.UTC(2014, 3, 1));
  });

  it('reports a bad value with its line number', () => {
    const e = errorOf('timestamp,value\n2014-04-01 00:00:00,1\n2014-04-01 00:05:00,abc\n');
    expect(e.code).toBe('SERIES_CSV_INVALID');
    expect(e.line).toBe(3);
    expect(e.message).toBe('line 3: value "abc" is not a finite number');
  });

  it('reports an empty value and a bad timestamp with their line numbers', () => {
    expect(errorOf('timestamp,value\n2014-04-01 00:00:00,\n').message).toBe('line 2: value "" is not a finite number');
    const e = errorOf('timestamp,value\n\n2014-13-01 00:00:00,1\n');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/^line 3: cannot read timestamp "2014-13-01 00:00:00"/);
  });

  it('reports a short row and a header without the needed columns', () => {
    expect(errorOf('timestamp,value\n2014-04-01 00:00:00\n').message).toBe('line 2: expected at least 2 fields, found 1');
    expect(errorOf('time,val\n2014-04-01 00:00:00,1\n').message).toMatch(/^line 1: header must name columns/);
  });

  it('reports a bad timestamp on a first line without header as a row error', () => {
    expect(errorOf('01/04/2014 00:00,1\n').message).toMatch(/^line 1: cannot read timestamp "01\/04\/2014 00:00"/);
  });

  it('reads a quote inside an unquoted field as text, and reports a quote never closed', () => {
    expect(parseSeriesCsv('timestamp,value,note\n2014-04-01 00:00:00,1,5" screen\n')[0]?.value).toBe(1);
    expect(errorOf('timestamp,value\n2014-04-01 00:00:00,"1\n2014-04-01 00:05:00,2\n').message).toBe('line 2: a quoted field starts here and is never closed');
  });

  it('gives no rows for an empty file', () => {
    expect(parseSeriesCsv('')).toEqual([]);
    expect(parseSeriesCsv('timestamp,value\n')).toEqual([]);
  });
});
