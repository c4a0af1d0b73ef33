// The web pages in-process (inject) on both stores: render, errors, Post/Redirect/Get, sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../staff/index.js';
import { countReports, storedMs } from '../store/index.js';
import { startTestApp, type TestApp } from '../../test/support/app.js';
import { STORE_KINDS } from '../../test/support/stores.js';
import { webNotFoundPage, webRoutes } from './index.js';

const good = (extra: Record<string, string | string[]> = {}): string => {
  const p = new URLSearchParams({ carrier: 'att', sosMode: 'yes', zip: '30303', started: '1h', ended: 'no', tzOffset: '300', description: 'SOS since 3am', ...flat(extra) });
  for (const s of extra.services ?? ['voice', '911']) p.append('services', s);
  return p.toString();
};
function flat(o: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** The markup of the form group that holds the control with this id. */
function groupOf(page: string, id: string): string {
  const at = page.indexOf(`id="${id}"`);
  const start = page.lastIndexOf('<div class="usa-form-group', at);
  return page.slice(start, page.indexOf('</div>', at) + 6);
}

describe.each(STORE_KINDS)('web pages on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, {}, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
  });
  afterAll(async () => t.destroy());
  const post = (url: string, payload: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { ...FORM, ...headers }, payload });

  it('renders the form with a label for every control and a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const ids = [...res.body.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!).filter((id) => id !== 'tzOffset');
    expect(ids).toEqual(expect.arrayContaining(['carrier-att', 'services-voice', 'services-sms', 'services-data', 'services-911', 'sosMode', 'zip',
      'started-now', 'started-15m', 'started-1h', 'started-earlier', 'startedAtLocal', 'ended-yes', 'endedAtLocal', 'calledCarrier', 'description',
      'name', 'email', 'phone', 'consentToContact', 'website']));
    for (const id of ids) expect(res.body, `label for ${id}`).toContain(`for="${id}"`);
    expect(res.body).toMatch(/id="zip"[^>]*inputmode="numeric" autocomplete="postal-code"/);
    expect(res.body).toMatch(/id="name"[^>]*autocomplete="name"/);
    expect(res.body).toMatch(/id="email"[^>]*autocomplete="email"/);
    expect(res.body).toMatch(/id="phone"[^>]*autocomplete="tel"/);
    expect(res.body).toMatch(/<div class="od-hp" aria-hidden="true">.*id="website"[^>]*tabindex="-1" autocomplete="off"/);
    expect(res.body).not.toMatch(/<script>|style="/); // nothing inline: the CSP would block it
  });

  it('serves the stylesheet compressed and cacheable', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)![1]!;
    const css = await t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['cache-control']).toContain('immutable');
    expect((await t.app.inject({ method: 'GET', url: '/assets/../index.ts' })).statusCode).toBe(404);
  });

  it('stores a good report and redirects (303) to its reference', async () => {
    const before = await countReports(t.ctx.store.db);
    const res = await post('/', good({ calledCarrier: 'verizon', name: 'Ana Ruiz', email: 'ana@example.org', consentToContact: 'yes' }));
    expect(res.statusCode).toBe(303);
    const ref = /^\/received\/(OD-[0-9A-Z]{4}(?:-[0-9A-Z]{4})+)$/.exec(res.headers.location as string)?.[1];
    expect(ref).toBeDefined();
    expect(await countReports(t.ctx.store.db)).toBe(before + 1);
    const row = await t.ctx.store.db.selectFrom('reports').selectAll().where('reference', '=', ref!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ carrier: 'att', services: 'voice,911', sos_mode: 1, zip: '30303', source: 'web', called_carrier: 'verizon',
      description: 'SOS since 3am', contact_name: 'Ana Ruiz', contact_email: 'ana@example.org', contact_phone: null, consent_to_contact: 1, ended_at: null });
    expect(Math.abs(storedMs(row.received_at) - 3600_000 - storedMs(row.started_at))).toBeLessThan(5000);
    const page = await t.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<p class="od-reference" id="reference">${ref}</p>`);
    expect(page.body).toContain('usa-alert--success');
  });

  it('converts an "earlier" local time with the browser offset to UTC', async () => {
    const local = new Date(Date.now() - 2 * 86400_000);
    const value = local.toISOString().slice(0, 16); // read as New York time (offset 300)
    const res = await post('/', good({ started: 'earlier', startedAtLocal: value, ended: 'yes', endedAtLocal: '' }));
    expect(res.statusCode).toBe(303);
    const ref = (res.headers.location as string).split('/').pop()!;
    const row = await t.ctx.store.db.selectFrom('reports').selectAll().where('reference', '=', ref).executeTakeFirstOrThrow();
    expect(storedMs(row.started_at)).toBe(new Date(`${value}:00Z`).getTime() + 300 * 60_000);
    expect(row.ended_at).not.toBeNull();
  });

  it('re-renders a bad report with 400, the values kept and each message next to its field', async () => {
    const res = await post('/', good({ carrier: '', services: [], zip: '99999', email: 'not-an-email', description: '<b>"kept"</b>' }));
    expect(res.statusCode).toBe(400);
    const b = res.body;
    expect(b).toMatch(/<div class="usa-alert usa-alert--error od-error-summary" role="alert" tabindex="-1" autofocus id="error-summary"/);
    for (const [href, msg] of [['#carrier-att', 'Choose your mobile carrier.'], ['#services-voice', 'Choose at least one thing that does not work.'],
      ['#zip', '99999 is not a ZIP code we know.'], ['#email', 'Enter an email address like name@example.com.']]) {
      expect(b).toContain(`<li><a href="${href}">${msg}`);
    }
    const zip = groupOf(b, 'zip');
    expect(zip).toContain('usa-form-group--error');
    expect(zip).toContain('<span class="usa-error-message" id="zip-error">99999 is not a ZIP code we know.');
    expect(zip).toMatch(/id="zip"[^>]*value="99999"[^>]*aria-describedby="zip-hint zip-error" aria-invalid="true"/);
    expect(groupOf(b, 'email')).toMatch(/value="not-an-email"[^>]*aria-describedby="email-error" aria-invalid="true"/);
    expect(b).toMatch(/id="services-voice"[^>]*aria-describedby="services-hint services-error" aria-invalid="true"/);
    expect(b).toContain('id="sosMode" type="checkbox" name="sosMode" value="yes" checked');
    expect(b).toContain('id="started-1h" type="radio" name="started" value="1h" checked');
    expect(b).toContain('>&lt;b>&quot;kept&quot;&lt;/b></textarea>'); // Preact escapes & < " in text; > needs no escape there
    expect(b).not.toContain('<b>"kept"</b>');
  });

  it('asks for the time when "earlier" is chosen without one', async () => {
    const res = await post('/', good({ started: 'earlier', startedAtLocal: '' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<li><a href="#startedAtLocal">Enter the date and time it started');
    expect(res.body).toMatch(/id="startedAtLocal"[^>]*aria-describedby="startedAtLocal-hint startedAtLocal-error" aria-invalid="true"/);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = await countReports(t.ctx.store.db);
    const res = await post('/', good({ website: 'http://spam.example' }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/received\/OD-[0-9A-Z-]+$/);
    expect(await countReports(t.ctx.store.db)).toBe(before);
  });

  it('answers an unknown path with a page for a browser and with problem+json for API clients', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await t.app.inject({ url: '/no/such/page?x=1', headers: { accept: browser } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.body).toContain('<h1>Page not found</h1><p>There is no page at this address. <a href="/">Go to the report form</a>.</p>');
    const api: Array<[string, string]> = [['/api/v1/nope', browser], ['/api', browser], ['/no/such/page', 'application/json'], ['/no/such/page', '*/*'],
      ['/no/such/page', 'application/problem+json, text/html;q=0.5'], ['/no/such/page', '']];
    for (const [url, accept] of api) {
      const res = await t.app.inject({ url, headers: { accept } });
      expect(res.statusCode, `${url} ${accept}`).toBe(404);
      expect(res.headers['content-type'], `${url} ${accept}`).toBe('application/problem+json; charset=utf-8');
      expect(res.json()).toMatchObject({ status: 404, type: 'https://outage-desk.dev/problems/not-found', detail: `No route GET ${url}` });
    }
  });

  it('serves the icon the pages link to, and at /favicon.ico for pages without the link', async () => {
    const form = await t.app.inject({ method: 'GET', url: '/' });
    const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"/.exec(form.body)![1]!;
    for (const url of [href, '/favicon.ico']) {
      const icon = await t.app.inject({ method: 'GET', url });
      expect(icon.statusCode, url).toBe(200);
      expect(icon.headers['content-type']).toBe('image/svg+xml');
      expect(icon.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it('shows a confirmation only for a reference that was stored', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/received/%3Cscript%3E' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/received/OD-0000-0000' })).statusCode).toBe(404);
    const sent = await post('/', good());
    const page = await t.app.inject({ method: 'GET', url: sent.headers.location! });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/status"');
  });

  it('says a well-formed ZIP it does not know is unknown, and asks for 5 digits otherwise', async () => {
    expect((await post('/', good({ zip: '00000' }))).body).toContain('00000 is not a ZIP code we know.');
    expect((await post('/', good({ zip: '123' }))).body).toContain('Enter the 5-digit U.S. ZIP code');
  });

  it('reads an "earlier" time sent without JavaScript in the ZIP’s time zone', async () => {
    // No tzOffset (the page script did not run): 03:45 in Atlanta (30303) on a winter day is 08:45 UTC.
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await post('/', good({ started: 'earlier', startedAtLocal: `${day}T03:45`, tzOffset: '' }));
    expect(res.statusCode).toBe(303);
    const ref = res.headers.location!.split('/').pop()!;
    const row = await t.ctx.store.db.selectFrom('reports').select('started_at').where('reference', '=', ref).executeTakeFirstOrThrow();
    const atlanta = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(storedMs(row.started_at)));
    expect(atlanta).toBe('03:45');
  });

  it('answers GET / in Spanish for Accept-Language: es or ?lang=es, with <html lang="es"> and a switch', async () => {
    const es = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'es-US,es;q=0.9' } });
    expect(es.body).toMatch(/<html lang="es">/);
    expect(es.body).toContain('Reportar una falla del servicio telefónico');
    expect(es.body).toContain('action="/?lang=es"');
    expect(es.body).toContain('href="/?lang=en" lang="en"');
    const q = await t.app.inject({ method: 'GET', url: '/?lang=es' });
    expect(q.body).toContain('Enviar reporte');
    const sent = await post('/?lang=es', good());
    expect(sent.headers.location).toMatch(/^\/received\/OD-[\w-]+\?lang=es$/);
    const received = await t.app.inject({ method: 'GET', url: sent.headers.location! });
    expect(received.body).toContain('Gracias, recibimos su reporte');
    const bad = await post('/?lang=es', good({ zip: '' }));
    expect(bad.body).toContain('Escriba el código postal (ZIP) de 5 dígitos');
  });

  it('prefills the ZIP and carrier from the status page’s link, and has a privacy notice', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/?zip=10001&carrier=att' });
    expect(res.body).toMatch(/id="carrier-att" type="radio" name="carrier" value="att" checked/);
    expect(res.body).toMatch(/id="zip" name="zip" type="text" value="10001"/);
    const privacy = await t.app.inject({ method: 'GET', url: '/privacy' });
    expect(privacy.statusCode).toBe(200);
    expect(privacy.body).toContain('How long it is kept');
  });

  it('signs staff in with a cookie through the form, the same session as the API, and signs out', async () => {
    const login = await t.app.inject({ method: 'GET', url: '/login' });
    expect(login.body).toMatch(/id="password"[^>]*autocomplete="current-password"/);
    const wrong = await post('/login', new URLSearchParams({ email: 'nobody@example.org', password: 'x' }).toString());
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The email or password is wrong.');
    expect(wrong.body).toContain('value="nobody@example.org"');

    const { user, password } = await createUser(t.ctx.store.db, 'analyst-web@example.org', 'analyst');
    const res = await post('/login', new URLSearchParams({ email: user.email, password }).toString());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/desk');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^od_session=ods[^;]+;.*HttpOnly/);
    expect(cookie).toContain('SameSite=Lax');
    const session = cookie.split(';')[0]!;
    // First sign-in with the printed password: the API asks for a new one before anything else.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } });
    expect(me.statusCode).toBe(403);
    expect(me.json().type).toMatch(/password-change-required$/);
    const out = await post('/logout', '', { cookie: session });
    expect(out.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session } })).statusCode).toBe(401);
  });
});

describe('web form rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { INTAKE_RATE_LIMIT: '1' }, { extraRoutes: [webRoutes] });
  });
  afterAll(async () => t.destroy());

  it('keeps the answers and says to wait, with 429 and Retry-After', async () => {
    const send = () => t.app.inject({ method: 'POST', url: '/', headers: FORM, payload: good({ zip: '10001' }) });
    expect((await send()).statusCode).toBe(303);
    const res = await send();
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toContain('Please wait a moment');
    expect(res.body).toMatch(/id="zip"[^>]*value="10001"/);
  });
});
