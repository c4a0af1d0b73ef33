// What every browser test shares: Debian Chromium with the flags this machine needs, pages that
// collect script errors, axe-core served from the page's own origin (so the page's CSP stays as
// strict as in production) and run over the WCAG 2.1 A/AA rules, and the first staff sign-in
// through the /login form past the forced password change.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Role } from '../../src/staff/index.js';
import { createUser } from '../../src/staff/index.js';
import type { Database } from '../../src/store/index.js';
import type { Kysely } from 'kysely';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_URL_PATH = '/__test/axe.js';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export const WIDTHS = [
  { name: 'desk', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

export const OWN_PASSWORD = 'correct horse battery staple';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface WatchOptions {
  /** Count answers ≥ 400 as problems too (not where a test provokes them). */
  readonly failedResponses?: boolean;
  /** Console errors about a 404 resource are the browser's own noise (favicon): ignored unless set. */
  readonly keep404Console?: boolean;
}

/** Collects script errors and console errors of a page, and serves axe to it. */
export async function watch(page: Page, options: WatchOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && (options.keep404Console || !/Failed to load resource.*404/.test(m.text()))) problems.push(m.text());
  });
  if (options.failedResponses) {
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
  }
  await page.route(`**${AXE_URL_PATH}`, (r) => r.fulfill({ path: AXE, contentType: 'text/javascript' }));
  return problems;
}

/** A new page of the context, watched. */
export async function watchedPage(ctx: BrowserContext, options: WatchOptions = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await ctx.newPage();
  const problems = await watch(page, options);
  return { page, problems };
}

/** axe-core's violations on the page as it is now, one line each (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: new URL(AXE_URL_PATH, page.url()).href });
  const result = await page.evaluate(async (tags) => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
    return w.axe.run(document, { runOnly: { type: 'tag', values: tags } });
  }, AXE_TAGS);
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

/** Signs a new account of this role in through /login on the context, past the forced first password change. */
export async function signInNewStaff(db: Kysely<Database>, ctx: BrowserContext, email: string, role: Role): Promise<void> {
  const { password } = await createUser(db, email, role);
  const page = await ctx.newPage();
  await signInFirstTime(page, email, password);
  await page.close();
}

/** The first sign-in of an account on this page: the one-time password, then one of its own. */
export async function signInFirstTime(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill(OWN_PASSWORD);
  await page.getByLabel('New password again').fill(OWN_PASSWORD);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('region', { name: 'Incidents, newest onset first' }).waitFor();
}
