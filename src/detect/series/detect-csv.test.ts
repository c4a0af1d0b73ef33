import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { detectSeriesCsv, SeriesCsvError } from './index.js';

/** Collects what the command writes. */
function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function series(n: number): string {
  const lines = ['timestamp,value'];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.UTC(2024, 0, 1) + i * 300_000).toISOString().replace('T', ' ').slice(0, 19);
    lines.push(`${t},${i === 2500 ? 99 : (i % 10) / 10}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('detectSeriesCsv', () => {
  it('writes the header and one row per input row, in order, echoing the input', async () => {
    const input = series(3000);
    const out = sink();
    const result = await detectSeriesCsv(Readable.from([input]), out.stream);
    const lines = out.text().trimEnd().split('\n');
    expect(result).toEqual({ rows: 3000 });
    expect(lines[0]).toBe('timestamp,value,anomaly_score');
    expect(lines).toHaveLength(3001);
    const inputLines = input.trimEnd().split('\n');
    for (let i = 1; i < lines.length; i++) {
      const fields = (lines[i] as string).split(',');
      expect(`${fields[0]},${fields[1]}`).toBe(inputLines[i]);
      const score = Number(fields[2]);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(Number((lines[2501] as string).split(',')[2])).toBe(1);
  });

  it('reads from a file path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'series-'));
    const file = join(dir, 'in.csv');
    writeFileSync(file, series(10));
    const out = sink();
    expect(await detectSeriesCsv(file, out.stream)).toEqual({ rows: 10 });
    expect(out.text().split('\n')[1]).toBe('2024-01-01 00:00:00,0,0');
  });

  it('rejects a bad row with its line number and writes nothing', async () => {
    const out = sink();
    const input = 'timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,x\n';
    const run = detectSeriesCsv(Readable.from([input]), out.stream);
    await expect(run).rejects.toBeInstanceOf(SeriesCsvError);
    await expect(run).rejects.toThrow('line 3: value "x" is not a finite number');
    expect(out.text()).toBe('');
  });
});
