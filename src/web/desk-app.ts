// The staff desk: a single-page app built by Vite into dist/desk (see desk/). Every desk URL
// answers the same index.html (the app routes on the client, so deep links and reloads work);
// the app itself decides about sign-in from GET /api/v1/me. Its hashed files are cached for a
// year. The page is under the strict CSP below: the build emits no inline script or style.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../http/context.js';
import { Assets } from './assets.js';

/** dist/desk seen from src/web (tests, tsx) and from dist/web (the built server) alike. */
const DESK_DIR = fileURLToPath(new URL('../../dist/desk/', import.meta.url));

export const DESK_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export async function deskAppRoutes(app: FastifyInstance, _ctx: AppContext, dir = DESK_DIR): Promise<void> {
  const hide = { schema: { hide: true } };
  const indexFile = `${dir}index.html`;
  if (!fs.existsSync(indexFile)) {
    // A checkout that was never built: say how to fix it rather than failing every other route.
    app.log.warn({ indexFile }, 'desk app not built: run npm run build:desk');
    const notBuilt = (_req: unknown, reply: FastifyReply) =>
      reply.code(503).type('text/plain; charset=utf-8').header('Cache-Control', 'no-store').send('The staff desk is not built: run npm run build:desk.');
    app.get('/desk', hide, notBuilt);
    app.get('/desk/*', hide, notBuilt);
    return;
  }
  const index = fs.readFileSync(indexFile);
  const sendIndex = (_req: unknown, reply: FastifyReply) =>
    reply
      .code(200)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', DESK_CONTENT_SECURITY_POLICY)
      .header('Cache-Control', 'no-store')
      .send(index);
  new Assets(`${dir}assets`, { prefix: '/desk/assets', hashedNames: true }).register(app);
  app.get('/desk', hide, sendIndex);
  // Deep links (/desk/incidents/:id, /desk/account, …); /desk/assets/* is the more specific route.
  app.get('/desk/*', hide, sendIndex);
}
