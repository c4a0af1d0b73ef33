// The staff desk app in Debian Chromium on a SQLite store: the incidents list names networks,
// the incident page draws its uPlot chart and county map, a changed incident arrives over SSE
// without a reload, and axe finds nothing at desk and phone widths. Screenshots go to
// test/artifacts/ to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { createUser } from '../../src/staff/index.js';
import { deskAppRoutes } from '../../src/web/desk-app.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { axeViolations, launchChromium, OWN_PASSWORD, signInNewStaff, watch, watchedPage, WIDTHS } from '../support/browser.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { SAMPLE_INCIDENT } from '../support/sample-incident.js';

const ARTIFACTS = path.resolve('test/artifacts');
const DESK_BUILD = path.resolve('dist/desk/index.html');

let t: TestApp;
let base: string;
let browser: Browser;
let context: BrowserContext;
const att = ongoingAttIncident();

beforeAll(async () => {
  if (!fs.existsSync(DESK_BUILD)) throw new Error(`${DESK_BUILD} is missing: run npm run build (or npm run build:desk) first`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  t = await startTestApp('sqlite', {}, { extraRoutes: [webRoutes, deskAppRoutes] });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await upsertIncidents(t.ctx.store.db, [att, SAMPLE_INCIDENT]);
  for (const [carrier, zip] of [['att', '30303'], ['att', '30303'], ['cricket', '30318'], ['att', '10001'], ['att', '60601'], ['verizon', '94103']] as const) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier, services: ['voice', 'sms'], zip, contact: { email: 'caller@example.org' }, consentToContact: true } });
    expect(res.statusCode).toBe(201);
  }
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: base, viewport: WIDTHS[0], timezoneId: 'America/Chicago' });
  await signInNewStaff(t.ctx.store.db, context, 'investigator@example.org', 'investigator');
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

/** A page that fails the test on a script error or a CSP violation. */
async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await watchedPage(context);
  await opened.page.goto(url);
  return opened;
}

/** axe's violations, with how long the run took (the desk's largest pages are the slow ones). */
async function axe(page: Page): Promise<string[]> {
  const started = Date.now();
  const violations = await axeViolations(page);
  console.log(`axe on ${new URL(page.url()).pathname} at ${page.viewportSize()?.width} px: ${Date.now() - started} ms`);
  return violations;
}

