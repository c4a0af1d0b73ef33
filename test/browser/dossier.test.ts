// The investigator's part of the desk in Debian Chromium: sign in, open the incident of a
// simulated outage, filter its complaints, confirm it, download the PDF dossier; axe finds
// nothing at 1280 and 390 px. Screenshots go to test/artifacts/ to look at.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { createUser } from '../../src/staff/index.js';
import { deskAppRoutes } from '../../src/web/desk-app.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve('test/artifacts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WIDTHS = [
  { name: 'desk', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const OWN_PASSWORD = 'correct horse battery staple';

let t: TestApp;
let base: string;
let browser: Browser;
let context: BrowserContext;
const att = ongoingAttIncident(Date.now(), { status: 'suspected' });

beforeAll(async () => {
  if (!fs.existsSync(path.resolve('dist/desk/index.html'))) throw new Error('dist/desk is missing: run npm run build first');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  t = await startTestApp('sqlite', { JURISDICTION: 'NY' }, { extraRoutes: [webRoutes, deskAppRoutes] });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await upsertIncidents(t.ctx.store.db, [att]);
  const reports = [['att', '10001'], ['att', '10001'], ['cricket', '10001'], ['att', '30303'], ['att', '59801'], ['att', '82001'], ['verizon', '10001']] as const;
  for (const [carrier, zip] of reports) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier, services: ['voice', 'sms'], sosMode: true, zip, description: 'SOS only since this morning', contact: { email: 'caller@example.org' }, consentToContact: true } });
    expect(res.statusCode).toBe(201);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  context = await browser.newContext({ baseURL: base, viewport: WIDTHS[0], acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${base}/__test/axe.js` });
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
    return w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

describe('the dossier on the desk', () => {
  it('sign in, open the incident, filter complaints, confirm, download the PDF', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource.*404/.test(m.text())) problems.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    await page.route('**/__test/axe.js', (r) => r.fulfill({ path: AXE, contentType: 'text/javascript' }));

    const { password } = await createUser(t.ctx.store.db, 'inv-dossier@example.org', 'investigator');
    await page.goto('/login');
    await page.getByLabel('Email').fill('inv-dossier@example.org');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('Current password').fill(password);
    await page.getByLabel('New password', { exact: true }).fill(OWN_PASSWORD);
    await page.getByLabel('New password again').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const incidents = page.getByRole('region', { name: 'Incidents, newest onset first' });
    await incidents.waitFor();
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
      expect(await axe(page), w.name).toEqual([]);
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
