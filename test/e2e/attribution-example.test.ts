// End to end on the bundled example: the simulated 22 Feb 2024 day through the detection engine
// into a store, then `outage-desk attribution import examples/att-2024-02-22.attribution.json`,
// then the API: the Friday hacktivist claims are after-restoration, post-event and contradicted
// (CISA: no indication of malicious activity; AT&T: not a cyberattack), the carrier's cause
// statement is on the timeline, and a second import adds nothing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectionEngine, type DetectionReport } from '../../src/detect/index.js';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { lookupZip, networkOf } from '../../src/reference/index.js';
import { buildScenario, simulateReports } from '../../src/sim/index.js';
import { openStore } from '../../src/store/index.js';
import { startTestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { newStoreLocation, STORE_KINDS, type TestStoreLocation } from '../support/stores.js';

const EXAMPLE = path.resolve('examples/att-2024-02-22.attribution.json');

/** The scenario's reports through the engine the server runs (storage left out: only incidents are needed). */
async function detectScenario(): Promise<StoredIncident[]> {
  const opts = { scenario: 'att-2024-02-22', seed: 1 };
  const engine = new DetectionEngine();
  let n = 0;
  for (const r of simulateReports(opts)) {
    const place = lookupZip(r.zip);
    const network = networkOf(r.carrier);
    if (!place || !network) continue;
    const d: DetectionReport = {
      id: String(n++), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county, state: place.state, services: r.services,
      calledNetwork: r.calledCarrier ? networkOf(r.calledCarrier) ?? null : null, fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt),
    };
    engine.push(d);
    // ~2 M reports: let the test worker answer its runner between chunks.
    if (n % 50_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  engine.advanceTo(Date.parse(buildScenario(opts).end) + 6 * 3_600_000);
  return engine.incidents().map((i) => ({ ...i, series: engine.series(i.id) }));
}

describe('the bundled 22 Feb 2024 attribution example', () => {
  let incidents: StoredIncident[];
  const made: TestStoreLocation[] = [];
  beforeAll(async () => {
    incidents = await detectScenario();
  }, 300_000);
  afterAll(async () => {
    for (const l of made) await l.destroy();
  });

  it.each(STORE_KINDS)('imported on top of the simulated day on %s, contradicts the Friday claims', async (kind) => {
    const primary = incidents.find((i) => i.network === 'att' && i.kind === 'primary');
    expect(primary).toBeDefined();
    const loc = await newStoreLocation(kind);
    made.push(loc);
    const store = await openStore(loc);
    await upsertIncidents(store.db, incidents);
    await store.close();
    const env = { DATA_DIR: loc.dataDir, DATABASE_URL: loc.databaseUrl ?? '' };

    const first = runCli(['attribution', 'import', EXAMPLE], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${primary!.id}: statements 8 added, 0 already on record; claims 3 added, 0 already on record`);
    expect(first.stdout).toContain('62IX (2024-02-23T12:00Z): after-restoration, post-event, contradicted');

    const t = await startTestApp(kind, {}, {}, loc);
    try {
      const auth = { authorization: `Bearer ${await t.tokenFor('analyst')}` };
      const view = (await t.app.inject({ url: `/api/v1/incidents/${primary!.id}/attribution`, headers: auth })).json();
      expect(view.claims.map((c: { actor: string }) => c.actor).sort()).toEqual(['62IX', 'Anonymous Legion', 'People/Popular Liberation Front']);
      for (const c of view.claims) {
        expect(c.assessment).toMatchObject({ timing: 'after-restoration', postEvent: true, verdict: 'contradicted' });
        expect(c.assessment.reasons).toEqual(expect.arrayContaining([
          expect.stringMatching(/^CISA \(agency\) saw no indication of malicious activity/),
          expect.stringMatching(/^AT&T \(carrier\) gave a non-malicious cause \(configuration\) and saw no indication of malicious activity \(2024-02-23 00:46 UTC\)/),
        ]));
      }
      const cause = view.statements.find((s: { text: string }) => s.text.includes('not a cyberattack'));
      expect(cause).toMatchObject({ source: 'carrier', speaker: 'AT&T', saidAt: '2024-02-23T00:46:00.000Z', asserts: { cause: 'configuration', maliciousActivity: 'none-seen' } });
      expect(view.markers.map((m: { kind: string }) => m.kind)).toEqual(['onset', 'detection', 'first-media', 'first-official', 'restoration']);
      expect(view.markers[0].at).toBe(primary!.onsetAt);
    } finally {
      await t.close();
    }

    const again = runCli(['attribution', 'import', EXAMPLE], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('statements 0 added, 8 already on record; claims 0 added, 3 already on record');
  }, 120_000);

  it('refuses a file with a bad item, naming it, and stores nothing', async () => {
    const loc = await newStoreLocation('sqlite');
    made.push(loc);
    const bad = path.join(loc.dataDir, 'bad.json');
    const fs = await import('node:fs');
    fs.writeFileSync(bad, JSON.stringify({ incidentId: 'att-x', statements: [{ source: 'agency', speaker: 'CISA', saidAt: '2024-02-22T20:00:00Z', text: 'x' }, { source: 'blog', speaker: 'x', saidAt: 'noon', text: 'x', url: 'javascript:alert(1)' }] }));
    const r = runCli(['attribution', 'import', bad], { DATA_DIR: loc.dataDir, DATABASE_URL: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/statements\[1\]\.source/);
    expect(r.stderr).toMatch(/statements\[1\]\.saidAt/);
    expect(r.stderr).toMatch(/statements\[1\]\.url/);
  });
});
