// The public status API on both stores, with a county of 9 reports beside one of 10: nothing
// below PUBLIC_MIN_COUNT, no report field; cacheable (ETag, Cache-Control, 304); 400 and 404.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { lookupZip } from '../../src/reference/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { AT, BELOW, expectNoReportFields, insertFixture, smallCounts } from '../support/public-fixture.js';
import { STORE_KINDS } from '../support/stores.js';

describe.each(STORE_KINDS)('public status API on %s', (kind) => {
  let t: TestApp;
  let times: Date[];
  beforeAll(async () => {
    t = await startTestApp(kind);
    times = await insertFixture(t.ctx.store);
    await upsertIncidents(t.ctx.store.db, [ongoingAttIncident()]);
  });
  afterAll(async () => t?.destroy());

  it('GET /api/v1/status shows the county of 10, not the county of 9, and no report field', async () => {
    const res = await t.app.inject({ url: '/api/v1/status' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(smallCounts(body)).toEqual([]);
    expectNoReportFields(res.body, times);
    const vz = body.carriers.find((c: { network: string }) => c.network === 'verizon');
    expect(vz.counties).toEqual([{ county: lookupZip(AT.zip)!.county, count: 10 }]);
    expect(vz.last24h).toEqual({ count: 19, suppressed: false });
    expect(vz.problems).toContainEqual({ problem: 'sos', count: 19, suppressed: false });
    expect(vz.problems).toContainEqual({ problem: 'sms', count: null, suppressed: true });
    expect(vz.series.some((b: { reports: { suppressed: boolean } }) => b.reports.suppressed)).toBe(true);
    expect(body.carriers.find((c: { network: string }) => c.network === 'att').state).toBe('outage');
    expect(body.incidents).toHaveLength(1);
  });

  it('answers 304 to the same ETag, with Cache-Control', async () => {
    const first = await t.app.inject({ url: '/api/v1/status' });
    expect(first.headers.etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const again = await t.app.inject({ url: '/api/v1/status', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await t.app.inject({ url: '/api/v1/status', headers: { 'if-none-match': '"stale"' } });
    expect(other.statusCode).toBe(200);
    const gz = await t.app.inject({ url: '/api/v1/status', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(first.json());
  });

  it('GET /api/v1/status/:zip hides 9 nearby reports and shows 10', async () => {
    const below = await t.app.inject({ url: `/api/v1/status/${BELOW.zip}?carrier=verizon` });
    expect(below.statusCode).toBe(200);
    expect(below.json()).toMatchObject({ zip: BELOW.zip, covered: false, carrier: { id: 'verizon', network: 'verizon' }, nearby: [{ network: 'verizon', lastHour: { count: null, suppressed: true } }] });
    expectNoReportFields(below.body.replace(`"county":"${lookupZip(BELOW.zip)!.county}"`, ''), times);
    const at = await t.app.inject({ url: `/api/v1/status/${AT.zip}?carrier=visible` });
    expect(at.json().nearby).toEqual([{ network: 'verizon', name: 'Verizon', lastHour: { count: 10, suppressed: false } }]);
    for (const url of [`/api/v1/status/${BELOW.zip}`, `/api/v1/status/${AT.zip}`]) {
      const r = await t.app.inject({ url });
      expect(smallCounts(r.json())).toEqual([]);
      expect(r.headers.etag).toBeTruthy();
    }
  });

  it('says whether an open incident covers the ZIP for that carrier', async () => {
    const att = await t.app.inject({ url: `/api/v1/status/${BELOW.zip}?carrier=cricket` });
    expect(att.json()).toMatchObject({ covered: true, incidents: [{ network: 'att', networkName: 'AT&T' }] });
  });

  it('answers 404 zip-unknown for a ZIP we do not know and 400 naming the field for bad input', async () => {
    const unknown = await t.app.inject({ url: '/api/v1/status/00000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ type: 'https://outage-desk.dev/problems/zip-unknown', detail: '00000 is not a ZIP code we know' });
    const bad = await t.app.inject({ url: '/api/v1/status/1234x' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('zip');
    const carrier = await t.app.inject({ url: `/api/v1/status/${AT.zip}?carrier=nope` });
    expect(carrier.statusCode).toBe(400);
    expect(JSON.stringify(carrier.json().errors)).toContain('carrier');
  });
});
