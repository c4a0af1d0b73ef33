// Writes docs/screenshot-form.png: the public report form, filled in, on a phone viewport.
// Starts the app in-process on a throwaway SQLite store and drives Debian Chromium.
//   npx tsx scripts/screenshot.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startTestApp } from '../test/support/app.js';
import { webRoutes } from '../src/web/index.js';

const out = path.resolve('docs/screenshot-form.png');
const test = await startTestApp('sqlite', {}, { extraRoutes: [webRoutes] });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'od-chromium-'));
try {
  const address = await test.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${address}/`);
    await page.locator('label').getByText('AT&T', { exact: true }).tap();
    await page.locator('label').getByText('Calls (voice)').tap();
    await page.locator('label').getByText('Calling 911').tap();
    await page.locator('label').getByText('My phone showed').tap();
    await page.getByLabel('ZIP code where it happened').tap();
    await page.keyboard.type('30303');
    await page.locator('label').getByText('About 1 hour ago').tap();
    await page.getByLabel('What happened? (optional)').tap();
    await page.keyboard.type('Phone shows SOS since this morning; could not call my pharmacy.');
    await page.evaluate(() => { window.getSelection()?.removeAllRanges(); (document.activeElement as HTMLElement | null)?.blur(); });
    await page.screenshot({ path: out, fullPage: true });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
  }
} finally {
  await test.destroy();
  fs.rmSync(profile, { recursive: true, force: true });
}
