// End to end as a user runs it: simulate two days with one county outage (and its collateral,
// a news-story rise and a spam burst), import them, list incidents; compare with the truth.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { newStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';

interface TruthOutage { id: string; network: string; kind: string; primaryId?: string; scope: { level: string; regions: string[] }; onsetAt: string; endAt: string }
interface FoundIncident { id: string; network: string; kind: string; status: string; primaryIncidentId: string | null; scope: { level: string; regions: string[] }; onsetAt: string; detectedAt: string; resolvedAt: string | null; reportCount: number; peak: { at: string; count: number } }

const MIN = 60_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-e2e-'));
const reportsFile = path.join(dir, 'reports.jsonl');
const truthFile = path.join(dir, 'truth.json');

describe('simulate -> import -> incidents', () => {
  const made: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of made) await l.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('simulates two days with one outage and its collateral', () => {
    const sim = runCli(['simulate', '--days', '2', '--seed', '1', '--out', reportsFile, '--truth', truthFile]);
    expect(sim.code).toBe(0);
    const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { outages: TruthOutage[]; quiet: Array<{ kind: string }> };
    expect(truth.outages.filter((o) => o.kind === 'primary')).toHaveLength(1);
    expect(truth.quiet.map((q) => q.kind)).toEqual(expect.arrayContaining(['news', 'spam']));
  });

  it.each(STORE_KINDS)('finds exactly the true outages on %s, causally and at the right scope', async (kind) => {
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const env = { DATA_DIR: loc.dataDir, DATABASE_URL: loc.databaseUrl ?? '' };
    const imported = runCli(['import', reportsFile], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/accepted \d+, rejected 0/);
    const listed = runCli(['incidents', '--json'], env);
    expect(listed.code).toBe(0);
    const incidents = JSON.parse(listed.stdout) as FoundIncident[];
    const truth = (JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { outages: TruthOutage[] }).outages;
    const primaryTruth = truth.find((o) => o.kind === 'primary')!;

    const primary = incidents.find((i) => i.kind === 'primary');
    expect(primary).toBeDefined();
    expect(primary!.network).toBe(primaryTruth.network);
    expect(primary!.scope).toEqual(primaryTruth.scope);
    const onset = Date.parse(primaryTruth.onsetAt);
    expect(Date.parse(primary!.detectedAt) - onset).toBeLessThanOrEqual(15 * MIN);
    expect(Date.parse(primary!.detectedAt)).toBeGreaterThanOrEqual(onset);
    expect(primary!.status).toBe('resolved');
    expect(Math.abs(Date.parse(primary!.resolvedAt!) - Date.parse(primaryTruth.endAt))).toBeLessThanOrEqual(30 * MIN);

    // Every other incident is a true collateral spike pointing at the primary: no false incidents
    // from the news-story rise or the spam burst.
    for (const i of incidents.filter((x) => x !== primary)) {
      const match = truth.find((o) => o.kind === 'collateral' && o.network === i.network);
      expect(match, `unexpected incident ${i.id}`).toBeDefined();
      expect(i.kind).toBe('collateral');
      expect(i.primaryIncidentId).toBe(primary!.id);
    }
    for (const field of ['id', 'network', 'status', 'kind', 'primaryIncidentId', 'scope', 'services', 'onsetAt', 'detectedAt', 'resolvedAt', 'reportCount', 'peak']) {
      expect(primary).toHaveProperty(field);
    }
  });
});
