// Report routes: public intake (POST) and staff reads (GET), thin callers of submission and commands.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listReports, readReport } from '../../commands/index.js';
import { problem } from '../../problems/index.js';
import { IDEMPOTENCY_KEY_MAX } from '../../intake/idempotency.js';
import { actorOf, requireActor, SESSION_COOKIE } from '../auth.js';
import type { AppContext } from '../context.js';
import { invalid, sendProblem } from '../problem.js';
import { refusedBeforeBody, submitReport } from '../submission.js';
import { pastQueueDeadline } from '../admission.js';
import { fileReportSchema, listReportsSchema, readReportSchema, ReportView } from './reports.schema.js';

export async function reportRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ReportView);

  const tooMany = (retryAfter: number) => problem('rate-limited', 'Too many reports from this client; retry later.', { retryAfter });
  app.post('/api/v1/reports', {
    config: { intake: true },
    onRequest: (req, reply, done) => {
      const refused = refusedBeforeBody(ctx, req.ip, req.headers['user-agent'] ?? '', req.headers['idempotency-key'] !== undefined);
      if (!refused) return done();
      reply.header('Retry-After', String(refused.retryAfterSeconds));
      sendProblem(reply, tooMany(refused.retryAfterSeconds));
    },
    // Validation runs in submitReport (shared with the web form) so that structural and domain
    // errors come back together and the body is never coerced; the schema here documents it.
    validatorCompiler: () => () => true,
    schema: fileReportSchema,
  }, async (req, reply) => {
    if (!/^application\/(.+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendProblem(reply, problem('unsupported-media-type', 'Send Content-Type: application/json.'));
    }
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key.length > 0 ? key : undefined;
    if (idempotencyKey && idempotencyKey.length > IDEMPOTENCY_KEY_MAX) {
      return sendProblem(reply, invalid([{ path: 'headers.idempotency-key', message: `must be at most ${IDEMPOTENCY_KEY_MAX} characters` }]));
    }
    const outcome = await submitReport(ctx, req.body, {
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? '',
      source: 'api',
      idempotencyKey,
      credential: req.headers.authorization ?? req.cookies?.[SESSION_COOKIE],
      clientGone: () => req.raw.socket?.destroyed === true, late: () => pastQueueDeadline(req, ctx.intake.expectedCommitMs),
    });
    switch (outcome.kind) {
      case 'invalid':
        return sendProblem(reply, invalid(outcome.errors));
      case 'rate-limited':
      case 'overloaded':
        reply.header('Retry-After', String(outcome.retryAfterSeconds));
        return sendProblem(reply, outcome.kind === 'overloaded' ? problem('overloaded', 'The server is busy; retry shortly.', { retryAfter: outcome.retryAfterSeconds }) : tooMany(outcome.retryAfterSeconds));
      case 'client-gone':
        reply.hijack(); // nobody is there to read an answer
        reply.raw.destroy();
        return undefined;
      case 'idempotency-mismatch':
        return sendProblem(reply, problem('idempotency-key-reused', 'This Idempotency-Key was used for a different report.'));
      case 'accepted': {
        const a = outcome.accepted;
        if (!a.created) reply.header('Idempotent-Replayed', 'true');
        reply.header('Location', `/api/v1/reports/${a.id}`);
        return reply.code(201).send({ id: a.id, receivedAt: a.receivedAt.toISOString(), reference: a.reference });
      }
    }
  });

  app.get('/api/v1/reports/:id', { preHandler: requireActor(ctx), schema: readReportSchema }, async (req) => readReport(ctx, actorOf(req), req.params.id));

  app.get('/api/v1/reports', { preHandler: requireActor(ctx), schema: listReportsSchema }, async (req) => {
    const { since, until, include, ...q } = req.query;
    return listReports(ctx, actorOf(req), {
      ...q,
      since: since ? new Date(since) : undefined,
      until: until ? new Date(until) : undefined,
      includeContact: include === 'contact',
    });
  });
}
