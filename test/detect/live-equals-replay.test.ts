// One truth, live or replayed: the same simulated reports sent through the live path (HTTP
// intake -> store -> the leader's tail, on the demo's accelerated clock) and then replayed from
// the store through a fresh engine give the same incidents, on both stores.
import { afterAll, describe, expect, it } from 'vitest';
import { startLiveReplay, loadHistory } from '../../src/cli/demo-replay.js';
import { loadConfig } from '../../src/config.js';
import { listIncidents, replayStore, type StoredIncident } from '../../src/incidents/index.js';
import { simulateReports, type SimulateOptions } from '../../src/sim/index.js';
import { openStore } from '../../src/store/index.js';
import { newStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';

const MINUTE = 60_000;

interface Run {
  sim: SimulateOptions;
  from: string;
  until: string;
  sample: number;
  speed: number;
}

const ATT: Run = { sim: { scenario: 'att-2024-02-22' }, from: '2024-02-22T08:00:00Z', until: '2024-02-22T22:00:00Z', sample: 0.01, speed: 1440 };
// A sixth of the usual background keeps the week's HTTP traffic to ~15 k reports; outages keep their size.
const WEEK: Run = { sim: { days: 7, seed: 3, backgroundPeakPer15min: 30 }, from: '2024-03-05T00:00:00Z', until: '2024-03-11T00:00:00Z', sample: 1, speed: 20_000 };

/** Differences between two incident lists (empty when they are the same incidents). */
export function differences(live: StoredIncident[], replayed: StoredIncident[]): string[] {
  const key = (i: StoredIncident) => `${i.network}/${i.kind}/${i.scope.level}:${i.scope.regions.join(',')}`;
  const near = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Math.abs(Date.parse(a) - Date.parse(b)) <= MINUTE);
  const left = [...replayed];
  const out: string[] = [];
  for (const l of live) {
    const j = left.findIndex((r) => key(r) === key(l) && near(r.onsetAt, l.onsetAt) && near(r.detectedAt, l.detectedAt) && near(r.resolvedAt, l.resolvedAt));
    if (j < 0) out.push(`live ${key(l)} onset ${l.onsetAt} detected ${l.detectedAt} resolved ${l.resolvedAt} has no replay twin`);
    else left.splice(j, 1);
  }
  for (const r of left) out.push(`replay ${key(r)} onset ${r.onsetAt} detected ${r.detectedAt} resolved ${r.resolvedAt} has no live twin`);
  return out;
}

/** Incidents live detection stored, then those a replay of the same store finds. */
async function liveThenReplay(loc: TestStoreLocation, run: Run): Promise<{ live: StoredIncident[]; replayed: StoredIncident[]; sent: number }> {
  const config = loadConfig({ INTAKE_RATE_LIMIT: '0', LOG_LEVEL: 'warn', TRUST_PROXY: 'true', PORT: '0', HOST: '127.0.0.1', DATA_DIR: loc.dataDir, ...(loc.databaseUrl ? { DATABASE_URL: loc.databaseUrl } : {}) });
  const from = new Date(run.from);
  const until = new Date(run.until);
  const reports = simulateReports(run.sim)[Symbol.iterator]();
  const { first } = await loadHistory(config, reports, from, run.sample);
  const replay = await startLiveReplay(config, { from, until, speed: run.speed, sample: run.sample, historyDays: 35, first, rest: reports, server: { announce: () => {} } });
  const { sent, refused } = await replay.finished;
  await replay.server.stop();
  expect(refused).toBe(0);
  const store = await openStore(config);
  try {
    const live = await listIncidents(store.db, { limit: 10_000 });
    // The live clock stopped at `until` and detection drained to it: the replay ends there too.
    await replayStore(store, { until });
    const replayed = await listIncidents(store.db, { limit: 10_000 });
    return { live, replayed, sent };
  } finally {
    await store.close();
  }
}

describe.each(STORE_KINDS)('live detection equals replay on %s', (kind) => {
  const locations: TestStoreLocation[] = [];
  afterAll(async () => {
    for (const l of locations) await l.destroy();
  });

  it('on the 22 Feb 2024 scenario (1 % of reporters)', async () => {
    const loc = await newStoreLocation(kind);
    locations.push(loc);
    const { live, replayed, sent } = await liveThenReplay(loc, ATT);
    expect(sent).toBeGreaterThan(10_000);
    expect(differences(live, replayed)).toEqual([]);
    const att = live.find((i) => i.network === 'att' && i.kind === 'primary');
    expect(att?.scope.level).toBe('nation');
    expect(Math.abs(Date.parse(att!.onsetAt) - Date.parse('2024-02-22T08:45:00Z'))).toBeLessThanOrEqual(5 * MINUTE);
    for (const c of live.filter((i) => i.kind === 'collateral')) {
      const p = live.find((i) => i.id === c.primaryIncidentId)!;
      expect(Date.parse(c.onsetAt)).toBeGreaterThanOrEqual(Date.parse(p.onsetAt));
      expect(c.evidence.collateral!.lagMinutes).toBeGreaterThanOrEqual(0);
    }
  }, 600_000);

  it('on a simulated week', async () => {
    const loc = await newStoreLocation(kind);
    locations.push(loc);
    const { live, replayed, sent } = await liveThenReplay(loc, WEEK);
    expect(sent).toBeGreaterThan(5_000);
    expect(live.length).toBeGreaterThan(0);
    expect(differences(live, replayed)).toEqual([]);
  }, 600_000);
});
