// First load of the desk's incident page in Debian Chromium: navigation start until the uPlot
// canvas and the county map are drawn, with a cold browser cache and then a warm one.
//   tsx bench/desk-load.ts BASE_URL EMAIL PASSWORD INCIDENT_ID
import { chromium, type BrowserContext } from 'playwright-core';

const [base = 'http://127.0.0.1:8090', email, password, incidentId = 'att-20240222T0845Z'] = process.argv.slice(2);
if (!email || !password) throw new Error('usage: tsx bench/desk-load.ts BASE_URL EMAIL PASSWORD INCIDENT_ID');

async function timeIncidentPage(ctx: BrowserContext): Promise<Record<string, number>> {
  const page = await ctx.newPage();
  const bytes: number[] = [];
  page.on('requestfinished', async (r) => bytes.push((await r.sizes()).responseBodySize));
  await page.goto(`/desk/incidents/${encodeURIComponent(incidentId)}`);
  await page.waitForFunction(() => document.querySelector('.od-chart canvas') && document.querySelectorAll('.od-map__counties path').length > 3000, undefined, { timeout: 60_000, polling: 'raf' });
  const drawn = await page.evaluate(() => performance.now());
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    // No named helper here: tsx would wrap it in a __name() call the page does not have.
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const counties = resources.find((e) => e.name.includes('/counties'));
    const atlas = resources.find((e) => e.name.includes('counties-albers'));
    return { domContentLoaded: nav.domContentLoadedEventEnd, countiesResponse: counties?.responseEnd ?? -1, atlasResponse: atlas?.responseEnd ?? -1 };
  });
  await page.close();
  return { ...t, chartAndMapDrawn: drawn, transferredKiB: Math.round(bytes.reduce((a, b) => a + b, 0) / 1024) };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
try {
  const ctx = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  const r = await ctx.request.post('/api/v1/session', { data: { email, password } });
  if (!r.ok()) throw new Error(`sign-in: ${r.status()}`);
  const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
  console.log('cold browser cache (ms):', round(await timeIncidentPage(ctx)));
  console.log('warm browser cache (ms):', round(await timeIncidentPage(ctx)));
} finally {
  await browser.close();
}
