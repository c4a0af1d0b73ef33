// The public pages in Debian Chromium during an ongoing simulated AT&T outage (SQLite store):
// the status page shows it on the chart and the map, the ZIP check answers for a covered and
// an uncovered carrier, and axe finds nothing on any public page at phone and desk widths.
// Screenshots go to test/artifacts/ (gitignored).
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { insertReports, type ReportRow } from '../../src/store/index.js';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { axeViolations, launchChromium, watch, WIDTHS as DESK_AND_PHONE } from '../support/browser.js';
import { reportRow } from '../support/public-fixture.js';

const ARTIFACTS = path.resolve('test/artifacts');
/** Phone first: the public's page is read on phones most. */
const WIDTHS = [DESK_AND_PHONE[1], DESK_AND_PHONE[0]] as const;
/** Where the simulated outage is reported from: Manhattan, Atlanta, Chicago, Houston, Los Angeles. */
const ZIPS = ['10001', '30303', '60601', '77002', '90012'];

let t: TestApp;
let base: string;
let browser: Browser;
let reference: string;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  t = await startTestApp('sqlite', {}, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
  const now = Date.now();
  // Two hours of an AT&T outage: 12 reports a minute, spread over five cities.
  const rows: ReportRow[] = [];
  for (let k = 0; k < 120 * 12; k++) rows.push(reportRow(ZIPS[k % ZIPS.length]!, k % 7 === 0 ? 'cricket' : 'att', 'att', new Date(now - 2 * 3600_000 + k * 5_000), k));
  await insertReports(t.ctx.store.db, rows);
  reference = rows[0]!.reference;
  await upsertIncidents(t.ctx.store.db, [ongoingAttIncident(now, { reportCount: rows.length, services: { voice: 0.9, sms: 0.7, data: 0.6, '911': 0.2 } })]);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

async function open(url: string, width: (typeof WIDTHS)[number] = WIDTHS[0]): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: width.width, height: width.height }, timezoneId: 'America/New_York' });
  const problems = await watch(page, { keep404Console: true });
  const res = await page.goto(`${base}${url}`);
  expect(res?.status()).toBe(200);
  return { page, problems };
}

describe('public status page in Chromium', () => {
  it('shows the ongoing outage on the chart and the map, in plain words', async () => {
    const layers: number[] = [];
    const { page, problems } = await open('/status', WIDTHS[1]);
    page.on('response', (r) => (r.url().includes('/status/map/') ? layers.push(r.status()) : undefined));
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('#chart-att-title').count()).toBe(1);
    expect(layers).toEqual([200, 200]); // the nation and the state lines under and over the counties
    await page.locator('svg.od-map').screenshot({ path: path.join(ARTIFACTS, 'public-status-map.png') });
    expect(await page.locator('article[aria-labelledby="carrier-att"] rect.od-chart__bar').count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('path.od-map__county').count()).toBe(5);
    expect(await page.getByText(/^AT&T: calls, texts,? and data failing nationwide since \d{1,2}:\d\d [ap]\.m\. ET$/).count()).toBe(1);
    expect(await page.locator('.od-state--outage').first().textContent()).toBe('Outage');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('answers the ZIP check for a covered and an uncovered carrier, with the form prefilled', async () => {
    const { page } = await open('/status');
    await page.getByLabel('ZIP code', { exact: true }).fill('10001');
    await page.getByLabel('Carrier', { exact: true }).selectOption('cricket');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL(/zip=10001&carrier=cricket/);
    expect(await page.locator('#zip-answer').textContent()).toContain('Yes: a known Cricket Wireless outage covers 10001');
    await page.getByLabel('Carrier', { exact: true }).selectOption('verizon');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL(/carrier=verizon/);
    expect(await page.locator('#zip-answer').textContent()).toContain('No known Verizon outage covers 10001');
    await page.getByRole('link', { name: 'Report your problem' }).click();
    await page.waitForURL(/\/\?zip=10001&carrier=verizon/);
    expect(await page.getByLabel('ZIP code where it happened').inputValue()).toBe('10001');
    expect(await page.locator('#carrier-verizon').isChecked()).toBe(true);
    await page.close();
  });

  it('axe finds nothing on any public page at phone and desk widths (screenshots in test/artifacts)', async () => {
    const pages = ['/', '/?lang=es', '/status', '/status?zip=10001&carrier=att', '/status?lang=es&zip=00000', `/received/${reference}`, '/privacy', '/login'];
    const found: Record<string, string[]> = {};
    for (const w of WIDTHS) {
      for (const url of pages) {
        const { page } = await open(url, w);
        const name = url.startsWith('/received/') ? 'received' : url.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'form';
        await page.screenshot({ path: path.join(ARTIFACTS, `public-${name}-${w.name}.png`), fullPage: true });
        const v = await axeViolations(page);
        if (v.length) found[`${url} @${w.width}`] = v;
        await page.close();
      }
    }
    expect(found).toEqual({});
  }, 240_000);
});
