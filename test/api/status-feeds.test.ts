// The Atom feed and the CAP 1.2 feed and alerts, read by real parsers (rss-parser, and xml2js,
// which rss-parser itself parses with) on both stores: every CAP element the issue lists, and no
// incident with fewer reports than the threshold, no report field.
import { createRequire } from 'node:module';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { expectNoReportFields, insertFixture } from '../support/public-fixture.js';
import { SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const xml2js = createRequire(import.meta.url)('xml2js') as { parseStringPromise(s: string): Promise<Record<string, any>> };

describe.each(STORE_KINDS)('status feeds on %s', (kind) => {
  let t: TestApp;
  let times: Date[];
  const ongoing = ongoingAttIncident();
  const thin = { ...ongoingAttIncident(Date.now(), { id: 'tmobile-thin' }), network: 'tmobile', reportCount: 9, scope: { level: 'county' as const, regions: ['30063'] } };
  const county = { ...ongoingAttIncident(Date.now(), { id: 'verizon-county' }), network: 'verizon', status: 'suspected' as const, kind: 'primary' as const, reportCount: 10, scope: { level: 'county' as const, regions: ['56021', '56001'] } };
  beforeAll(async () => {
    t = await startTestApp(kind, {}, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
    times = await insertFixture(t.ctx.store);
    await upsertIncidents(t.ctx.store.db, [ongoing, SAMPLE_INCIDENT, thin, county]);
  });
  afterAll(async () => t?.destroy());

  it('the Atom feed parses and lists the public incidents in plain words, not the one of 9 reports', async () => {
    const res = await t.app.inject({ url: '/status/feed.atom' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = await new Parser().parseString(res.body);
    const titles = feed.items.map((i) => i.title ?? '');
    expect(titles).toHaveLength(3);
    expect(titles.some((x) => /^AT&T: calls and texts failing nationwide since/.test(x))).toBe(true);
    expect(titles.some((x) => /^Verizon: outage nationwide from .* resolved/.test(x))).toBe(true);
    expect(res.body).not.toContain('tmobile-thin');
    expectNoReportFields(res.body.replace(/30063/g, ''), times);
    const again = await t.app.inject({ url: '/status/feed.atom', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('the CAP feed links one CAP 1.2 alert per incident, each with every required element', async () => {
    const res = await t.app.inject({ url: '/status/cap.atom' });
    const feed = await new Parser().parseString(res.body);
    const links = feed.items.map((i) => new URL(i.link!).pathname);
    expect(links.sort()).toEqual([`/status/cap/${ongoing.id}.xml`, `/status/cap/${SAMPLE_INCIDENT.id}.xml`, '/status/cap/verizon-county.xml'].sort());
    const types: Record<string, string> = {};
    for (const path of links) {
      const a = await t.app.inject({ url: path });
      expect(a.statusCode).toBe(200);
      const { alert } = await xml2js.parseStringPromise(a.body);
      expect(alert.$.xmlns).toBe('urn:oasis:names:tc:emergency:cap:1.2');
      for (const k of ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope']) expect(alert[k]?.[0], k).toBeTruthy();
      expect(alert.sent[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/);
      expect(alert.status[0]).toBe('Actual');
      expect(alert.scope[0]).toBe('Public');
      const info = alert.info[0];
      for (const k of ['category', 'event', 'urgency', 'severity', 'certainty', 'headline', 'description', 'instruction']) expect(info[k]?.[0], k).toBeTruthy();
      expect(info.category[0]).toBe('Infra');
      const area = info.area[0];
      expect(area.areaDesc[0]).toBeTruthy();
      expect(area.geocode.every((g: any) => g.valueName[0] === 'SAME' && /^\d{6}$/.test(g.value[0]))).toBe(true);
      types[path] = alert.msgType[0];
      if (path.includes('verizon-county')) {
        expect(area.geocode.map((g: any) => g.value[0]).sort()).toEqual(['056001', '056021']);
        expect(info.certainty[0]).toBe('Likely');
      }
      if (alert.msgType[0] !== 'Alert') expect(alert.references[0]).toContain(':alert,');
      expectNoReportFields(a.body, times);
    }
    expect(types).toEqual({ [`/status/cap/${ongoing.id}.xml`]: 'Update', [`/status/cap/${SAMPLE_INCIDENT.id}.xml`]: 'Cancel', '/status/cap/verizon-county.xml': 'Alert' });
  });

  it('has no CAP alert for an incident below the threshold or an unknown id', async () => {
    expect((await t.app.inject({ url: '/status/cap/tmobile-thin.xml' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/status/cap/nope.xml' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/status/cap/..%2Fx.xml' })).statusCode).toBe(404);
  });
});
