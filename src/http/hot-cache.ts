// Prebuilt answers to the public's cacheable GETs (the status JSON, the status page), sent from
// the HTTP server's request listener before Fastify sees the request. Under a crowd every
// visitor asks for the same bytes; routing, the every-request hooks (admission, cookies, text
// guard, browser security), header negotiation and request logging do nothing for them but
// take the event loop from the reports being filed. A route that answers through Fastify keeps
// what it sent here (per URL × Accept-Language × encoding, with its headers flattened once);
// the next identical request gets it with one writeHead and one end, while it is fresh.
// Anything else (other methods, If-None-Match, a proxy chain we would have to parse, a stale
// or unknown answer) goes through Fastify as before, which refreshes the entry.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { FastifyRequest } from 'fastify';

/** Headers every answer carries (app.ts adds them in onSend for all others). */
export const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' } as const;
/** Sent over TLS only (browser-security.ts). */
export const HSTS = 'max-age=31536000; includeSubDomains';

export interface HotAnswer {
  /** The route's own headers (content type, ETag, caching, CSP, Vary), without Content-Encoding. */
  headers: Record<string, string>;
  body: Buffer;
  /** Sent to clients that take gzip, when the body is worth compressing. */
  gzipped: Buffer | undefined;
  /** Whether the answer is still the current one (the status cache's version has not moved on). */
  fresh(): boolean;
}

interface Prebuilt {
  plain: { head: string[]; body: Buffer };
  gzip: { head: string[]; body: Buffer } | undefined;
  fresh(): boolean;
  /** When a request was last let through to Fastify to rebuild this stale answer (performance.now()). */
  refreshingSince: number | undefined;
  /** When this answer was first found stale. */
  staleSince: number | undefined;
}

/**
 * Once an answer is stale, one request goes through Fastify to rebuild it while the others still
 * get the previous bytes for up to this long (the stale-while-revalidate the answers advertise,
 * kept short here): a crowd does not queue behind the recomputation every few seconds.
 */
const REFRESH_GRACE_MS = 2_000;
/** However slow the rebuild, no answer is served stale for longer than the answers' stale-while-revalidate. */
const MAX_STALE_MS = 25_000;

/** Bounds: a crawler walking every ZIP or inventing Accept-Language values must not grow this. */
const MAX_ENTRIES = 2_000;
const GZIP = /\bgzip\b/;

const flat = (headers: Record<string, string>, https: boolean): string[] => {
  const all: Record<string, string> = { ...headers, ...SECURITY_HEADERS, ...(https ? { 'Strict-Transport-Security': HSTS } : {}) };
  return Object.entries(all).flat();
};

export class HotCache {
  readonly #entries = new Map<string, Prebuilt>();
  #open = true;

  constructor(
    private readonly trustProxy: boolean,
    /** Counts a served answer (the metrics Fastify's onResponse would have counted). */
    private readonly served: (route: string, status: number) => void = () => {},
  ) {}

  /** After this, every request goes through Fastify (which answers 503 while closing). */
  close(): void {
    this.#open = false;
    this.#entries.clear();
  }

  /** Keeps what a route just sent for `req`, for the next identical request. `byLanguage`: the page depends on Accept-Language. */
  keep(req: FastifyRequest, answer: HotAnswer, byLanguage: boolean): void {
    const https = this.#https(req.raw);
    if (https === undefined || !this.#open) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    const withLength = (body: Buffer, extra: Record<string, string>) => ({ head: flat({ ...answer.headers, ...extra, 'Content-Length': String(body.length) }, https), body });
    this.#entries.set(keyOf(req.raw, byLanguage, https), {
      plain: withLength(answer.body, {}),
      gzip: answer.gzipped ? withLength(answer.gzipped, { 'Content-Encoding': 'gzip' }) : undefined,
      fresh: answer.fresh,
      refreshingSince: undefined,
      staleSince: undefined,
    });
  }

  /** Answers `req` from the cache if it can; false: Fastify must. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.#open || (req.method !== 'GET' && req.method !== 'HEAD') || req.headers['if-none-match'] !== undefined) return false;
    const https = this.#https(req);
    if (https === undefined) return false;
    const entry = this.#entries.get(keyOf(req, true, https)) ?? this.#entries.get(keyOf(req, false, https));
    if (!entry || (!entry.fresh() && !servingStale(entry))) return false;
    const v = entry.gzip && GZIP.test(req.headers['accept-encoding'] ?? '') ? entry.gzip : entry.plain;
    res.writeHead(200, v.head);
    res.end(req.method === 'HEAD' ? undefined : v.body);
    this.served(req.url?.split('?')[0] ?? '', 200);
    return true;
  }

  /** Whether the client reached us over TLS; undefined when only Fastify's proxy parsing can tell. */
  #https(req: IncomingMessage): boolean | undefined {
    if ((req.socket as TLSSocket).encrypted) return true;
    const proto = req.headers['x-forwarded-proto'];
    if (proto === undefined || !this.trustProxy) return false;
    return proto === 'https' ? true : proto === 'http' ? false : undefined;
  }
}

/** Whether a stale entry may still be served: yes while one request is rebuilding it (that one, no). */
function servingStale(entry: Prebuilt): boolean {
  const now = performance.now();
  entry.staleSince ??= now;
  if (now - entry.staleSince > MAX_STALE_MS) return false;
  if (entry.refreshingSince !== undefined && now - entry.refreshingSince < REFRESH_GRACE_MS) return true;
  entry.refreshingSince = now;
  return false;
}

const keyOf = (req: IncomingMessage, byLanguage: boolean, https: boolean): string =>
  `${https ? 's' : ''}${req.url}${byLanguage ? `\n${req.headers['accept-language'] ?? ''}` : ''}`;

const caches = new WeakMap<object, HotCache>();

/** The app's hot cache (created by buildApp), for the routes that fill it. */
export const hotCacheOf = (ctx: object): HotCache | undefined => caches.get(ctx);

export function createHotCache(ctx: object, trustProxy: boolean, served: (route: string, status: number) => void): HotCache {
  const hot = new HotCache(trustProxy, served);
  caches.set(ctx, hot);
  return hot;
}
