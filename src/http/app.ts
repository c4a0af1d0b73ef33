// Builds the HTTP application from its parts. No I/O happens here beyond registering routes,
// so tests build it in-process and drive it with inject() or a real socket.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';
import { installErrorHandling, type NotFoundPage } from './errors.js';
import { alertRoutes } from './routes/alerts.js';
import { eventRoutes } from './routes/events.js';
import { incidentCountyRoutes } from './routes/incident-counties.js';
import { incidentRoutes } from './routes/incidents.js';
import { opsRoutes } from './routes/ops.js';
import { reportRoutes } from './routes/reports.js';
import { sessionRoutes } from './routes/session.js';
import { staffRoutes } from './routes/staff.js';
import { statusRoutes } from './routes/status.js';
import { ProblemSchema } from './schemas.js';

const BODY_LIMIT_BYTES = 16 * 1024;

const SECURITY_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' } as const;

export interface AppParts {
  /** Extra route groups (web pages, the desk app, …) registered after the core API. */
  extraRoutes?: Array<(app: FastifyInstance, ctx: AppContext) => Promise<void>>;
  logger?: boolean;
  /** The web pages' answer to an unknown path a browser asks for (the API keeps problem+json). */
  notFoundPage?: NotFoundPage;
}

export async function buildApp(ctx: AppContext, parts: AppParts = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: parts.logger === false ? false : { level: ctx.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
    return503OnClosing: true,
  });
  let closing = false;
  app.addHook('onClose', async () => {
    closing = true;
  });
  installErrorHandling(app, { notFoundPage: parts.notFoundPage });
  app.addSchema(ProblemSchema);
  // Every-request hooks in callback style: an async hook costs a promise per request on the
  // intake path, which is measured in microseconds.
  app.addHook('onSend', (_req, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });
  const httpCount = ctx.metrics.counter('http_requests_total', 'HTTP requests by route and status');
  app.addHook('onResponse', (req, reply, done) => {
    httpCount({ route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
    done();
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Outage Desk API', version: '1', description: 'Telecom outage intake, detection and investigation.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'od_session' } } },
    },
    // Shared schemas keep their names in the document (components/schemas/Report, …).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await opsRoutes(app, ctx, () => closing);
  await reportRoutes(app, ctx);
  await sessionRoutes(app, ctx);
  await incidentRoutes(app, ctx);
  await staffRoutes(app, ctx);
  await incidentCountyRoutes(app, ctx);
  await eventRoutes(app, ctx);
  await statusRoutes(app, ctx);
  await alertRoutes(app, ctx);
  for (const routes of parts.extraRoutes ?? []) await routes(app, ctx);
  return app;
}
