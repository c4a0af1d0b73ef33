// How often the public status is rebuilt while reports keep arriving: every report changes the
// counts, yet however many readers ask, the status is computed and the page rendered at most once
// per STATUS_TTL_MS (the operator sees both in /metrics); once that time has passed, the next
// reader gets the new counts. Counts below PUBLIC_MIN_COUNT stay hidden in every version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLICE_MS } from '../../src/status/counts.js';
import { STATUS_TTL_MS } from '../../src/status/service.js';
import { insertReports } from '../../src/store/index.js';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { AT, reportRow } from '../support/public-fixture.js';
import { STORE_KINDS } from '../support/stores.js';

/** Seven minutes into the current 15-minute slice: the reports below all fall in the slice under way. */
const START = Math.floor(Date.now() / SLICE_MS) * SLICE_MS + 7 * 60_000;
const STREAM = 30;

const metric = (t: TestApp, name: string): number => {
  const line = t.ctx.metrics.render().split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ').pop()) : NaN;
};

describe.each(STORE_KINDS)('status rebuilds under a stream of reports on %s', (kind) => {
  let t: TestApp;
  let now = START;
  beforeAll(async () => {
    t = await startTestApp(kind, {}, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage }, undefined, () => new Date(now));
  });
  afterAll(async () => t?.destroy());

  it('computes and renders once per TTL however many reports and readers, then shows the new counts', async () => {
    const pages: string[] = [];
    for (let i = 0; i < STREAM; i++) {
      await insertReports(t.ctx.store.db, [reportRow(AT.zip, 'verizon', 'verizon', new Date(START - 60_000 + i * 1_000), i)]);
      const res = await t.app.inject({ url: '/status' });
      expect(res.statusCode).toBe(200);
      pages.push(res.body);
      const api = await t.app.inject({ url: '/api/v1/status' });
      expect(api.statusCode).toBe(200);
    }
    expect(metric(t, 'status_compute_seconds_count')).toBe(1);
    expect(metric(t, 'status_page_render_seconds_count')).toBe(1);
    // Within the TTL every reader got the first version: one report, below the threshold, not shown.
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).not.toContain('Laramie, Wyoming');

    now += STATUS_TTL_MS;
    const fresh = await t.app.inject({ url: '/status' });
    expect(metric(t, 'status_compute_seconds_count')).toBe(2);
    expect(metric(t, 'status_page_render_seconds_count')).toBe(2);
    expect(fresh.body).toContain(`<th scope="row">Laramie, Wyoming</th><td>${STREAM}</td>`);
  });
});
