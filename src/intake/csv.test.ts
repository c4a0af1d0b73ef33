import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvReportRows, type SourceRow } from './csv.js';

async function rowsOf(chunks: Array<string | Buffer>): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of csvReportRows(Readable.from(chunks))) rows.push(row);
  return rows;
}

describe('csvReportRows', () => {
  it('keeps a quote inside an unquoted field as text, in its own column', async () => {
    const [row] = await rowsOf(['carrier,description,zip\n', 'att,5" screen broke,x\n']);
    expect({ line: row!.line, text: row!.text, parsed: row!.parsed }).toEqual({ line: 2, text: 'att,5" screen broke,x', parsed: { ok: true, value: { carrier: 'att', description: '5" screen broke', zip: 'x' } } });
  });

  it('numbers a row by the line it starts on, across blank lines, CRLF and quoted line breaks split over chunks', async () => {
    const rows = await rowsOf(['\uFEFFcarrier,description\r\n\r\natt,"one\r', '\n\r\ntwo ""q"""\r\n', '\r\nverizon, x \r\n']);
    expect(rows.map((r) => [r.line, r.parsed])).toEqual([
      [3, { ok: true, value: { carrier: 'att', description: 'one\n\ntwo "q"' } }],
      [7, { ok: true, value: { carrier: 'verizon', description: 'x' } }],
    ]);
    expect(rows[0]!.text).toBe('att,"one\r\n\r\ntwo ""q"""');
  });

  it('reads UTF-8 split inside a character between chunks', async () => {
    const bytes = Buffer.from('carrier,description\natt,café\n');
    const at = bytes.indexOf(0xa9); // the second byte of é
    const [row] = await rowsOf([bytes.subarray(0, at), bytes.subarray(at)]);
    expect(row!.parsed).toEqual({ ok: true, value: { carrier: 'att', description: 'café' } });
  });

  it('rejects a row with more fields than the header and reads on', async () => {
    const rows = await rowsOf(['carrier,description\n', 'att,no signal, again\n', 'att,ok\n']);
    expect(rows.map((r) => [r.line, r.parsed.ok])).toEqual([[2, false], [3, true]]);
    expect(rows[0]!.parsed).toEqual({ ok: false, errors: [{ path: '(line)', message: 'has 3 fields but the header names 2 (put a field with a comma in double quotes)' }] });
  });

  it('rejects a quoted field that is never closed, naming where it starts and how far it reached', async () => {
    const rows = await rowsOf(['carrier,description\natt,ok\n\natt,"open\natt,x\n']);
    expect(rows.map((r) => [r.line, r.text])).toEqual([[2, 'att,ok'], [4, '']]);
    expect(rows[1]!.parsed).toEqual({ ok: false, errors: [{ path: '(line)', message: 'has a quoted field that is never closed (the rest of the file was read as that field)' }] });
  });
});
