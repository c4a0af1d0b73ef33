// The public report form in Debian Chromium on a phone viewport (SQLite store): taps and the
// keyboard only, the reference after Post/Redirect/Get, and the error summary as a screen
// reader meets it. Also measures what the form page costs on the wire.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storedMs } from '../../src/store/index.js';
import { webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Budget for everything the form page loads (HTML + CSS + JS + images), compressed, first visit. */
const PAGE_BYTES_BUDGET = 30 * 1024;

let t: TestApp;
let base: string;
let browser: BrowserContext;
let profile: string;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  t = await startTestApp('sqlite', {}, { extraRoutes: [webRoutes] });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'od-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'America/New_York',
  });
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

beforeEach(async () => {
  for (const p of browser.pages()) await p.close();
  page = await browser.newPage();
});

/** USWDS draws radios and checkboxes on the label (the input itself is visually hidden): tap it as a person would. */
const tap = (text: string) => page.locator('label').getByText(text, { exact: true }).tap();

describe('report form on a phone', () => {
  it('is light: HTML, CSS, JS and images stay under the budget', async () => {
    const sizes: Array<{ url: string; bytes: number }> = [];
    page.on('requestfinished', async (req) => {
      const s = await req.sizes();
      sizes.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize });
    });
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    const total = sizes.reduce((n, s) => n + s.bytes, 0);
    console.log(`form page: ${total} bytes transferred in ${sizes.length} requests`, sizes.map((s) => `${new URL(s.url).pathname} ${s.bytes}`));
    expect(sizes.map((s) => new URL(s.url).pathname)).toContain('/assets/outage-desk.css');
    expect(total).toBeLessThan(PAGE_BYTES_BUDGET);
  });

  it('takes a report with taps and the keyboard and shows its reference', async () => {
    await page.goto(`${base}/`);
    await tap('AT&T');
    await tap('Calls (voice)');
    await tap('Texts (SMS)');
    await tap('My phone showed “SOS” or “SOS only”');
    await page.getByLabel('ZIP code where it happened').tap();
    await page.keyboard.type('30303');
    await tap('About 15 minutes ago');
    await page.getByLabel('What happened? (optional)').tap();
    await page.keyboard.type('Only SOS since this morning.');
    await page.getByRole('button', { name: 'Send report' }).tap();
    await page.waitForURL(/\/received\/OD-/);
    const reference = (await page.locator('#reference').textContent())!.trim();
    expect(reference).toMatch(/^OD-[0-9A-Z]{4}(?:-[0-9A-Z]{4})+$/);
    expect(page.url()).toBe(`${base}/received/${reference}`);
    const row = await t.ctx.store.db.selectFrom('reports').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ carrier: 'att', services: 'voice,sms', sos_mode: 1, zip: '30303', source: 'web', description: 'Only SOS since this morning.' });
    // Post/Redirect/Get: reloading shows the same reference and stores nothing new.
    const count = await t.ctx.store.db.selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await page.reload();
    expect((await page.locator('#reference').textContent())!.trim()).toBe(reference);
    const after = await t.ctx.store.db.selectFrom('reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(count.n));
  });

  it('reads an "earlier" time in the phone’s own time zone', async () => {
    await page.goto(`${base}/`);
    await tap('T-Mobile');
    await tap('Mobile data / internet');
    await page.getByLabel('ZIP code where it happened').fill('10001');
    const local = new Date(Date.now() - 86400_000).toISOString().slice(0, 16);
    // The time field shows only once "Earlier" is chosen (CSS, no script); the hidden field carries the zone offset.
    const field = page.getByLabel('If earlier: date and time it started');
    expect(await field.isVisible()).toBe(false);
    await tap('Earlier');
    expect(await field.isVisible()).toBe(true);
    await field.fill(local);
    expect(await page.locator('#started-earlier').isChecked()).toBe(true);
    const ended = page.getByLabel('If it came back: date and time');
    expect(await ended.isVisible()).toBe(false);
    await tap('Yes, it works again');
    expect(await ended.isVisible()).toBe(true);
    await tap('No, still not working');
    const offset = await page.evaluate(() => new Date().getTimezoneOffset());
    expect(offset).toBeGreaterThan(0); // America/New_York
    await page.getByRole('button', { name: 'Send report' }).tap();
    await page.waitForURL(/\/received\/OD-/);
    const reference = (await page.locator('#reference').textContent())!.trim();
    const row = await t.ctx.store.db.selectFrom('reports').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(storedMs(row.started_at)).toBe(new Date(`${local}:00Z`).getTime() + offset * 60_000);
  });

  it('focuses the error summary and ties each message to its field', async () => {
    await page.goto(`${base}/`);
    await tap('Verizon');
    await page.getByLabel('ZIP code where it happened').fill('123');
    await page.getByLabel('Email').fill('not an email');
    await page.getByRole('button', { name: 'Send report' }).tap();
    await page.waitForSelector('#error-summary');
    const summary = page.getByRole('alert');
    expect(await summary.count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const items = await summary.getByRole('link').allTextContents();
    expect(items).toEqual([
      'Choose at least one thing that does not work.',
      'Enter the 5-digit U.S. ZIP code where it happened, for example 30303.',
      'Enter an email address like name@example.com.',
    ]);
    // What a screen reader announces with each field: its accessible description.
    const described = (selector: string) => page.locator(selector).evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent?.trim()).join(' | '));
    expect(await described('#zip')).toBe('5 digits, for example 30303. | Enter the 5-digit U.S. ZIP code where it happened, for example 30303.');
    expect(await described('#email')).toBe('Enter an email address like name@example.com.');
    expect(await described('#services-voice')).toBe('Check all that apply. | Choose at least one thing that does not work.');
    expect(await page.locator('#zip').getAttribute('aria-invalid')).toBe('true');
    // The answers are still there, and a link in the summary moves to its field.
    expect(await page.locator('#zip').inputValue()).toBe('123');
    expect(await page.locator('#carrier-verizon').isChecked()).toBe(true);
    await summary.getByRole('link', { name: /email address/ }).tap();
    expect(await page.evaluate(() => location.hash)).toBe('#email');
  });

  it('hides the honeypot from people and assistive technology', async () => {
    await page.goto(`${base}/`);
    const box = await page.locator('#website').boundingBox();
    expect(box === null || box.x + box.width <= 0).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Leave this empty' }).count()).toBe(0);
  });
});
