// No log line holds a client's network address, at any level: reports, the form, sign-in,
// errors and not-found answers are all logged with the address and forwarded-for headers set.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const ADDRESS = '203.0.113.77';
const FORWARDED = '198.51.100.23';

describe('log lines', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter(Boolean)));
    t = await startTestApp('sqlite', { LOG_LEVEL: 'trace', TRUST_PROXY: 'true' }, { logger: true, logStream: stream, extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
  });
  afterAll(async () => t.destroy());

  it('carry no client address at any level', async () => {
    const headers = { 'x-forwarded-for': `${FORWARDED}, ${ADDRESS}`, 'user-agent': `agent ${ADDRESS}` };
    const send = (o: { method?: 'GET' | 'POST'; url: string; payload?: Record<string, unknown>; headers?: Record<string, string> }) =>
      t.app.inject({ remoteAddress: ADDRESS, ...o, headers: { ...headers, ...o.headers } });
    expect((await send({ method: 'POST', url: '/api/v1/reports', payload: { carrier: 'att', services: ['voice'], zip: '10001' } })).statusCode).toBe(201);
    expect((await send({ method: 'POST', url: '/api/v1/reports', payload: { carrier: 'nope' } })).statusCode).toBe(400);
    expect((await send({ method: 'POST', url: '/api/v1/session', payload: { email: 'x@example.org', password: 'wrong-password' } })).statusCode).toBe(401);
    await send({ url: '/' });
    await send({ url: '/nothing-here', headers: { accept: 'text/html' } });
    await send({ url: '/api/v1/reports' });
    expect(lines.length).toBeGreaterThan(8); // trace level: every request logged in and out
    expect(lines.some((l) => l.includes('"url":"/api/v1/reports"'))).toBe(true);
    const leaking = lines.filter((l) => l.includes(ADDRESS) || l.includes(FORWARDED));
    expect(leaking).toEqual([]);
  });
});
