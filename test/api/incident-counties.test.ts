// GET /api/v1/incidents/:id/counties on both stores: reports of the incident's network in its
// time window, per county; other networks and other times do not count; 401 and 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { lookupZip } from '../../src/reference/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const MANHATTAN = '10001';
const ATLANTA = '30303';

describe.each(STORE_KINDS)('incident counties on %s', (kind) => {
  let t: TestApp;
  let auth: { authorization: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    auth = { authorization: `Bearer ${await t.tokenFor('analyst')}` };
  });
  afterAll(async () => t?.destroy());

  const file = async (carrier: string, zip: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier, services: ['voice'], zip } });
    expect(res.statusCode).toBe(201);
  };

  it('counts the incident network’s reports per county, most first', async () => {
    const incident = ongoingAttIncident();
    await upsertIncidents(t.ctx.store.db, [incident]);
    for (let k = 0; k < 3; k++) await file('att', ATLANTA);
    await file('cricket', ATLANTA); // rides AT&T's network
    await file('att', MANHATTAN);
    await file('verizon', MANHATTAN); // another network: not this incident's
    const res = await t.app.inject({ url: `/api/v1/incidents/${incident.id}/counties`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      incidentId: incident.id,
      total: 5,
      items: [
        { county: lookupZip(ATLANTA)!.county, count: 4 },
        { county: lookupZip(MANHATTAN)!.county, count: 1 },
      ],
    });
  });

  it('counts nothing outside the incident’s window', async () => {
    await upsertIncidents(t.ctx.store.db, [SAMPLE_INCIDENT]); // 22 Feb 2024: before every report here
    const res = await t.app.inject({ url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/counties`, headers: auth });
    expect(res.json()).toEqual({ incidentId: SAMPLE_INCIDENT.id, total: 0, items: [] });
  });

  it('keeps the answer of a resolved incident and recounts an ongoing one', async () => {
    const now = Date.now();
    const ongoing = ongoingAttIncident(now, { id: 'att-ongoing' });
    const resolved = ongoingAttIncident(now, { id: 'att-resolved', status: 'resolved', resolvedAt: new Date(now + 3600_000).toISOString() });
    await upsertIncidents(t.ctx.store.db, [ongoing, resolved]);
    const total = async (id: string) => (await t.app.inject({ url: `/api/v1/incidents/${id}/counties`, headers: auth })).json().total as number;
    const before = { ongoing: await total(ongoing.id), resolved: await total(resolved.id) };
    await file('att', ATLANTA);
    expect(await total(ongoing.id)).toBe(before.ongoing + 1);
    expect(await total(resolved.id)).toBe(before.resolved);
  });

  it('answers 404 incident-not-found for an unknown id and 401 without a caller', async () => {
    const missing = await t.app.inject({ url: '/api/v1/incidents/nope-20240101T0000Z/counties', headers: auth });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ type: 'https://outage-desk.dev/problems/incident-not-found', status: 404 });
    expect((await t.app.inject({ url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/counties` })).statusCode).toBe(401);
  });
});
