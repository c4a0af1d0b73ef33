import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERIES_CONFIG } from '../detect/index.js';
import { registerDetect } from './detect.js';

function detectHelp(): string {
  let text = '';
  const program = new Command().exitOverride().configureOutput({ writeOut: (s) => void (text += s) });
  registerDetect(program);
  expect(() => program.parse(['detect', '--help'], { from: 'user' })).toThrow();
  return text;
}

describe('detect --series --help', () => {
  it('explains the score and names the configuration detect --series really uses', () => {
    const help = detectHelp();
    expect(help).toMatch(/anomaly_score \(0\.\.1\)/);
    expect(help).toMatch(/An alarm is a row at or above/);
    expect(help).toMatch(/Cross-validated/);
    expect(help).toContain(`(${DEFAULT_SERIES_CONFIG}:`);
  });
});
