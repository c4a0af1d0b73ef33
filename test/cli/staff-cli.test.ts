// Staff administration from the command line, as an operator meets it: list, disable, a new
// one-time password, audit verify; and every command waits its turn on a busy embedded store
// instead of dying with "database is locked".
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli, startCliServer } from '../support/cli.js';
import { newStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';

const made: TestStoreLocation[] = [];
afterAll(async () => {
  for (const l of made) await l.destroy();
});
const envFor = (loc: TestStoreLocation) => ({ DATA_DIR: loc.dataDir, DATABASE_URL: loc.databaseUrl ?? '' });

/** Runs the CLI without blocking the event loop, so a server in this process's children keeps serving. */
function runCliAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(STORE_KINDS)('user and audit commands on %s', (kind) => {
  it('lists, disables, re-enables and resets accounts, each change audited and the chain verified', async () => {
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const env = envFor(loc);
    expect(runCli(['user', 'add', '--email', 'ana@example.org', '--role', 'investigator'], env).code).toBe(0);
    const list = runCli(['user', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ email: 'ana@example.org', role: 'investigator', disabled: false, mustChangePassword: true })]);
    expect(runCli(['user', 'list'], env).stdout).toMatch(/ana@example\.org\s+investigator\s+one-time password/);
    expect(runCli(['user', 'disable', '--email', 'ana@example.org'], env).stdout).toContain('ana@example.org is disabled');
    expect(runCli(['user', 'disable', '--email', 'ana@example.org', '--enable'], env).stdout).toContain('is enabled');
    expect(runCli(['user', 'passwd', '--email', 'ana@example.org'], env).stdout).toMatch(/New one-time password for ana@example\.org: \S{23}/);
    const missing = runCli(['user', 'disable', '--email', 'nobody@example.org'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('error: No staff account nobody@example.org.');
    const verify = runCli(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toBe('ok: audit chain intact, 4 events\n');
  });
});

describe('CLI on a busy embedded store', () => {
  it('adds accounts while the server commits reports, without "database is locked"', async () => {
    const loc = await newStoreLocation('sqlite');
    made.push(loc);
    const env = envFor(loc);
    const server = startCliServer(['--port', '0'], { ...env, HOST: '127.0.0.1', INTAKE_RATE_LIMIT: '0' });
    try {
      const url = await server.ready;
      let stop = false;
      let filed = 0;
      // Keep the writer busy: a stream of reports, each an fsynced commit.
      const load = (async () => {
        while (!stop) {
          const batch = Array.from({ length: 20 }, () => fetch(`${url}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' }) }));
          filed += (await Promise.all(batch)).filter((r) => r.status === 201).length;
        }
      })();
      const runs = await Promise.all([1, 2, 3, 4].map((i) => runCliAsync(['user', 'add', '--email', `busy${i}@example.org`, '--role', 'analyst', '--token'], env)));
      stop = true;
      await load;
      for (const r of runs) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      expect(filed).toBeGreaterThan(0);
      const verify = runCli(['audit', 'verify'], env);
      expect(verify.stdout).toMatch(/^ok: audit chain intact/);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });
});
