// A browser that follows a dead link gets a page with a way to the form; a script gets the
// API's problem+json 404. Passed to buildApp as `notFoundPage` (the root's one not-found handler
// lives in http/errors.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Assets } from './assets.js';
import { notFoundPage } from './pages/not-found-page.js';
import { sendPage } from './view/send-page.js';

/** The quality an Accept header gives a media type it names exactly; 0 when it does not name it. */
function quality(accept: string, types: readonly string[]): number {
  let best = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!types.includes(type)) continue;
    const q = params.find((p) => p.startsWith('q='));
    best = Math.max(best, q ? Number(q.slice(2)) || 0 : 1);
  }
  return best;
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];
const JSON_TYPES = ['application/json', 'application/problem+json'];

/** A page load asks for HTML by name; `*\/*` (curl, fetch) and anything under /api stay JSON. */
function wantsHtml(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0]!;
  if (path === '/api' || path.startsWith('/api/')) return false;
  const accept = req.headers.accept ?? '';
  return quality(accept, HTML_TYPES) > quality(accept, JSON_TYPES);
}

export function htmlNotFound(assets: () => Assets) {
  return (req: FastifyRequest, reply: FastifyReply): FastifyReply | undefined =>
    wantsHtml(req) ? sendPage(req, reply, 404, notFoundPage(assets(), 'There is no page at this address.')) : undefined;
}
