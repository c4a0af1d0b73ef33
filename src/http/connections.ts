// Limits on every connection, so slow or idle clients cannot hold the server's sockets: the whole
// request must arrive in REQUEST_TIMEOUT_MS (a trickled body gets 408 and the socket closes),
// headers in HEADERS_TIMEOUT_MS, idle keep-alive sockets close after KEEPALIVE_TIMEOUT_MS, and
// past MAX_CONNECTIONS open sockets a new one is answered 503 and closed — kept below the
// process's file-descriptor limit, so the store, log and worker files always have descriptors.
import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionLimits } from '../config.js';

/** Descriptors kept for everything that is not a client socket (database, files, threads, the 503 itself). */
const FD_RESERVE = 256;
const DEFAULT_MAX_CONNECTIONS = 10_000;
/** Node checks request and header deadlines this often (its default, 30 s, lets a slow body live 40 s). */
const CHECK_INTERVAL_MS = 1_000;

const REFUSAL_BODY = JSON.stringify({ type: 'https://outage-desk.dev/problems/overloaded', title: 'Service unavailable', status: 503, detail: 'Too many open connections; retry shortly.', retryAfter: 5 });
const REFUSAL = 'HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nConnection: close\r\nContent-Type: application/problem+json\r\n' +
  `Content-Length: ${Buffer.byteLength(REFUSAL_BODY)}\r\n\r\n${REFUSAL_BODY}`;

/** The soft limit on open files (Linux /proc), or undefined where it cannot be read. */
export function openFileLimit(limitsFile = '/proc/self/limits'): number | undefined {
  try {
    const line = fs.readFileSync(limitsFile, 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    const n = Number(soft);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** The connection cap: the configured one, never above what the descriptor limit allows. */
export function connectionCap(configured: number, fdLimit = openFileLimit()): number {
  const wanted = configured > 0 ? configured : DEFAULT_MAX_CONNECTIONS;
  if (fdLimit === undefined) return wanted;
  return Math.max(16, Math.min(wanted, fdLimit - FD_RESERVE));
}

export interface ConnectionStats {
  open: number;
  refused: number;
  acceptErrors: number;
  cap: number;
}

/**
 * Creates the HTTP server Fastify listens with (its `serverFactory`): Node's own deadlines,
 * plus a gate in front of Node's connection handler that refuses sockets past the cap.
 */
export function limitedServer(limits: ConnectionLimits, stats: ConnectionStats, handler: http.RequestListener): http.Server {
  const server = http.createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: CHECK_INTERVAL_MS,
    },
    handler,
  );
  server.timeout = limits.socketIdleTimeoutMs;
  // Node's own handler parses HTTP on every socket it is given; only admitted sockets reach it.
  const nodeHandlers = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    if (stats.open >= stats.cap) {
      stats.refused++;
      socket.on('error', () => {});
      socket.end(REFUSAL);
      // A client that never reads must not keep the refused socket open either.
      setTimeout(() => socket.destroy(), 1_000).unref();
      return;
    }
    stats.open++;
    socket.once('close', () => stats.open--);
    for (const h of nodeHandlers) h.call(server, socket);
  });
  // Running out of descriptors anyway (other files) is a moment to wait out, not a crash.
  // (Errors while listening are Fastify's to report: it listens for them itself.)
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.syscall === 'accept') stats.acceptErrors++;
  });
  return server;
}
