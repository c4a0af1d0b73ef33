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

// Classes that only mark a state or carry no style of their own in USWDS.
const UNSTYLED = new Set<string>([]);

describe('outage-desk.css', () => {
  it('styles every class the pages use', () => {
    const assets = new Assets();
    const css = fs.readFileSync(new URL('./assets/outage-desk.css', import.meta.url), 'utf8');
    const errors = new Map([['zip', 'x'], ['services', 'y']] as const);
    const pages = [
      ...[
        formPage(assets, { form: EMPTY_FORM, errors }),
        formPage(assets, { form: EMPTY_FORM, notice: { heading: 'h', text: 't' } }),
        receivedPage(assets, 'OD-0000-0000'),
        loginPage(assets, { email: '', problem: { field: 'password', message: 'm' } }),
        notFoundPage(assets),
      ].map(renderDocument),
    ].join('\n');
    const used = new Set([...pages.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
    const missing = [...used].filter((c) => !UNSTYLED.has(c) && !new RegExp(`\\.${c}(?![\\w-])`).test(css));
    expect(missing).toEqual([]);
    expect(css.length).toBeLessThan(100_000);
  });
});
