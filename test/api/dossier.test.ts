// The investigation API on both stores: impact on the incident detail, case actions (audited,
// on the timeline, never undone by detection), the complaints table, exports and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { replaceIncidents } from '../../src/incidents/queries.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { insertRows, type RowSpec } from '../support/report-rows.js';
import { OPENING, SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const ONSET = '2024-02-22T08:45:00.000Z';
const END = '2024-02-22T20:10:00.000Z';
const at = (min: number) => new Date(Date.parse(ONSET) + min * 60_000).toISOString();

const INCIDENT: StoredIncident = {
  ...SAMPLE_INCIDENT, id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null, status: 'resolved',
  scope: { level: 'nation', regions: ['US'] }, onsetAt: ONSET, detectedAt: at(3), resolvedAt: END, evidence: { opening: OPENING, collateral: null },
};

// 40 reports: 10 ended after 60 minutes, 30 with no end (out until the incident ended, 685 min).
const SPECS: RowSpec[] = [
  ...Array.from({ length: 10 }, (_, k): RowSpec => ({ receivedAt: at(10 + k), startedAt: at(5), endedAt: at(65), zip: '59801', services: ['voice', '911'], sos: true, email: `r${k}@example.org`, description: 'No bars at all since 3am' })),
  ...Array.from({ length: 30 }, (_, k): RowSpec => ({ receivedAt: at(20 + k * 10), startedAt: at(0), zip: k % 2 ? '10001' : '82001', carrier: k % 3 ? 'att' : 'cricket', network: 'att', services: ['data'], description: k === 7 ? 'Phone shows SOS only' : '' })),
  { receivedAt: at(30), carrier: 'verizon', zip: '10001' }, // another network
  { receivedAt: at(700), zip: '10001' }, // after the end
];

describe.each(process.env.ONLY_STORE ? [process.env.ONLY_STORE as 'sqlite'] : STORE_KINDS)('dossier API on %s', (kind) => {
  let t: TestApp;
  let inv: { authorization: string };
  let analyst: { authorization: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    analyst = { authorization: `Bearer ${await t.tokenFor('analyst')}` };
    await insertRows(t.ctx.store, SPECS);
    await upsertIncidents(t.ctx.store.db, [INCIDENT]);
  });
  afterAll(async () => t?.destroy());

  const get = (url: string, headers = inv) => t.app.inject({ url, headers });
  const act = (body: object, headers = inv) => t.app.inject({ method: 'POST', url: `/api/v1/incidents/${INCIDENT.id}/actions`, headers, payload: body });

  it('the detail carries impact: duration, user-minutes, FCC crossing, credits owed and offered', async () => {
    const res = await get(`/api/v1/incidents/${INCIDENT.id}`);
    expect(res.statusCode).toBe(200);
    const m = res.json().impact;
    expect(m.durationMinutes).toBe(685);
    expect(m.reports).toBe(40);
    expect(m.reports911).toBe(10);
    expect(m.reportsSos).toBe(10);
    expect(m.userMinutes.reported).toBe(10 * 60 + 30 * 685);
    expect(m.userMinutes.estimated).toBeGreaterThan(9e5);
    expect(m.fcc.thresholdCrossedAt).toBe(at(30));
    expect(m.fcc.affects911).toBe(true);
    // pro rata in February 2024 (41,760 minutes): att $75, cricket $40 by default
    const minute = (p: number) => p / 41_760;
    const want = 10 * 60 * minute(75) + 20 * 685 * minute(75) + 10 * 685 * minute(40);
    expect(m.credits.owedTotal).toBeCloseTo(want, 2);
    expect(m.credits.offeredTotal).toBe(5 * 40);
    expect(m.credits.owed.nyA8369).toBeCloseTo(20 * (75 / 30) + 10 * (40 / 30), 2);
    expect(m.assumptions.offerSource).toMatch(/AT&T/);
    expect(res.json().nors.servicesAffected.length).toBeGreaterThan(0);
  });

  it('assumptions are stored per incident and change the figures', async () => {
    const put = await t.app.inject({ method: 'PUT', url: `/api/v1/incidents/${INCIDENT.id}/assumptions`, headers: inv, payload: { offeredCreditPerAccount: 10, note: 'statement of 24 Feb' } });
    expect(put.statusCode).toBe(200);
    expect(put.json().credits.offeredTotal).toBe(400);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}`)).json().impact.assumptions.offerSource).toContain('statement of 24 Feb');
    const bad = await t.app.inject({ method: 'PUT', url: `/api/v1/incidents/${INCIDENT.id}/assumptions`, headers: inv, payload: { networkShare: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('networkShare');
  });

  it('complaints: the incident’s reports only, filtered, paged with a cursor', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/v1/incidents/${INCIDENT.id}/reports?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      all.push(...res.json().items.map((r: { id: string }) => r.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(40);
    const zip = (await get(`/api/v1/incidents/${INCIDENT.id}/reports?zip=59801&limit=50`)).json().items;
    expect(zip).toHaveLength(10);
    expect(zip.every((r: { contact: unknown; contactRedacted: boolean }) => r.contact === null && r.contactRedacted)).toBe(true);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}/reports?carrier=cricket`)).json().items).toHaveLength(10);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}/reports?sos=true&service=911`)).json().items).toHaveLength(10);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}/reports?q=sos%20only`)).json().items).toHaveLength(1);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}/reports?state=56`)).json().items).toHaveLength(15);
    const oldest = (await get(`/api/v1/incidents/${INCIDENT.id}/reports?order=oldest&limit=1`)).json().items[0];
    expect(oldest.receivedAt).toBe(at(10));
    expect((await get(`/api/v1/incidents/${INCIDENT.id}/reports?zip=123`)).statusCode).toBe(400);
  });

  it('roles: anonymous 401; analysts get redacted data and 403 on contact exports', async () => {
    expect((await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/reports.csv` })).statusCode).toBe(401);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}/reports.csv`, analyst)).statusCode).toBe(403);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}/reports?include=contact`, analyst)).statusCode).toBe(403);
    const redacted = await get(`/api/v1/incidents/${INCIDENT.id}/reports.csv?redacted=true&zip=59801`, analyst);
    expect(redacted.statusCode).toBe(200);
    expect(redacted.body).not.toContain('@example.org');
    const full = await get(`/api/v1/incidents/${INCIDENT.id}/reports.csv?zip=59801`);
    expect(full.headers['content-type']).toMatch(/^text\/csv/);
    expect(full.body).toContain('r3@example.org');
    expect((await act({ action: 'confirm' }, analyst)).statusCode).toBe(403);
  });

  it('exports count the same rows as the table, under the same filters', async () => {
    for (const q of ['', 'zip=10001', 'carrier=cricket', 'service=data&state=36']) {
      let n = 0;
      let cursor: string | null = null;
      do {
        const page: { items: unknown[]; nextCursor: string | null } = (await get(`/api/v1/incidents/${INCIDENT.id}/reports?limit=4${q ? `&${q}` : ''}${cursor ? `&cursor=${cursor}` : ''}`)).json();
        n += page.items.length;
        cursor = page.nextCursor;
      } while (cursor);
      const csv = (await get(`/api/v1/incidents/${INCIDENT.id}/reports.csv?${q}`)).body.trim().split('\n');
      const jsonl = (await get(`/api/v1/incidents/${INCIDENT.id}/reports.jsonl?${q}`)).body.trim().split('\n').filter(Boolean);
      expect(csv.length - 1, q).toBe(n);
      expect(jsonl.length, q).toBe(n);
    }
  });

  it('actions are audited and on the timeline; detection never undoes a dismiss or a manual resolve', async () => {
    expect((await act({ action: 'resolve' })).statusCode).toBe(409); // already resolved by detection
    const dismissed = await act({ action: 'dismiss', note: 'test traffic' });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().timeline.at(-1)).toMatchObject({ action: 'dismiss', note: 'test traffic', actor: expect.stringMatching(/^investigator/) });
    // detection writes the incident again (live), then a replay rewrites every incident
    await upsertIncidents(t.ctx.store.db, [{ ...INCIDENT, status: 'confirmed', resolvedAt: null }]);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}`)).json().status).toBe('dismissed');
    await replaceIncidents(t.ctx.store.db, [INCIDENT]);
    expect((await get(`/api/v1/incidents/${INCIDENT.id}`)).json().status).toBe('dismissed');
    expect((await get(`/api/v1/incidents?status=dismissed`)).json().items.map((i: { id: string }) => i.id)).toContain(INCIDENT.id);

    expect((await act({ action: 'reopen' })).statusCode).toBe(200);
    const resolvedAt = at(300);
    expect((await act({ action: 'resolve', resolvedAt })).statusCode).toBe(200);
    await upsertIncidents(t.ctx.store.db, [{ ...INCIDENT, status: 'confirmed', resolvedAt: null }]);
    await replaceIncidents(t.ctx.store.db, [{ ...INCIDENT, resolvedAt: END }]);
    const after = (await get(`/api/v1/incidents/${INCIDENT.id}`)).json();
    expect(after).toMatchObject({ status: 'resolved', resolvedAt });
    expect(after.impact.durationMinutes).toBe(300);
    expect(after.case.timeline.map((e: { action: string }) => e.action)).toEqual(['assumptions', 'dismiss', 'reopen', 'resolve']);

    expect((await act({ action: 'assign', assignee: 'pat@example.org' })).json().assignee).toBe('pat@example.org');
    expect((await act({ action: 'note' })).statusCode).toBe(400);
    const admin = { authorization: `Bearer ${await t.tokenFor('admin')}` };
    const audit = (await get('/api/v1/audit?limit=100', admin)).json().items.map((e: { action: string }) => e.action);
    for (const a of ['incident.dismiss', 'incident.reopen', 'incident.resolve', 'incident.assign', 'incident.assumptions', 'incident.export-csv']) expect(audit).toContain(a);
    expect((await act({ action: 'confirm' }, inv)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/incidents/nope/actions', headers: inv, payload: { action: 'confirm' } })).statusCode).toBe(404);
  });
});
