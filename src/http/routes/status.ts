// GET /api/v1/status and /api/v1/status/:zip — the public status as JSON, for anyone. Served
// from the status cache as its precomputed JSON, with an ETag for conditional requests.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../../problems/index.js';
import type { Cached } from '../../status/service.js';
import type { AppContext } from '../context.js';
import { statusServiceOf } from '../status-service.js';
import { PublicIncident, PublicStatus, statusSchema, ZipCheck, zipStatusSchema } from './status.schema.js';
import { NEVER_SHED } from '../admission.js';
import { hotCacheOf } from '../hot-cache.js';

/** Shared caches may keep an answer as long as the server does; then they must ask again. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=25';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Answers from the cache: 304 when the client holds the same version. */
export function sendCached(req: FastifyRequest, reply: FastifyReply, c: Cached<unknown>): FastifyReply {
  reply.header('ETag', c.etag).header('Cache-Control', PUBLIC_CACHE_CONTROL).header('Vary', 'Accept-Encoding');
  const match = req.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === c.etag)) return reply.code(304).send();
  reply.type(JSON_TYPE);
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('Content-Encoding', 'gzip').send(c.gzipped);
  return reply.send(c.bytes);
}

export async function statusRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(PublicIncident);
  app.addSchema(PublicStatus);
  app.addSchema(ZipCheck);
  const status = statusServiceOf(ctx);

  const hot = hotCacheOf(ctx);
  app.get('/api/v1/status', { schema: statusSchema, config: NEVER_SHED }, async (req, reply) => {
    const c = await status.status();
    // The crowd's next identical requests are answered from these bytes (hot-cache.ts).
    hot?.keep(req, {
      headers: { ETag: c.etag, 'Cache-Control': PUBLIC_CACHE_CONTROL, Vary: 'Accept-Encoding', 'Content-Type': JSON_TYPE },
      body: c.bytes, gzipped: c.gzipped, fresh: () => status.isCurrentStatus(c),
    }, false);
    return sendCached(req, reply, c);
  });

  app.get('/api/v1/status/:zip', { schema: zipStatusSchema, config: NEVER_SHED }, async (req, reply) => {
    const check = await status.zip(req.params.zip, req.query.carrier);
    if (!check) return fail('zip-unknown', `${req.params.zip} is not a ZIP code we know`);
    return sendCached(req, reply, check);
  });
}