describe('staff desk app', () => {
  it('lists incidents by network name and reports, accessible at desk and phone widths', async () => {
    const { page, problems } = await open('/desk');
    const table = page.getByRole('region', { name: 'Incidents, newest onset first' });
    await expect.poll(() => table.getByRole('rowheader', { name: 'AT&T' }).count()).toBe(1);
    await expect.poll(() => table.getByRole('rowheader', { name: 'Verizon' }).count()).toBe(1);
    expect(await table.getByText('collateral of AT&T').count()).toBe(1);
    expect(await table.getByRole('cell', { name: 'att', exact: true }).count()).toBe(0);
    const reports = page.getByRole('region', { name: 'Newest reports, newest first' });
    await expect.poll(() => reports.getByRole('link', { name: /^OD-/ }).count()).toBe(6);
    // Lists carry no contact details (they refresh themselves); the report page shows them.
    expect(await reports.getByText('caller@example.org').count()).toBe(0);
    expect(await reports.getByText('given: on the report page').count()).toBe(6);
    for (const w of WIDTHS) {
      await page.setViewportSize(w);
      await page.screenshot({ path: path.join(ARTIFACTS, `desk-list-${w.name}.png`), fullPage: true });
      expect(await axe(page)).toEqual([]);
    }
    // Opening a report is a person asking: its page shows the contact details to an investigator.
    await page.setViewportSize(WIDTHS[0]);
    await reports.getByRole('link', { name: /^OD-/ }).first().click();
    await expect.poll(() => page.getByText('caller@example.org').count()).toBe(1);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the incident chart and county map, accessible at desk and phone widths', async () => {
    const { page, problems } = await open(`/desk/incidents/${att.id}`);
    await page.locator('.od-chart canvas').first().waitFor();
    await expect.poll(() => page.locator('svg path').count()).toBeGreaterThanOrEqual(50);
    await expect.poll(() => page.locator('svg path[fill="#f0f0f0"]').count()).toBeGreaterThan(3000);
    expect(await page.locator('.od-map__counties path:not([fill="#f0f0f0"])').count()).toBe(3); // Fulton (30303, 30318), New York, Cook
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('AT&T outage: nationwide');
    // Why it has its scope: opened at the states holding the national excess, grown to the nation.
    await expect(page.getByText('It opened covering 18 states (state level): the national count stood out, but its excess sat in 18 states (fewer than 25)', { exact: false }).count()).resolves.toBe(1);
    await expect(page.getByText('It grew to the whole country (nation level)', { exact: false }).count()).resolves.toBe(1);
    for (const w of WIDTHS) {
      await page.setViewportSize(w);
      // The chart follows the page width (ResizeObserver).
      await expect.poll(() => page.locator('.od-chart canvas').first().evaluate((c) => c.getBoundingClientRect().width)).toBeLessThanOrEqual(w.width);
      await page.screenshot({ path: path.join(ARTIFACTS, `desk-incident-${w.name}.png`), fullPage: true });
      expect(await axe(page)).toEqual([]);
    }
    // Clicking a county zooms to its state; its counties can then be reached with the keyboard.
    await page.setViewportSize(WIDTHS[0]);
    // Fulton County's odd shape puts its bounding box's centre in Cobb: click it where it is.
    await page.locator('.od-map__counties path[data-fips="13121"]').dispatchEvent('click');
    await expect.poll(() => page.locator('#map-state').inputValue()).toBe('13');
    expect(await page.locator('.od-map__counties path[tabindex="0"]').count()).toBe(159); // Georgia's counties
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-incident-zoomed.png') });
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a changed incident and a new one over server-sent events, without reloading', async () => {
    const { page, problems } = await open('/desk');
    const table = page.getByRole('region', { name: 'Incidents, newest onset first' });
    await expect.poll(() => table.getByText('1,200', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.locator('.od-live--live').count()).toBe(1);
    await page.evaluate(() => Object.assign(window, { deskMark: 'still here' }));
    await upsertIncidents(t.ctx.store.db, [{ ...att, reportCount: 4321 }]);
    await expect.poll(() => table.getByText('4,321', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    const tmobile = ongoingAttIncident(Date.now(), { id: 'tmobile-live', network: 'tmobile', kind: 'collateral', primaryIncidentId: att.id });
    await upsertIncidents(t.ctx.store.db, [tmobile]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'New incident: T-Mobile, collateral' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await table.getByRole('rowheader', { name: 'T-Mobile' }).count()).toBe(1);
    expect(await page.evaluate(() => [performance.getEntriesByType('navigation').length, (window as unknown as { deskMark?: string }).deskMark])).toEqual([1, 'still here']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps an incident dismissed over server-sent events off the list of open incidents', async () => {
    const now = Date.now();
    const past = ongoingAttIncident(now - 6 * 3600_000, { id: 'verizon-dismissed', network: 'verizon', status: 'resolved', resolvedAt: new Date(now - 4 * 3600_000).toISOString() });
    await upsertIncidents(t.ctx.store.db, [past]);
    const { page, problems } = await open('/desk');
    const table = page.getByRole('region', { name: 'Incidents, newest onset first' });
    await expect.poll(() => table.getByRole('rowheader', { name: 'Verizon' }).count()).toBe(2);
    await page.locator('#f-status').selectOption('open');
    // The open list is shown: the resolved Verizon incidents are gone from it.
    await expect.poll(() => table.getByRole('rowheader', { name: 'Verizon' }).count()).toBe(0);
    await expect.poll(() => page.locator('.od-live--live').count()).toBe(1);
    const auth = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    const dismissed = await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${past.id}/actions`, headers: auth, payload: { action: 'dismiss' } });
    expect(dismissed.statusCode).toBe(200);
    // Events arrive in order: once the later open incident is announced, the dismissal was seen.
    await upsertIncidents(t.ctx.store.db, [ongoingAttIncident(Date.now(), { id: 'uscellular-live', network: 'uscellular' })]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'New incident: UScellular' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await table.getByRole('rowheader', { name: 'Verizon' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets a member make and revoke an API token, and an admin add and disable an account', async () => {
    const adminContext = await browser.newContext({ baseURL: base, viewport: WIDTHS[0] });
    const { user, password } = await createUser(t.ctx.store.db, 'admin-desk@example.org', 'admin');
    await adminContext.request.post('/api/v1/session', { data: { email: user.email, password } });
    await adminContext.request.post('/api/v1/me/password', { data: { currentPassword: password, newPassword: OWN_PASSWORD } });
    const page = await adminContext.newPage();
    page.setDefaultTimeout(8000);
    const problems = await watch(page);

    await page.goto('/desk/account');
    await page.getByLabel('Name (what the script is)').fill('nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: /Copy the token .nightly export. now/ }).waitFor();
    const secret = (await page.locator('text=/odt_[A-Za-z0-9_-]{43}/').first().textContent())!.match(/odt_[A-Za-z0-9_-]{43}/)![0];
    expect((await adminContext.request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(200);
    const tokens = page.getByRole('region', { name: 'Your API tokens' });
    await tokens.getByRole('button', { name: 'Revoke nightly export' }).click();
    await expect.poll(() => tokens.getByRole('rowheader', { name: 'nightly export' }).count()).toBe(0);
    expect((await adminContext.request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-account.png'), fullPage: true });
    expect(await axe(page)).toEqual([]);

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Staff accounts' }).waitFor();
    await page.getByLabel('Email').fill('new.analyst@example.org');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { name: 'new.analyst@example.org can sign in now' }).waitFor();
    const accounts = page.getByRole('region', { name: 'Staff accounts' });
    await accounts.getByRole('button', { name: 'Disable new.analyst@example.org' }).click();
    await expect.poll(() => accounts.getByRole('button', { name: 'Enable new.analyst@example.org' }).count()).toBe(1);
    const stored = await t.ctx.store.db.selectFrom('users').select('disabled').where('email', '=', 'new.analyst@example.org').executeTakeFirstOrThrow();
    expect(stored.disabled).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-admin-users.png'), fullPage: true });
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await adminContext.close();
  });
});
