import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from './progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progress bar', () => {
  it('shows percentage, rate and time left', () => {
    const line = progressLine('import', 250_000, 1_000_000, 2_000);
    expect(line).toContain('25.0%');
    expect(line).toContain('125k/s');
    expect(line).toContain('ETA 6s');
  });

  it('writes a handful of lines when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const bar = progressBar('simulate', 1000, { stream });
    for (let i = 0; i < 1000; i++) bar.tick(1);
    bar.done();
    expect(written.length).toBeLessThanOrEqual(4);
    expect(written.at(-1)).toContain('100.0%');
  });

  it('redraws in place on a terminal, at most every 100 ms', () => {
    const { stream, written } = fakeStream(true);
    let clock = 0;
    const bar = progressBar('simulate', 100, { stream, now: () => clock });
    for (let i = 0; i < 100; i++) {
      clock += 10;
      bar.tick(1);
    }
    bar.done();
    expect(written.length).toBeLessThanOrEqual(12);
    expect(written.every((w) => w.startsWith('\r'))).toBe(true);
    expect(written.at(-1)?.endsWith('\n')).toBe(true);
  });
});

describe('progressBar.set', () => {
  it('moves to a position and prints the summary after the final line', () => {
    let out = '';
    const stream = { isTTY: false, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    let t = 0;
    const bar = progressBar('import', 1000, { stream, now: () => (t += 100) });
    bar.set(600);
    bar.set(1000);
    bar.done('accepted 1000');
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toBe('accepted 1000');
    expect(lines.at(-2)).toMatch(/100\.0% 1000\/1000/);
  });
});
