// METRICS_PORT: /metrics on a listener of its own, loopback by default, without the token; the
// public port's /metrics still answers 401 without it.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { newStoreLocation, type TestStoreLocation } from '../support/stores.js';

describe('METRICS_PORT', () => {
  let loc: TestStoreLocation;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
    await loc?.destroy();
  });

  it('serves /metrics on its own loopback listener, and the public port still needs the token', async () => {
    loc = await newStoreLocation('sqlite');
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: loc.dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', DETECT: 'false', INTAKE_RATE_LIMIT: '0', METRICS_PORT: '0', METRICS_TOKEN: 'secret-token' });
    server = await startServer(config, { announce: () => undefined, logger: false });
    const metricsUrl = server.metricsUrl!;
    expect(new URL(metricsUrl).hostname).toBe('127.0.0.1');
    const report = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' }) });
    expect(report.status).toBe(201);
    const scraped = await fetch(metricsUrl);
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('cache-control')).toBe('no-store');
    const text = await scraped.text();
    expect(text).toMatch(/^reports_accepted_total\{source="api"\} 1$/m);
    expect(text).toMatch(/^intake_admitted_seconds_count 1$/m);
    expect((await fetch(metricsUrl.replace('/metrics', '/healthz'))).status).toBe(404); // only /metrics there
    expect((await fetch(`${server.url.replace('localhost', '127.0.0.1')}/metrics`)).status).toBe(401);
  });
});
