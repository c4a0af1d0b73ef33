// Slow and idle clients cannot hold the server's sockets: trickled bodies and headers time out,
// idle keep-alive sockets close, and past the connection cap a new socket is answered 503.
// Real sockets on loopback, with deadlines shortened through the environment.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionCap, openFileLimit } from '../../src/http/connections.js';
import { startTestApp, type TestApp } from '../support/app.js';

const REPORT = JSON.stringify({ carrier: 'att', services: ['voice'], zip: '10001' });

interface Probe {
  socket: net.Socket;
  /** Everything the server sent, once it closed the socket. */
  closed: Promise<{ data: string; afterMs: number }>;
}

function open(port: number, first: string): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    let data = '';
    const socket = net.connect(port, '127.0.0.1');
    const closed = new Promise<{ data: string; afterMs: number }>((done) => socket.on('close', () => done({ data, afterMs: Date.now() - t0 })));
    socket.on('data', (c) => (data += c.toString()));
    socket.on('error', () => {});
    socket.once('connect', () => {
      socket.write(first);
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

const slowBody = (port: number) => open(port, `POST /api/v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{`);

async function postReport(port: number): Promise<{ status: number; ms: number }> {
  const t0 = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: REPORT });
  await res.text();
  return { status: res.status, ms: Date.now() - t0 };
}

describe('connection limits', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { REQUEST_TIMEOUT_MS: '1500', HEADERS_TIMEOUT_MS: '1000', KEEPALIVE_TIMEOUT_MS: '500', MAX_CONNECTIONS: '300', METRICS_TOKEN: 'm' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
    expect((await postReport(port)).status).toBe(201); // warm: the writer thread has started
  });
  afterAll(async () => t.destroy());

  it('a trickled body is answered 408 and closed within the request deadline', async () => {
    const p = await slowBody(port);
    const drip = setInterval(() => p.socket.write(' '), 200);
    const { data, afterMs } = await p.closed;
    clearInterval(drip);
    expect(data).toMatch(/^HTTP\/1.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(1400);
    expect(afterMs).toBeLessThan(4000);
  });

  it('trickled headers are cut off at the header deadline', async () => {
    const p = await open(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => p.socket.write('X-Slow: 1\r\n'), 200);
    const { data, afterMs } = await p.closed;
    clearInterval(drip);
    expect(data).toMatch(/^HTTP\/1.1 408/);
    expect(afterMs).toBeLessThan(3500);
  });

  it('an idle keep-alive connection is closed', async () => {
    const p = await open(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const { data, afterMs } = await p.closed;
    expect(data).toMatch(/^HTTP\/1.1 200/);
    expect(data).toMatch(/Keep-Alive: timeout=0?\.?5?/i);
    expect(afterMs).toBeLessThan(3000);
  });

  it('with 200 bodies trickling, a normal report is still answered 201 at once, and the slow sockets all close', async () => {
    const slow = await Promise.all(Array.from({ length: 200 }, () => slowBody(port)));
    const drip = setInterval(() => slow.forEach((p) => p.socket.destroyed || p.socket.write(' ')), 300);
    try {
      const r = await postReport(port);
      expect(r.status).toBe(201);
      expect(r.ms).toBeLessThan(500);
      const closed = await Promise.all(slow.map((p) => p.closed));
      expect(closed.every((c) => c.data.startsWith('HTTP/1.1 408'))).toBe(true);
    } finally {
      clearInterval(drip);
    }
  });

  it('past the connection cap a new socket is answered 503 with Retry-After, and service resumes when sockets free up', async () => {
    const held = await Promise.all(Array.from({ length: 300 }, () => open(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n')));
    const refused = await open(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const { data } = await refused.closed;
    expect(data).toMatch(/^HTTP\/1.1 503/);
    expect(data).toMatch(/Retry-After: 5/);
    expect(data).toMatch(/"overloaded"|problems\/overloaded/);
    held.forEach((p) => p.socket.destroy());
    await Promise.all(held.map((p) => p.closed));
    expect((await postReport(port)).status).toBe(201);
    const metrics = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer m' } });
    expect(metrics.body).toMatch(/^http_refused_connections_total [1-9]/m);
  });
});

describe('connection cap', () => {
  it('stays below the file-descriptor limit', () => {
    expect(connectionCap(0, 1024)).toBe(768);
    expect(connectionCap(50_000, 20_000)).toBe(19_744);
    expect(connectionCap(500, 20_000)).toBe(500);
    expect(connectionCap(0, undefined)).toBe(10_000);
  });

  it('reads the soft open-files limit of this process', () => {
    expect(openFileLimit()).toBeGreaterThan(0);
  });
});
