// A real HTTP receiver on 127.0.0.1 for webhook tests: it records every request (headers and
// raw body) and answers with the next status of its script (the last one repeats).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses to answer, in order; the last repeats. */
  script: number[];
  close(): Promise<void>;
}

export async function startReceiver(script: number[] = [200]): Promise<Receiver> {
  const received: Received[] = [];
  const r: Partial<Receiver> = { received, script };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const n = received.push({ headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const s = r.script!;
      res.writeHead(s[Math.min(n - 1, s.length - 1)]!).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return r as Receiver;
}
