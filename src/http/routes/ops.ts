// Liveness, readiness, Prometheus metrics and the OpenAPI document.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { NEVER_SHED } from '../admission.js';
import type { AppContext } from '../context.js';
import { problem, sendProblem } from '../problem.js';

/** Compares hashes, so the time taken says nothing about how much of the token was right. */
function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

export async function opsRoutes(app: FastifyInstance, ctx: AppContext, isClosing: () => boolean): Promise<void> {
  app.get('/healthz', { schema: { hide: true }, config: NEVER_SHED }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true }, config: NEVER_SHED }, async (_req, reply) => {
    if (isClosing()) return reply.code(503).send({ status: 'shutting-down' });
    try {
      await sql`select 1`.execute(ctx.store.db);
      return { status: 'ready', store: ctx.store.dialect };
    } catch {
      return reply.code(503).send({ status: 'store-unreachable' });
    }
  });

  // Exact counts are for the operator, not the public (public numbers obey PUBLIC_MIN_COUNT):
  // without METRICS_TOKEN set, nobody can scrape.
  app.get('/metrics', { schema: { hide: true }, config: NEVER_SHED }, async (req, reply) => {
    if (!bearerMatches(req.headers.authorization, ctx.config.metricsToken)) {
      reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return sendProblem(reply, problem('unauthenticated', 'Send Authorization: Bearer <METRICS_TOKEN>.'));
    }
    return reply.type('text/plain; version=0.0.4').header('Cache-Control', 'no-store').send(ctx.metrics.render());
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: NEVER_SHED }, async () => app.swagger());
}
