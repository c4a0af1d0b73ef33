// Browser-facing protections. A change made with the session cookie (and signing in itself,
// against login CSRF) must come from our own pages: the browser says where a request comes from
// (Sec-Fetch-Site, or Origin), and a cross-site one is refused with 403. Scripts with a bearer
// token are not browsers riding a cookie, and clients that send neither header are not browsers.
// Over TLS (directly, or behind TRUST_PROXY saying X-Forwarded-Proto: https) every answer
// carries HSTS, and the session cookie is Secure (routes/session.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problem } from '../problems/index.js';
import { SESSION_COOKIE } from './auth.js';
import { HSTS } from './hot-cache.js';
import { sendProblem } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in routes carry no cookie yet, but a forged sign-in would put the victim in our account. */
const SIGN_IN_PATHS = new Set(['/login', '/api/v1/session']);

function rideCookie(req: FastifyRequest): boolean {
  if (SAFE_METHODS.has(req.method) || req.headers.authorization?.startsWith('Bearer ')) return false;
  return Boolean(req.cookies?.[SESSION_COOKIE]) || SIGN_IN_PATHS.has(req.url.split('?')[0]!);
}

/** Where the browser says the request comes from: ours, another site, or not a browser. */
export function requestSite(req: FastifyRequest): 'ours' | 'cross-site' | 'unknown' {
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite === 'same-origin' || fetchSite === 'none' ? 'ours' : 'cross-site';
  const origin = req.headers.origin;
  if (typeof origin === 'string') return origin === `${req.protocol}://${req.host}` ? 'ours' : 'cross-site';
  return 'unknown';
}

export function installBrowserSecurity(app: FastifyInstance): void {
  app.addHook('preHandler', (req, reply, done) => {
    if (rideCookie(req) && requestSite(req) === 'cross-site') {
      void sendProblem(reply, problem('cross-site-request', 'A signed-in change must come from this site\'s own pages.'));
      return;
    }
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
    done(null, payload);
  });
}
