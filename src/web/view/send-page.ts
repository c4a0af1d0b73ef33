// The one way a page is sent: strict Content-Security-Policy (own origin only: no inline script
// or style), no caching of pages that may hold someone's answers, and gzip when the browser takes it.
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderDocument } from './render.js';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const GZIP_FROM_BYTES = 1024;

/** A rendered page kept for many readers (no one's answers in it): its bytes, gzipped once. */
export interface RenderedPage {
  body: Buffer;
  gzipped: Buffer | undefined;
  etag: string;
}

export function renderPage(page: VNode, etag: string): RenderedPage {
  const body = Buffer.from(renderDocument(page), 'utf8');
  return { body, gzipped: body.length >= GZIP_FROM_BYTES ? gzipSync(body) : undefined, etag };
}

/** The headers of a shared public page (also what the hot cache sends with its bytes). */
export function renderedPageHeaders(page: RenderedPage, cacheControl: string): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding, Accept-Language',
    ETag: page.etag,
  };
}

/** A public page shared by everyone (the status page): cacheable for a few seconds, 304 on its ETag. */
export function sendRenderedPage(req: FastifyRequest, reply: FastifyReply, page: RenderedPage, cacheControl: string): FastifyReply {
  reply.headers(renderedPageHeaders(page, cacheControl));
  if (req.headers['if-none-match'] === page.etag) return reply.code(304).send();
  if (page.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('Content-Encoding', 'gzip').send(page.gzipped);
  return reply.send(page.body);
}

export function sendPage(req: FastifyRequest, reply: FastifyReply, status: number, page: VNode): FastifyReply {
  reply
    .code(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('Cache-Control', 'no-store')
    .header('Vary', 'Accept-Encoding');
  const body = Buffer.from(renderDocument(page), 'utf8');
  if (body.length >= GZIP_FROM_BYTES && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    return reply.header('Content-Encoding', 'gzip').send(gzipSync(body));
  }
  return reply.send(body);
}
