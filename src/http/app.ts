// Builds the HTTP application from its parts. No I/O happens here beyond registering routes,
// so tests build it in-process and drive it with inject() or a real socket.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAdmission } from './admission.js';
import { installBrowserSecurity } from './browser-security.js';
import { connectionCap, limitedServer, type ConnectionStats } from './connections.js';
import type { AppContext } from './context.js';
import { installLoginLimits } from './login-limits.js';
import { loggerOptions } from './logging.js';
import { installTextGuard } from './text-guard.js';
import { createHotCache, SECURITY_HEADERS } from './hot-cache.js';
import { realInstants } from './instants.js';
import { installErrorHandling, type NotFoundPage } from './errors.js';
import { attributionRoutes } from './routes/attribution.js';
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


export interface AppParts {
  /** Extra route groups (web pages, the desk app, …) registered after the core API. */
  extraRoutes?: Array<(app: FastifyInstance, ctx: AppContext) => Promise<void>>;
  logger?: boolean;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: NodeJS.WritableStream;
  /** The web pages' answer to an unknown path a browser asks for (the API keeps problem+json). */
  notFoundPage?: NotFoundPage;
}

export async function buildApp(ctx: AppContext, parts: AppParts = {}): Promise<FastifyInstance> {
  const connections: ConnectionStats = { open: 0, refused: 0, acceptErrors: 0, cap: connectionCap(ctx.config.connections.maxConnections) };
  ctx.metrics.gauge('http_open_connections', 'Client connections open now', () => connections.open);
  ctx.metrics.gauge('http_refused_connections_total', 'Connections answered 503 at the connection cap', () => connections.refused);
  const httpCount = ctx.metrics.counter('http_requests_total', 'HTTP requests by route and status');
  const hotAnswers = ctx.metrics.counter('http_hot_answers_total', 'Public answers sent from the hot cache, before routing (also in http_requests_total)');
  const hot = createHotCache(ctx, ctx.config.trustProxy, (route, status) => {
    httpCount({ route, status: String(status) });
    hotAnswers({ route });
  });
  const app = Fastify({
    // Prebuilt public answers go out before Fastify (hot-cache.ts); everything else is Fastify's.
    serverFactory: (handler) => limitedServer(ctx.config.connections, connections, (req, res) => hot.serve(req, res) || handler(req, res)),
    logger: parts.logger === false ? false : loggerOptions(ctx.config.logLevel, parts.logStream),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, allErrors: true }, onCreate: realInstants },
    return503OnClosing: true,
    // The validators that pick a union's branch (every nullable field) are compiled when the
    // routes are, not by the first answer that needs them (100-160 ms on a route's first call).
    serializerOpts: { compileValidators: true },
  });
  let closing = false;
  // From the moment close begins, Fastify answers (503 while closing), not the hot cache.
  app.addHook('preClose', (done) => {
    hot.close();
    done();
  });
  app.addHook('onClose', async () => {
    closing = true;
  });
  installErrorHandling(app, { notFoundPage: parts.notFoundPage });
  installTextGuard(app);
  app.addSchema(ProblemSchema);
  // Every-request hooks in callback style: an async hook costs a promise per request on the
  // intake path, which is measured in microseconds.
  app.addHook('onSend', (_req, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    httpCount({ route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
    done();
  });
  await installAdmission(app, ctx);
  await app.register(cookie);
  installBrowserSecurity(app);
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
  await installLoginLimits(app, ctx);
  await opsRoutes(app, ctx, () => closing);
  await reportRoutes(app, ctx);
  await sessionRoutes(app, ctx);
  await incidentRoutes(app, ctx);
  await staffRoutes(app, ctx);
  await incidentCountyRoutes(app, ctx);
  await eventRoutes(app, ctx);
  await attributionRoutes(app, ctx);
  await statusRoutes(app, ctx);
  await alertRoutes(app, ctx);
  for (const routes of parts.extraRoutes ?? []) await routes(app, ctx);
  return app;
}
