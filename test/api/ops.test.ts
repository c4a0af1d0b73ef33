// Health, readiness, metrics and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('ops endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { METRICS_TOKEN: 'scrape-secret' });
  });
  afterAll(async () => t.destroy());

  it('answer health and readiness', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', store: 'sqlite' });
  });

  it('count accepted and rejected reports in Prometheus text', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier: 'att', services: ['voice'], zip: '10001' } });
    await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier: 'nope', services: ['voice'], zip: '10001' } });
    const res = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer scrape-secret' } });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/^reports_accepted_total\{source="api"\} 1$/m);
    expect(res.body).toMatch(/^reports_rejected_total\{reason="invalid"\} 1$/m);
    expect(res.body).toMatch(/^http_requests_total\{route="\/api\/v1\/reports",status="201"\} 1$/m);
  });

  it('keep /metrics behind METRICS_TOKEN', async () => {
    for (const authorization of [undefined, 'Bearer wrong', 'Bearer scrape-secre', 'scrape-secret']) {
      const res = await t.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.body).not.toMatch(/reports_accepted_total/);
    }
    const open = await startTestApp('sqlite'); // no token configured: nobody can scrape
    try {
      expect((await open.app.inject({ url: '/metrics', headers: { authorization: 'Bearer ' } })).statusCode).toBe(401);
    } finally {
      await open.destroy();
    }
  });

  it('publish OpenAPI 3.1 with the report schema, and readable docs', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/reports', '/api/v1/reports/{id}', '/api/v1/incidents', '/api/v1/incidents/{id}']));
    const body = doc.paths['/api/v1/reports'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['carrier', 'services', 'zip']);
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('set security headers on every response', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('answer unknown routes with problem+json 404', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
