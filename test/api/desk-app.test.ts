// The desk app's files: every desk URL answers the built index.html under the strict CSP, not
// cached; the hashed files are cached for a year and sent precompressed; no inline script or style.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_CONTENT_SECURITY_POLICY, deskAppRoutes } from '../../src/web/desk-app.js';
import { startTestApp, type TestApp } from '../support/app.js';

const INDEX = 'dist/desk/index.html';

describe('desk app files', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) throw new Error(`${INDEX} is missing: run npm run build first`);
    t = await startTestApp('sqlite', {}, { extraRoutes: [deskAppRoutes] });
  });
  afterAll(async () => t?.destroy());

  it('answers the app for /desk and its deep links, signed in or not', async () => {
    for (const url of ['/desk', '/desk/', '/desk/incidents/att-20240222T0845Z', '/desk/reports/0190', '/desk/account', '/desk/admin/users', '/desk/admin/audit']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(DESK_CONTENT_SECURITY_POLICY);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toBe(fs.readFileSync(INDEX, 'utf8'));
    }
  });

  it('has no inline script, inline style or meta refresh', () => {
    const html = fs.readFileSync(INDEX, 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
    expect(html).not.toMatch(/http-equiv="refresh"/i);
  });

  it('serves the hashed files as immutable, brotli or gzip when asked, and 404 for others', async () => {
    const js = /src="\/desk\/assets\/([^"]+\.js)"/.exec(fs.readFileSync(INDEX, 'utf8'))![1]!;
    const br = await t.app.inject({ url: `/desk/assets/${js}`, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['content-encoding']).toBe('br');
    expect((await t.app.inject({ url: `/desk/assets/${js}`, headers: { 'accept-encoding': 'gzip' } })).headers['content-encoding']).toBe('gzip');
    const atlas = fs.readdirSync('dist/desk/assets').find((f) => f.startsWith('counties-albers-10m'))!;
    expect((await t.app.inject({ url: `/desk/assets/${atlas}` })).headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await t.app.inject({ url: '/desk/assets/nope.js' })).statusCode).toBe(404);
  });
});
