// The trimmed stylesheet holds every class the pages use: forgetting to @forward a USWDS
// package in styles/outage-desk.scss would leave a control unstyled, silently.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Assets } from './assets.js';
import { formPage } from './pages/form-page.js';
import { loginPage } from './pages/login-page.js';
import { notFoundPage } from './pages/not-found-page.js';
import { receivedPage } from './pages/received-page.js';
import { renderDocument } from './view/render.js';
import { EMPTY_FORM } from './report-form.js';
import { statusPage } from './pages/status-page.js';
import { privacyPage } from './pages/privacy-page.js';
import { en } from './i18n/en.js';
import { loadConfig } from '../config.js';
import { buildStatus, hoursOf, slicesOf } from '../status/index.js';

// Classes that only mark a state or carry no style of their own in USWDS.
const UNSTYLED = new Set<string>([]);

describe('outage-desk.css', () => {
  it('styles every class the pages use', () => {
    const assets = new Assets();
    const css = fs.readFileSync(new URL('./assets/outage-desk.css', import.meta.url), 'utf8');
    const errors = new Map([['zip', 'x'], ['services', 'y']] as const);
    const office = { ...loadConfig({}).office, logoUrl: '/assets/favicon.svg' };
    const now = Date.parse('2026-03-10T15:00:00Z');
    // A carrier with reports, so the chart, the map and the tables are drawn.
    const busy = buildStatus({
      now, minCount: 10, incidents: [],
      slices: slicesOf([{ at: now - 15 * 60_000, network: 'att', services: 'voice', sos: false, n: 50 }]),
      hours: hoursOf([{ at: now - 3600_000, network: 'att', county: '13121', n: 50 }]),
    });
    const pages = [
      ...[
        formPage(assets, { form: EMPTY_FORM, errors }),
        formPage(assets, { form: EMPTY_FORM, notice: { heading: 'h', text: 't' } }),
        receivedPage(assets, 'OD-0000-0000'),
        loginPage(assets, { email: '', problem: { field: 'password', message: 'm' } }),
        notFoundPage(assets),
        statusPage(assets, en, office, { status: busy, zip: '10001', carrier: 'att', check: undefined, zipProblem: 'unknown', timeZone: 'America/New_York', mapNetwork: undefined }, '/status'),
        privacyPage(assets, { m: en, office, path: '/privacy' }),
      ].map(renderDocument),
    ].join('\n');
    const used = new Set([...pages.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
    const missing = [...used].filter((c) => !UNSTYLED.has(c) && !new RegExp(`\\.${c}(?![\\w-])`).test(css));
    expect(missing).toEqual([]);
    expect(css.length).toBeLessThan(100_000);
  });
});
