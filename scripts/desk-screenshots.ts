// Writes the README's desk screenshots from a running server (e.g. on the replayed 22 Feb 2024
// store): the incidents list and the AT&T incident at desk width, the incident on a phone.
//   npx tsx scripts/desk-screenshots.ts BASE_URL EMAIL PASSWORD INCIDENT_ID
// The account must have chosen its own password (a one-time one stops at the forced change).
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

const [base, email, password, incidentId] = process.argv.slice(2);
if (!base || !email || !password || !incidentId) throw new Error('usage: desk-screenshots.ts BASE_URL EMAIL PASSWORD INCIDENT_ID');
const doc = (name: string) => path.resolve('docs', name);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
try {
  const desk = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 }, timezoneId: 'America/New_York' });
  const signIn = await desk.request.post('/api/v1/session', { data: { email, password } });
  if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()}`);
  const drawn = async (page: Page) => {
    await page.locator('.od-chart canvas').first().waitFor();
    await page.locator('.od-map__counties path').nth(100).waitFor();
    await page.locator('.od-map__counties path:not([fill="#f0f0f0"])').first().waitFor({ timeout: 60_000 });
  };
  const list = await desk.newPage();
  await list.goto('/desk');
  await list.getByRole('rowheader', { name: 'AT&T' }).first().waitFor();
  await list.screenshot({ path: doc('screenshot-desk.png') });
  const incident = await desk.newPage();
  await incident.goto(`/desk/incidents/${encodeURIComponent(incidentId)}`);
  await drawn(incident);
  await incident.screenshot({ path: doc('screenshot-incident.png'), fullPage: true });

  const phone = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, storageState: await desk.storageState(), timezoneId: 'America/New_York' });
  const small = await phone.newPage();
  await small.goto(`/desk/incidents/${encodeURIComponent(incidentId)}`);
  await drawn(small);
  await small.screenshot({ path: doc('screenshot-incident-phone.png'), fullPage: true });
  console.log('wrote docs/screenshot-desk.png, docs/screenshot-incident.png, docs/screenshot-incident-phone.png');
} finally {
  await browser.close();
}
