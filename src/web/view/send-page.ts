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
