// The investigator's part of the desk in Debian Chromium: sign in, open the incident of a
// simulated outage, filter its complaints, confirm it, download the PDF dossier; then detach a
// report and attach it back by reference, merge another incident in and split a state off; axe
// finds nothing at 1280 and 390 px. Screenshots go to test/artifacts/ to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { createUser } from '../../src/staff/index.js';
import { deskAppRoutes } from '../../src/web/desk-app.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { axeViolations, launchChromium, signInFirstTime, watchedPage, WIDTHS } from '../support/browser.js';
import { ongoingAttIncident } from '../support/live-incident.js';

const ARTIFACTS = path.resolve('test/artifacts');

let t: TestApp;
let base: string;
let browser: Browser;
let context: BrowserContext;
const att = ongoingAttIncident(Date.now(), { status: 'suspected' });
// An older spike in Montana on the same network, to merge into the national incident.
const montana = ongoingAttIncident(Date.now() - 3600_000, { id: 'att-montana-spike', status: 'suspected', scope: { level: 'state', regions: ['30'] } });

beforeAll(async () => {
  if (!fs.existsSync(path.resolve('dist/desk/index.html'))) throw new Error('dist/desk is missing: run npm run build first');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  t = await startTestApp('sqlite', { JURISDICTION: 'NY' }, { extraRoutes: [webRoutes, deskAppRoutes] });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await upsertIncidents(t.ctx.store.db, [att, montana]);
  const reports = [['att', '10001'], ['att', '10001'], ['cricket', '10001'], ['att', '30303'], ['att', '59801'], ['att', '82001'], ['verizon', '10001']] as const;
  for (const [carrier, zip] of reports) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier, services: ['voice', 'sms'], sosMode: true, zip, description: 'SOS only since this morning', contact: { email: 'caller@example.org' }, consentToContact: true } });
    expect(res.statusCode).toBe(201);
  }
  browser = await launchChromium();
  context = await browser.newContext({ baseURL: base, viewport: WIDTHS[0], acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('the dossier on the desk', () => {
  it('sign in, open the incident, filter complaints, confirm, download the PDF', async () => {
    const { page, problems } = await watchedPage(context, { failedResponses: true });

    const { password } = await createUser(t.ctx.store.db, 'inv-dossier@example.org', 'investigator');
    await signInFirstTime(page, 'inv-dossier@example.org', password);
    const incidents = page.getByRole('region', { name: 'Incidents, newest onset first' });
    // Before the password change the desk's GET /api/v1/me is answered 403 password-change-required, by design.
    problems.length = 0;

    await incidents.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Complaints' }).waitFor();
    const table = page.getByRole('region', { name: 'Complaints of this incident' });
    await expect.poll(() => table.getByRole('link', { name: /^OD-/ }).count()).toBe(6); // AT&T's network only
    await expect.poll(() => page.locator('section[aria-labelledby="complaints-heading"]').getByText('New York residents:').count()).toBe(1);
    expect(await page.getByText(/User-minutes reported/).count()).toBe(1);

    await page.getByLabel('ZIP').fill('10001');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => table.getByRole('link', { name: /^OD-/ }).count()).toBe(3);
    await page.getByLabel('Carrier').selectOption('cricket');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => table.getByRole('link', { name: /^OD-/ }).count()).toBe(1);

    await page.getByLabel('Note (kept on the timeline)').fill('Carrier confirmed by phone');
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect.poll(() => page.getByText(/confirmed: “Carrier confirmed by phone”/).count()).toBe(1);
    expect((await t.app.inject({ url: `/api/v1/incidents/${att.id}`, headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).json().status).toBe('confirmed');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF dossier' }).click()]);
    const file = path.join(ARTIFACTS, 'dossier.pdf');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    for (const w of WIDTHS) {
      await page.setViewportSize(w);
      await page.screenshot({ path: path.join(ARTIFACTS, `dossier-incident-${w.name}.png`), fullPage: true });
      expect(await axeViolations(page), w.name).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  // Signed in by the test above (the same browser context).
  it('detach a report and attach it back by reference, merge an incident in, split a state off', async () => {
    const { page, problems } = await watchedPage(context, { failedResponses: true });
    await page.goto(`/desk/incidents/${att.id}`);
    const table = page.getByRole('region', { name: 'Complaints of this incident' });
    const rows = () => table.getByRole('link', { name: /^OD-/ }).count();
    await expect.poll(rows).toBe(6);
    const detach = table.getByRole('button', { name: /^Detach OD-/ }).first();
    const reference = (await detach.getAttribute('aria-label'))!.replace('Detach ', '');
    await detach.click();
    await page.getByText(`Report ${reference} detached from this incident.`).waitFor();
    await expect.poll(rows).toBe(5);
    await expect.poll(() => page.locator('.od-timeline li').filter({ hasText: `detached report ${reference}` }).count()).toBe(1);
    await expect.poll(() => page.locator('.od-facts dd').filter({ hasText: /^5 \(detection/ }).count()).toBe(1);
    await page.getByLabel('Attach a report by its reference').fill(reference.toLowerCase());
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.getByText(`Report ${reference} attached to this incident.`).waitFor();
    await expect.poll(rows).toBe(6);

    await page.getByLabel('Incident (same network, overlapping in time)').selectOption(montana.id);
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('button', { name: 'Yes, merge' }).click();
    await page.getByText(/^Merged att-montana-spike into this incident/).waitFor();
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const detail = async (id: string) => (await t.app.inject({ url: `/api/v1/incidents/${id}`, headers: { cookie } })).json();
    expect((await detail(montana.id)).status).toBe('dismissed');
    await expect.poll(rows).toBe(6); // Montana's report was the national incident's already: once

    await page.locator('label[for="split-13"]').click(); // the USWDS checkbox is drawn on its label
    expect(await page.getByRole('checkbox', { name: 'Georgia' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Split…' }).click();
    await page.getByText('Split the reports from Georgia off into a new incident?').waitFor();
    for (const w of WIDTHS) {
      await page.setViewportSize(w);
      await page.locator('section[aria-labelledby="reshape-heading"]').screenshot({ path: path.join(ARTIFACTS, `dossier-split-confirm-${w.name}.png`) });
      expect(await axeViolations(page), `confirming, ${w.name}`).toEqual([]);
    }
    await page.setViewportSize(WIDTHS[0]);
    await page.getByRole('button', { name: 'Yes, split' }).click();
    const done = page.getByText(/^Split off as/);
    await done.waitFor();
    await expect.poll(rows).toBe(5); // the Atlanta report left
    const part = (await done.getByRole('link').textContent())!;
    expect((await detail(part)).impact.reports).toBe(1);
    expect((await detail(att.id)).impact.reports).toBe(5);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Georgia' }).count()).toBe(0); // split off already

    for (const w of WIDTHS) {
      await page.setViewportSize(w);
      await page.screenshot({ path: path.join(ARTIFACTS, `dossier-case-reports-${w.name}.png`), fullPage: true });
      expect(await axeViolations(page), w.name).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('analysts see no case controls for reports, merge or split', async () => {
    const { password, user } = await createUser(t.ctx.store.db, 'analyst-dossier@example.org', 'analyst');
    await t.ctx.store.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', user.id).execute();
    const own = await browser.newContext({ baseURL: base, viewport: WIDTHS[0] });
    const { page, problems } = await watchedPage(own, { failedResponses: true });
    await page.goto('/login');
    await page.getByLabel('Email').fill('analyst-dossier@example.org');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: 'Incidents, newest onset first' }).waitFor();
    await page.goto(`/desk/incidents/${att.id}`);
    await expect.poll(() => page.getByRole('region', { name: 'Complaints of this incident' }).getByRole('link', { name: /^OD-/ }).count()).toBe(5);
    expect(await page.getByRole('heading', { name: 'Merge and split' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Detach/ }).count()).toBe(0);
    expect(await page.getByLabel('Attach a report by its reference').count()).toBe(0);
    expect(problems).toEqual([]);
    await own.close();
  }, 60_000);
});
