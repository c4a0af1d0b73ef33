// `outage-desk incidents` as a user runs it (the built CLI): the JSON contract and usage errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';
import { newStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';
import { SEEDED, seedIncidents, SUMMARY_KEYS } from './fixtures.js';

describe.each(STORE_KINDS)('outage-desk incidents on %s', (kind) => {
  let loc: TestStoreLocation;
  let env: Record<string, string>;
  beforeAll(async () => {
    loc = await newStoreLocation(kind);
    const store = await openStore(loc);
    await seedIncidents(store);
    await store.close();
    env = { DATA_DIR: loc.dataDir, DATABASE_URL: loc.databaseUrl ?? '' };
  });
  afterAll(async () => loc?.destroy());

  it('--json prints an array of objects with exactly the contract fields', () => {
    const r = runCli(['incidents', '--json'], env);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(list.map((i) => i.id).sort()).toEqual(SEEDED.map((i) => i.id).sort());
    for (const i of list) {
      expect(Object.keys(i).sort()).toEqual(SUMMARY_KEYS);
      expect(Object.keys(i.scope as object).sort()).toEqual(['level', 'regions']);
    }
  });

  it('filters by status, network and kind', () => {
    const ids = (args: string[]) => (JSON.parse(runCli(['incidents', '--json', ...args], env).stdout) as Array<{ id: string }>).map((i) => i.id).sort();
    expect(ids(['--status', 'open'])).toEqual(['boost-20240302T0000Z', 'tmobile-20240301T1000Z']);
    expect(ids(['--network', 'verizon'])).toEqual(['verizon-20240222T0900Z']);
    expect(ids(['--kind', 'collateral', '--status', 'resolved'])).toEqual(['verizon-20240222T0900Z']);
  });

  it.each([
    ['--status', /--status must be one of open, suspected, confirmed, resolved, dismissed \(got "bogus"\)/],
    ['--network', /--network must be one of .*tmobile.* \(got "bogus"\)/],
    ['--kind', /--kind must be one of primary, collateral \(got "bogus"\)/],
  ])('rejects an unknown %s value with a one-line usage error', (flag, message) => {
    const r = runCli(['incidents', '--json', flag, 'bogus'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('replay --until refuses an instant without a zone with a one-line usage error', () => {
    const r = runCli(['replay', '--until', '2024-02-22 22:00'], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--until must be an ISO 8601 instant with a zone/);
  });

  it('--id prints one incident in full, with series and evidence', () => {
    const r = runCli(['incidents', '--id', 'verizon-20240222T0900Z'], env);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d).sort()).toEqual([...SUMMARY_KEYS, 'evidence', 'series'].sort());
    expect(runCli(['incidents', '--id', 'nope'], env).code).toBe(2);
  });
});
