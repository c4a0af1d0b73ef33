// The incident page's attribution panel in Debian Chromium: the timeline of markers, statements
// and claims; an investigator adds a statement and a claim through the forms and sees the claim's
// verdict with its reasons; markup and links stay text; an analyst sees no forms; axe finds
// nothing at 390 and 1280 px. Screenshots go to test/artifacts/ to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import type { Role } from '../../src/staff/index.js';
import { deskAppRoutes } from '../../src/web/desk-app.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ATT_INCIDENT } from '../support/att-incident.js';
import { axeViolations, launchChromium, signInNewStaff, watchedPage, WIDTHS } from '../support/browser.js';

const ARTIFACTS = path.resolve('test/artifacts');
const DESK_BUILD = path.resolve('dist/desk/index.html');

let t: TestApp;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(DESK_BUILD)) throw new Error(`${DESK_BUILD} is missing: run npm run build first`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  t = await startTestApp('sqlite', {}, { extraRoutes: [webRoutes, deskAppRoutes] });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  await upsertIncidents(t.ctx.store.db, [ATT_INCIDENT]);
  const auth = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
  const cisa = { source: 'agency', speaker: 'CISA', saidAt: '2024-02-22T21:00:00Z', url: 'https://example.org/cisa', text: 'There are no indications of malicious activity.', asserts: { maliciousActivity: 'none-seen' } };
  expect((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ATT_INCIDENT.id}/statements`, headers: auth, payload: cisa })).statusCode).toBe(201);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

/** A browser context signed in as a new account of this role, past the forced first password change. */
async function signedIn(role: Role): Promise<BrowserContext> {
  const ctx = await browser.newContext({ baseURL: base, viewport: WIDTHS[0], timezoneId: 'America/Chicago' });
  await signInNewStaff(t.ctx.store.db, ctx, `${role}-att@example.org`, role);
  return ctx;
}

async function open(ctx: BrowserContext, url: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await watchedPage(ctx);
  await opened.page.goto(url);
  return opened;
}

describe('attribution panel', () => {
  it('an investigator adds a statement and a claim and reads the claim’s verdict with its reasons', async () => {
    const ctx = await signedIn('investigator');
    const { page, problems } = await open(ctx, `/desk/incidents/${ATT_INCIDENT.id}`);
    const panel = page.getByRole('region', { name: 'Statements and claims of responsibility' });
    const timeline = panel.getByRole('list').first();
    await timeline.getByText('Outage began').waitFor();
    expect(await timeline.getByText('Service restored').count()).toBe(1);
    expect(await timeline.getByText('There are no indications of malicious activity.').count()).toBe(1);

    const statement = panel.getByRole('form', { name: 'Add a statement' });
    await statement.getByLabel('Source').selectOption('carrier');
    await statement.getByLabel('Who said it').fill('AT&T');
    await statement.getByLabel('When said (UTC)').fill('2024-02-23T00:46');
    await statement.getByLabel('What was said').fill('An incorrect process used as we were expanding our network, not a cyberattack.');
    await statement.getByLabel('Cause it names').selectOption('configuration');
    await statement.getByRole('button', { name: 'Add statement' }).click();
    await timeline.getByText('not a cyberattack', { exact: false }).waitFor();

    const claim = panel.getByRole('form', { name: 'Add a claim of responsibility' });
    await claim.getByLabel('Who claims it').fill('62IX');
    await claim.getByLabel('Where (channel)').fill('telegram');
    await claim.getByLabel('When claimed (UTC)').fill('2024-02-23T15:00');
    await claim.getByLabel('Link (optional)').fill('https://example.org/<i>claim</i>');
    await claim.getByLabel('What the claim says').fill('<b>We</b> took down AT&T with a DDoS attack.');
    await claim.getByLabel('Method claimed').selectOption('ddos');
    await claim.getByRole('button', { name: 'Add claim' }).click();

    const card = panel.getByRole('article', { name: /62IX/ });
    await card.waitFor();
    expect(await card.getByText('contradicted', { exact: true }).count()).toBe(1);
    expect(await card.getByText(/after service was restored; post-event/).count()).toBe(1);
    expect(await card.getByText('Contradicted: official statements rule out an attack and none confirms one.').count()).toBe(1);
    expect(await card.getByText(/^A DDoS does not fit what detection saw/).count()).toBe(1);
    // What people wrote is text: no <b> element, no link to follow.
    expect(await card.getByText('<b>We</b> took down AT&T with a DDoS attack.').count()).toBe(1);
    expect(await panel.locator('b, i, a').count()).toBe(0);
    expect(await card.getByText('https://example.org/<i>claim</i>').count()).toBe(1);

    expect(problems).toEqual([]);
    // A bad link is refused by the server, naming the field (the browser logs that one 400).
    await claim.getByLabel('Who claims it').fill('Someone');
    await claim.getByLabel('Where (channel)').fill('forum');
    await claim.getByLabel('When claimed (UTC)').fill('2024-02-22T07:30');
    await claim.getByLabel('Link (optional)').fill('javascript:alert(1)');
    await claim.getByLabel('What the claim says').fill('Tonight AT&T goes dark.');
    await claim.getByRole('button', { name: 'Add claim' }).click();
    await claim.getByRole('alert').waitFor();
    expect(await claim.getByRole('alert').textContent()).toMatch(/url is not in the expected form/);

    for (const w of WIDTHS) {
      await page.setViewportSize(w);
      await panel.screenshot({ path: path.join(ARTIFACTS, `attribution-${w.width}.png`) });
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(problems).toEqual([expect.stringMatching(/status of 400/)]);
    await ctx.close();
  }, 120_000);

  it('shows an analyst the timeline and verdicts but no forms', async () => {
    const ctx = await signedIn('analyst');
    const { page, problems } = await open(ctx, `/desk/incidents/${ATT_INCIDENT.id}`);
    const panel = page.getByRole('region', { name: 'Statements and claims of responsibility' });
    await panel.getByRole('article', { name: /62IX/ }).waitFor();
    expect(await panel.getByRole('form').count()).toBe(0);
    await page.setViewportSize(WIDTHS[1]);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await ctx.close();
  }, 120_000);
});
