// The page shell every public and staff page shares, and the one way a page is sent:
// strict Content-Security-Policy (own origin only: no inline script or style), no caching of
// pages that may hold someone's answers, and gzip when the browser takes it.
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../staff/index.js';
import type { Assets } from './assets.js';
import { html, type Html, type HtmlValue } from './html.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export interface PageParts {
  title: string;
  main: HtmlValue;
  /** Shown in the header's right corner (staff pages: who is signed in, sign out). */
  headerExtra?: HtmlValue;
  /** Staff pages watched during an event reload themselves (no script needed). */
  refreshSeconds?: number;
  /** Staff tables use the width of a desk screen; public pages keep a reading width. */
  wide?: boolean;
}

export function layout(assets: Assets, p: PageParts): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} – Outage Desk</title>${p.refreshSeconds && html`
<meta http-equiv="refresh" content="${p.refreshSeconds}">`}
<link rel="stylesheet" href="${assets.url('outage-desk.css')}">
<script src="${assets.url('outage-desk.js')}" defer></script>
</head>
<body>
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<header class="od-header"><div class="od-container${p.wide ? ' od-container--wide' : ''} od-header__inner">
<a class="od-header__title" href="/">Outage Desk</a>${p.headerExtra}
</div></header>
<main id="main-content" class="od-container${p.wide ? ' od-container--wide' : ''}">
${p.main}
</main>
</body>
</html>
`;
}

const GZIP_FROM_BYTES = 1024;

export function sendPage(req: FastifyRequest, reply: FastifyReply, status: number, page: Html): FastifyReply {
  reply
    .code(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('Cache-Control', 'no-store')
    .header('Vary', 'Accept-Encoding');
  const body = Buffer.from(page.text, 'utf8');
  if (body.length >= GZIP_FROM_BYTES && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    return reply.header('Content-Encoding', 'gzip').send(gzipSync(body));
  }
  return reply.send(body);
}

/** Staff pages' header corner: who is signed in, and the way out. */
export function signOutForm(user: Actor): Html {
  return html`<form class="od-header__session" method="post" action="/logout">
<span>${user.email} (${user.role})</span> <button class="usa-button usa-button--unstyled od-header__signout" type="submit">Sign out</button></form>`;
}
