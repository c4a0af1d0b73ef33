// The public status page, its ZIP check and the language choice, in-process on both stores,
// with a county of 9 reports beside one of 10: the 10 shows, the 9 and every report field do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { lookupZip } from '../../src/reference/index.js';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { AT, BELOW, expectNoReportFields, insertFixture } from '../support/public-fixture.js';
import { STORE_KINDS } from '../support/stores.js';

/** Numbers shown as counts on the page: "N reports" and table cells. */
function shownCounts(html: string): number[] {
  const words = [...html.matchAll(/([\d,]+) (?:reports|reportes)\b/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
  const cells = [...html.matchAll(/<td>([\d,]+)<\/td>/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
  return [...words, ...cells];
}

describe.each(STORE_KINDS)('status page on %s', (kind) => {
  let t: TestApp;
  let times: Date[];
  beforeAll(async () => {
    t = await startTestApp(kind, {}, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
    times = await insertFixture(t.ctx.store);
    await upsertIncidents(t.ctx.store.db, [ongoingAttIncident()]);
  });
  afterAll(async () => t?.destroy());

  it('shows the outage in plain words, the county of 10 and not the county of 9, no report field', async () => {
    const res = await t.app.inject({ url: '/status' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(res.body).toMatch(/AT&amp;T: calls and texts failing nationwide since \d{1,2}:\d\d [ap]\.m\. ET/);
    expect(res.body).toContain('Laramie, Wyoming');
    expect(res.body).not.toContain('Missoula');
    expect(shownCounts(res.body).filter((n) => n >= 1 && n < 10)).toEqual([]);
    expect(res.body).toContain('Fewer than 10 reports');
    expect(res.body).toContain('od-map__county--');
    expect(res.body).toContain('Wi-Fi calling');
    expectNoReportFields(res.body, times);
    const again = await t.app.inject({ url: '/status', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('answers the ZIP check for the county of 9 without its count, and for the county of 10 with it, the form prefilled', async () => {
    const below = await t.app.inject({ url: `/status?zip=${BELOW.zip}&carrier=verizon` });
    expect(below.statusCode).toBe(200);
    expect(below.body).toContain('No known Verizon outage covers 59801');
    expect(below.body).toContain('Verizon: Fewer than 10 reports in Missoula in the last hour.');
    expect(shownCounts(below.body).filter((n) => n >= 1 && n < 10)).toEqual([]);
    expectNoReportFields(below.body.replace(/Missoula/g, ''), times.filter(() => true));
    expect(below.body).toContain('href="/?zip=59801&amp;carrier=verizon"');
    const at = await t.app.inject({ url: `/status?zip=${AT.zip}&carrier=verizon` });
    expect(at.body).toContain('Verizon: 10 reports in Laramie in the last hour.');
    const covered = await t.app.inject({ url: `/status?zip=${AT.zip}&carrier=att` });
    expect(covered.body).toContain('Yes: a known AT&amp;T outage covers 82001');
    expect(covered.body).toContain(`${lookupZip(AT.zip)!.city}, WY`);
  });

  it('says a ZIP is unknown or malformed instead of answering', async () => {
    const unknown = await t.app.inject({ url: '/status?zip=00000' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('00000 is not a ZIP code we know.');
    const bad = await t.app.inject({ url: '/status?zip=12ab' });
    expect(bad.body).toContain('Enter a 5-digit ZIP code');
    expect(bad.body).not.toContain('id="zip-answer"');
  });

  it('speaks Spanish by Accept-Language or ?lang=es, with <html lang> and a switch back', async () => {
    const es = await t.app.inject({ url: '/status', headers: { 'accept-language': 'es-US,es;q=0.9,en;q=0.5' } });
    expect(es.body).toMatch(/<html lang="es">/);
    expect(es.body).toContain('Estado del servicio telefónico');
    expect(es.body).toMatch(/AT&amp;T: fallan las llamadas/);
    expect(es.body).toContain('href="/status?lang=en" lang="en"');
    const q = await t.app.inject({ url: '/status?lang=es' });
    expect(q.body).toMatch(/<html lang="es">/);
    const en = await t.app.inject({ url: '/status?lang=en', headers: { 'accept-language': 'es' } });
    expect(en.body).toMatch(/<html lang="en">/);
  });
});

describe('the office in the header and footer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { OFFICE_NAME: 'Georgia Public Service Commission', OFFICE_CONTACT: 'outages@psc.example.gov', OFFICE_JURISDICTION_NAME: 'the State of Georgia', JURISDICTION: 'GA', OFFICE_LOGO_URL: '/assets/favicon.svg', OFFICE_TIME_ZONE: 'America/Chicago' }, { extraRoutes: [webRoutes] });
  });
  afterAll(async () => t?.destroy());

  it('names the office, its contact and jurisdiction on every public page, and labels times in its zone', async () => {
    for (const url of ['/', '/status', '/privacy']) {
      const res = await t.app.inject({ url });
      expect(res.body).toMatch(/<title>[^<]+ – Georgia Public Service Commission<\/title>/);
      expect(res.body).toContain('<img class="od-header__logo" src="/assets/favicon.svg" alt/>Georgia Public Service Commission</a>');
      expect(res.body).toContain('Serving the State of Georgia');
      expect(res.body).toContain('outages@psc.example.gov');
    }
    expect((await t.app.inject({ url: '/status' })).body).toContain('Times are CT.');
  });

  it('names the state of JURISDICTION in the footer when the office words it no other way', async () => {
    const other = await startTestApp('sqlite', { OFFICE_NAME: 'Georgia Public Service Commission', JURISDICTION: 'GA' }, { extraRoutes: [webRoutes] });
    try {
      expect((await other.app.inject({ url: '/privacy' })).body).toContain('Serving Georgia');
      expect((await other.app.inject({ url: '/privacy?lang=es' })).body).toContain('Al servicio de Georgia');
    } finally {
      await other.destroy();
    }
  });

  it('refuses a logo from another origin and an unknown time zone at start', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(() => loadConfig({ OFFICE_LOGO_URL: 'https://elsewhere.example/logo.png' })).toThrow(/OFFICE_LOGO_URL/);
    expect(() => loadConfig({ OFFICE_TIME_ZONE: 'Mars/Olympus' })).toThrow(/OFFICE_TIME_ZONE/);
  });
});
