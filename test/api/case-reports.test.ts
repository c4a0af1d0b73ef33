// Attaching and detaching single reports: roles, audit and timeline, counts that follow (table,
// impact, CSV), never undone by detection or a replay, and merge and split keeping every report
// in exactly one incident with them. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { replaceIncidents } from '../../src/incidents/queries.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { insertRows, type RowSpec } from '../support/report-rows.js';
import { OPENING, SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const t0 = Date.parse('2024-02-22T08:00:00Z');
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
const base = { ...SAMPLE_INCIDENT, network: 'att', kind: 'primary' as const, primaryIncidentId: null, status: 'resolved' as const, evidence: { opening: OPENING, collateral: null } };
// New York and Wyoming, 0..240 min; Montana reports belong to neither.
const NY: StoredIncident = { ...base, id: 'att-NY', scope: { level: 'state', regions: ['36'] }, onsetAt: at(0), detectedAt: at(2), resolvedAt: at(240) };
const WY: StoredIncident = { ...base, id: 'att-WY', scope: { level: 'state', regions: ['56'] }, onsetAt: at(0), detectedAt: at(2), resolvedAt: at(240) };

// NY (10001), WY (82001), MT (59801) reports across 0..360 minutes, every 20 minutes.
const SPECS: RowSpec[] = Array.from({ length: 19 }, (_, k) => ['10001', '82001', '59801'].map((zip) => ({ receivedAt: at(k * 20), zip }))).flat();

describe.each(STORE_KINDS)('attach and detach reports on %s', (kind) => {
  let t: TestApp;
  let inv: { authorization: string };
  let rows: Awaited<ReturnType<typeof insertRows>>;
  const idOf = (zip: string, min: number) => rows.find((r) => r.zip === zip && r.received_at.getTime() === Date.parse(at(min)))!.id;
  beforeAll(async () => {
    t = await startTestApp(kind);
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    rows = await insertRows(t.ctx.store, SPECS);
    await upsertIncidents(t.ctx.store.db, [NY, WY]);
  });
  afterAll(async () => t?.destroy());

  async function ids(id: string): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await t.app.inject({ url: `/api/v1/incidents/${id}/reports?limit=4${cursor ? `&cursor=${cursor}` : ''}`, headers: inv })).json();
      out.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }
  /** The table, the impact figures and the CSV export count the same reports. */
  async function counted(id: string): Promise<number> {
    const table = await ids(id);
    expect(new Set(table).size).toBe(table.length);
    expect((await t.app.inject({ url: `/api/v1/incidents/${id}`, headers: inv })).json().impact.reports).toBe(table.length);
    const csv = (await t.app.inject({ url: `/api/v1/incidents/${id}/reports.csv`, headers: inv })).body.trim().split('\n');
    expect(csv.length - 1).toBe(table.length);
    return table.length;
  }
  const link = (incident: string, report: string, what: 'attach' | 'detach', payload: object = {}, headers: Record<string, string> = inv) =>
    t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident}/reports/${report}/${what}`, headers, payload });
  const timeline = async (id: string) => (await t.app.inject({ url: `/api/v1/incidents/${id}`, headers: inv })).json().case.timeline as Array<{ action: string; actor: string; report: { id: string; reference: string } | null; otherIncident: string | null; note: string | null }>;

  it('roles: anonymous 401, analysts 403; bad ids 404 with the code; a bad body 400 naming the field', async () => {
    const r = idOf('10001', 40);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/att-NY/reports/${r}/detach`, payload: {} })).statusCode).toBe(401);
    const analyst = { authorization: `Bearer ${await t.tokenFor('analyst')}` };
    expect((await link('att-NY', r, 'detach', {}, analyst)).statusCode).toBe(403);
    expect((await link('att-NY', r, 'attach', {}, analyst)).statusCode).toBe(403);
    const noIncident = await link('nope', r, 'attach');
    expect(noIncident.statusCode).toBe(404);
    expect(noIncident.json().type).toMatch(/\/incident-not-found$/);
    const noReport = await link('att-NY', 'nope', 'detach');
    expect(noReport.statusCode).toBe(404);
    expect(noReport.json().type).toMatch(/\/report-not-found$/);
    const badNote = await link('att-NY', r, 'detach', { note: 'x'.repeat(2001) });
    expect(badNote.statusCode).toBe(400);
    expect(badNote.json().errors.map((e: { path: string }) => e.path)).toContain('note');
    expect(await counted('att-NY')).toBe(13); // nothing changed
  });

  it('detach and attach: audited, on the timeline, and every count follows', async () => {
    const ny40 = idOf('10001', 40);
    const detached = await link('att-NY', ny40, 'detach', { note: 'test call from the lab' });
    expect(detached.statusCode).toBe(200);
    expect(detached.json().timeline.at(-1)).toMatchObject({ action: 'detach-report', note: 'test call from the lab', report: { id: ny40, reference: expect.stringMatching(/^OD-/) }, actor: expect.stringMatching(/^investigator/) });
    expect(await ids('att-NY')).not.toContain(ny40);
    expect(await counted('att-NY')).toBe(12);
    expect((await link('att-NY', ny40, 'detach')).statusCode).toBe(409); // not one of its reports any more

    // Montana at 60 min (in no incident), New York after the end (300 min): both attached.
    const mt60 = idOf('59801', 60);
    const ny300 = idOf('10001', 300);
    expect((await link('att-NY', mt60, 'attach')).statusCode).toBe(200);
    expect((await link('att-NY', ny300, 'attach', { note: 'still out at 1 pm' })).statusCode).toBe(200);
    expect((await link('att-NY', mt60, 'attach')).statusCode).toBe(409);
    const nyIds = await ids('att-NY');
    expect(nyIds).toContain(mt60);
    expect(nyIds[0]).toBe(ny300); // newest first, with the attached ones in their place
    expect(await counted('att-NY')).toBe(14);

    // A Wyoming report attached to New York leaves Wyoming: in exactly one.
    const wy100 = idOf('82001', 100);
    expect(await ids('att-WY')).toContain(wy100);
    expect((await link('att-NY', wy100, 'attach')).statusCode).toBe(200);
    expect(await ids('att-WY')).not.toContain(wy100);
    expect(await ids('att-NY')).toContain(wy100);
    expect(await counted('att-WY')).toBe(12);
    expect(await counted('att-NY')).toBe(15);

    const admin = { authorization: `Bearer ${await t.tokenFor('admin')}` };
    const audit = (await t.app.inject({ url: '/api/v1/audit?limit=50', headers: admin })).json().items as Array<{ action: string; target: string; detail: { reportId?: string } }>;
    expect(audit.find((e) => e.action === 'incident.detach-report')).toMatchObject({ target: 'att-NY', detail: { reportId: ny40 } });
    expect(audit.filter((e) => e.action === 'incident.attach-report').map((e) => e.detail.reportId).sort()).toEqual([mt60, ny300, wy100].sort());
    expect((await timeline('att-NY')).map((e) => e.action)).toEqual(['detach-report', 'attach-report', 'attach-report', 'attach-report']);
  });

  it('neither live detection nor a replay undoes an attach or a detach', async () => {
    const before = { ny: (await ids('att-NY')).sort(), wy: (await ids('att-WY')).sort() };
    await upsertIncidents(t.ctx.store.db, [{ ...NY, status: 'confirmed', resolvedAt: null }, WY]);
    await upsertIncidents(t.ctx.store.db, [NY, WY]);
    await replaceIncidents(t.ctx.store.db, [NY, WY]);
    expect((await ids('att-NY')).sort()).toEqual(before.ny);
    expect((await ids('att-WY')).sort()).toEqual(before.wy);
    expect(await counted('att-NY')).toBe(15);
  });

  it('merge and split keep each report in exactly one incident, attached and detached ones included', async () => {
    const wy20 = idOf('82001', 20);
    expect((await link('att-WY', wy20, 'detach')).statusCode).toBe(200);
    const ny = await ids('att-NY');
    const wy = await ids('att-WY');
    expect(ny.filter((id) => wy.includes(id))).toEqual([]);
    const merged = await t.app.inject({ method: 'POST', url: '/api/v1/incidents/att-NY/merge', headers: inv, payload: { from: 'att-WY' } });
    expect(merged.statusCode).toBe(200);
    const all = await ids('att-NY');
    expect(new Set(all)).toEqual(new Set([...ny, ...wy]));
    expect(all).not.toContain(wy20); // detached from Wyoming: out of what it went into
    expect(all).not.toContain(idOf('10001', 40));
    expect(await counted('att-NY')).toBe(ny.length + wy.length);
    expect(await ids('att-WY')).toEqual([]);
    expect((await link('att-WY', idOf('59801', 80), 'attach')).statusCode).toBe(409); // merged away

    const split = await t.app.inject({ method: 'POST', url: '/api/v1/incidents/att-NY/split', headers: inv, payload: { region: { level: 'state', regions: ['56'] } } });
    expect(split.statusCode).toBe(201);
    const part = await ids(split.json().id);
    const rest = await ids('att-NY');
    expect(part.filter((id) => rest.includes(id))).toEqual([]);
    expect(new Set([...part, ...rest])).toEqual(new Set(all));
    expect(part).toContain(idOf('82001', 100)); // attached to NY, a Wyoming report: goes with Wyoming
    expect(part).not.toContain(wy20);
    expect(rest).toContain(idOf('59801', 60));
    expect(await counted(split.json().id)).toBe(part.length);
    expect(await counted('att-NY')).toBe(rest.length);
    // Detaching from the split-off part, then attaching back to the first: still once.
    const wy100 = idOf('82001', 100);
    expect((await link(split.json().id, wy100, 'detach')).statusCode).toBe(200);
    expect((await link('att-NY', wy100, 'attach')).statusCode).toBe(200);
    expect(await ids(split.json().id)).not.toContain(wy100);
    expect(await ids('att-NY')).toContain(wy100);
  });

  it('attaching a report attached elsewhere moves it, on both timelines', async () => {
    const declared = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: inv, payload: { network: 'att', scope: { level: 'state', regions: ['30'] }, onsetAt: at(200) } });
    const id = declared.json().id as string;
    const mt60 = idOf('59801', 60); // attached to att-NY
    expect((await link(id, mt60, 'attach')).statusCode).toBe(200);
    expect(await ids('att-NY')).not.toContain(mt60);
    expect(await ids(id)).toContain(mt60);
    expect((await timeline('att-NY')).at(-1)).toMatchObject({ action: 'report-moved', otherIncident: id, report: { id: mt60 } });
    expect((await timeline(id)).at(-1)).toMatchObject({ action: 'attach-report', otherIncident: 'att-NY' });

    // Two staff attaching one report to two incidents at the same moment: it ends in one.
    const mt340 = idOf('59801', 340);
    const both = await Promise.all([link('att-NY', mt340, 'attach'), link(id, mt340, 'attach')]);
    for (const r of both) expect([200, 409]).toContain(r.statusCode);
    const holders = [(await ids('att-NY')).includes(mt340), (await ids(id)).includes(mt340)];
    expect(holders.filter(Boolean)).toHaveLength(1);
  });
});
