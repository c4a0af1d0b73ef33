import { describe, expect, it } from 'vitest';
import { CsvRecordJoiner, splitCsvLine, type CsvRecord } from './csv-line.js';

function records(lines: string[], maxLines?: number): CsvRecord[] {
  const j = new CsvRecordJoiner(maxLines);
  return [...lines.flatMap((l, i) => j.push(l, i + 1)), ...j.end()];
}

describe('CsvRecordJoiner', () => {
  it('keeps a quoted field with line breaks (even a blank line) in one record, numbered by its first line', () => {
    const out = records(['a,b', '1,"first', '', 'third ""q"""', '2,x']);
    expect(out).toEqual([
      { ok: true, line: 1, text: 'a,b' },
      { ok: true, line: 2, text: '1,"first\n\nthird ""q"""' },
      { ok: true, line: 5, text: '2,x' },
    ]);
    expect(splitCsvLine(out[1]!.text)).toEqual(['1', 'first\n\nthird "q"']);
  });

  it('skips blank lines between records', () => {
    expect(records(['', 'a', '  ', 'b']).map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports a quote never closed on its first line and reads the lines after it on their own', () => {
    expect(records(['1,"open', '2,x', '3,y'])).toEqual([
      { ok: false, line: 1, text: '1,"open', message: 'has a quoted field that is never closed' },
      { ok: true, line: 2, text: '2,x' },
      { ok: true, line: 3, text: '3,y' },
    ]);
  });

  it('gives up on an open quote after maxLines so a stray quote cannot swallow the file', () => {
    const j = new CsvRecordJoiner(3);
    expect(j.push('1,"open', 1)).toEqual([]);
    expect(j.push('2,x', 2)).toEqual([]);
    expect(j.push('3,y', 3).map((r) => [r.ok, r.line])).toEqual([[false, 1], [true, 2], [true, 3]]);
  });
});
