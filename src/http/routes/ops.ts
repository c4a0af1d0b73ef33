// Liveness, readiness, Prometheus metrics and the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';

export async function opsRoutes(app: FastifyInstance, ctx: AppContext, isClosing: () => boolean): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (isClosing()) return reply.code(503).send({ status: 'shutting-down' });
    try {
      await sql`select 1`.execute(ctx.store.db);
      return { status: 'ready', store: ctx.store.dialect };
    } catch {
      return reply.code(503).send({ status: 'store-unreachable' });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => reply.type('text/plain; version=0.0.4').send(ctx.metrics.render()));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
