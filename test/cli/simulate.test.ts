// simulate as a user meets it: a bad option is one line and exit code 2, never a stack trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('simulate usage errors', () => {
  it('--days 0 and an unknown scenario are one-line usage errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-sim-'));
    const files = ['--out', path.join(dir, 'r.jsonl'), '--truth', path.join(dir, 't.json')];
    for (const args of [['--days', '0'], ['--scenario', 'nope'], ['--days', 'two']]) {
      const r = runCli(['simulate', ...args, ...files]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
