// Merge and split keep every report attached exactly once; declaring an incident by hand; all
// audited and on the timelines. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { insertRows, type RowSpec } from '../support/report-rows.js';
import { OPENING, SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const t0 = Date.parse('2024-02-22T08:00:00Z');
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
const base = { ...SAMPLE_INCIDENT, network: 'att', kind: 'primary' as const, primaryIncidentId: null, status: 'resolved' as const, evidence: { opening: OPENING, collateral: null } };
const A: StoredIncident = { ...base, id: 'att-A', scope: { level: 'nation', regions: ['US'] }, onsetAt: at(0), detectedAt: at(2), resolvedAt: at(240) };
const B: StoredIncident = { ...base, id: 'att-B', scope: { level: 'state', regions: ['36'] }, onsetAt: at(180), detectedAt: at(182), resolvedAt: at(360) };

// NY (10001), WY (82001), MT (59801) reports across 0..360 minutes, every 10 minutes.
const SPECS: RowSpec[] = Array.from({ length: 37 }, (_, k) => ['10001', '82001', '59801'].map((zip) => ({ receivedAt: at(k * 10), zip }))).flat();

describe.each(STORE_KINDS)('merge, split and declare on %s', (kind) => {
  let t: TestApp;
  let inv: { authorization: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    await insertRows(t.ctx.store, SPECS);
    await upsertIncidents(t.ctx.store.db, [A, B]);
  });
  afterAll(async () => t?.destroy());

  async function ids(id: string): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await t.app.inject({ url: `/api/v1/incidents/${id}/reports?limit=40${cursor ? `&cursor=${cursor}` : ''}`, headers: inv })).json();
      out.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: inv, payload });

  it('merge: B’s reports join A, each once; B keeps none and is dismissed', async () => {
    const a = await ids('att-A');
    const b = await ids('att-B');
    expect(a).toHaveLength(25 * 3); // 0..240 min, three ZIPs
    expect(b).toHaveLength(19); // NY only, 180..360
    const union = new Set([...a, ...b]);
    const res = await post('/api/v1/incidents/att-A/merge', { from: 'att-B', note: 'one outage' });
    expect(res.statusCode).toBe(200);
    expect(res.json().timeline.at(-1)).toMatchObject({ action: 'merge', note: 'one outage' });
    const merged = await ids('att-A');
    expect(merged.length).toBe(new Set(merged).size);
    expect(new Set(merged)).toEqual(union);
    expect(await ids('att-B')).toEqual([]);
    const bDetail = (await t.app.inject({ url: '/api/v1/incidents/att-B', headers: inv })).json();
    expect(bDetail.status).toBe('dismissed');
    expect(bDetail.impact.reports).toBe(0);
    expect((await t.app.inject({ url: '/api/v1/incidents/att-A', headers: inv })).json().impact.reports).toBe(union.size);
    expect((await post('/api/v1/incidents/att-A/merge', { from: 'att-B' })).statusCode).toBe(409);
  });

  it('split by region: the two sides hold every report exactly once', async () => {
    const before = await ids('att-A');
    const res = await post('/api/v1/incidents/att-A/split', { region: { level: 'state', regions: ['56'] }, note: 'Wyoming apart' });
    expect(res.statusCode).toBe(201);
    const part = await ids(res.json().id);
    const rest = await ids('att-A');
    expect(part).toHaveLength(25); // Wyoming, 0..240
    expect(part.filter((id) => rest.includes(id))).toEqual([]);
    expect(new Set([...part, ...rest])).toEqual(new Set(before));
    const detail = (await t.app.inject({ url: `/api/v1/incidents/${res.json().id}`, headers: inv })).json();
    expect(detail).toMatchObject({ network: 'att', scope: { level: 'state', regions: ['56'] }, status: 'resolved' });
    expect(detail.case.timeline[0]).toMatchObject({ action: 'split-from', note: 'Wyoming apart' });
  });

  it('declare by hand: confirmed, with the reports of its window and scope; bad input is a 400 naming the field', async () => {
    const res = await post('/api/v1/incidents', { network: 'att', scope: { level: 'county', regions: ['30063'] }, onsetAt: at(100), note: 'Missoula 911 center called' });
    expect(res.statusCode).toBe(201);
    const d = (await t.app.inject({ url: `/api/v1/incidents/${res.json().id}`, headers: inv })).json();
    expect(d).toMatchObject({ status: 'confirmed', resolvedAt: null, scope: { level: 'county', regions: ['30063'] } });
    expect(await ids(res.json().id)).toHaveLength(27); // Missoula County, 100..360
    const bad = await post('/api/v1/incidents', { network: 'nope', scope: { level: 'state', regions: ['3'] }, onsetAt: at(0) });
    expect(bad.statusCode).toBe(400);
    const admin = { authorization: `Bearer ${await t.tokenFor('admin')}` };
    const audit = (await t.app.inject({ url: '/api/v1/audit?limit=50', headers: admin })).json().items.map((e: { action: string }) => e.action);
    for (const a of ['incident.merge', 'incident.split', 'incident.declare']) expect(audit).toContain(a);
  });
});
