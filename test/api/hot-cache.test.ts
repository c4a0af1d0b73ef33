// The hot cache (src/http/hot-cache.ts): a crowd's second identical request to the status JSON
// or page is answered before Fastify, with the same status, headers and bytes as the first; a
// stale answer is rebuilt by one request while the others still get the previous bytes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HotCache } from '../../src/http/hot-cache.js';
import { webNotFoundPage, webRoutes } from '../../src/web/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

interface Answer { status: number; headers: Record<string, string>; body: Buffer }

function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = { ...res.headers } as Record<string, string>;
        delete h.date;
        resolve({ status: res.statusCode!, headers: h, body: Buffer.concat(chunks) });
      });
    }).on('error', reject);
  });
}

const hotCount = (t: TestApp, route: string): number => {
  const line = t.ctx.metrics.render().split('\n').find((l) => l.startsWith('http_hot_answers_total') && l.includes(`route="${route}"`));
  return line ? Number(line.split(' ').pop()) : 0;
};

describe('hot cache of the public status', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite', {}, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => t?.destroy());

  const cases: Array<[string, Record<string, string>]> = [
    ['/api/v1/status', { 'accept-encoding': 'gzip' }],
    ['/api/v1/status', {}],
    ['/status', { 'accept-encoding': 'gzip' }],
    ['/status', { 'accept-language': 'es' }],
    ['/status?lang=es', { 'accept-encoding': 'gzip, br' }],
  ];
  it.each(cases)('%s %j: the second answer is the first one, sent before Fastify', async (path, headers) => {
    const route = path.split('?')[0]!;
    const first = await get(base + path, headers);
    const before = hotCount(t, route);
    const second = await get(base + path, headers);
    expect(hotCount(t, route)).toBe(before + 1);
    expect(second.status).toBe(200);
    expect(second.headers).toEqual(first.headers);
    expect(second.body.equals(first.body)).toBe(true);
  });

  it('answers a conditional request through Fastify (304), and an English visitor not in Spanish', async () => {
    const es = await get(`${base}/status`, { 'accept-language': 'es' });
    const en = await get(`${base}/status`, { 'accept-language': 'en-US' });
    expect(en.body.toString()).toContain('<html lang="en"');
    expect(es.body.toString()).toContain('<html lang="es"');
    await get(`${base}/api/v1/status`);
    const first = await get(`${base}/api/v1/status`);
    const before = hotCount(t, '/api/v1/status');
    const revalidated = await get(`${base}/api/v1/status`, { 'if-none-match': first.headers.etag! });
    expect(revalidated.status).toBe(304);
    expect(hotCount(t, '/api/v1/status')).toBe(before);
  });
});

describe('a stale hot answer', () => {
  it('is rebuilt by one request while the others get the previous bytes', async () => {
    const hot = new HotCache(false);
    let current = 1;
    let slowPath = 0;
    const keep = (v: number) =>
      hot.keep({ raw: { url: '/x', headers: {}, socket: {} } } as unknown as FastifyRequest, { headers: { 'Content-Type': 'text/plain' }, body: Buffer.from(`v${v}`), gzipped: undefined, fresh: () => v === current }, false);
    // The slow path (Fastify, in the app) is still rebuilding: it answers without keeping anything.
    const server = http.createServer((req, res) => {
      if (hot.serve(req, res)) return;
      slowPath++;
      res.end('rebuilding');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    const text = async () => (await get(url)).body.toString();
    try {
      keep(1);
      expect(await text()).toBe('v1');
      expect(slowPath).toBe(0);
      current = 2; // the status moved on: v1 is stale
      expect(await text()).toBe('rebuilding'); // one request goes to rebuild it…
      expect(await text()).toBe('v1'); // …the others still get the previous bytes
      expect(await text()).toBe('v1');
      expect(slowPath).toBe(1);
      keep(2);
      expect(await text()).toBe('v2');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
