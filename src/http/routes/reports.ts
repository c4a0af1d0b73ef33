// Report routes: public intake (POST) and staff reads (GET).
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/index.js';
import { reportAcceptedSchema, reportBodySchema } from '../../intake/schema.js';
import { getReport, listReports, normalizeReference } from '../../store/index.js';
import { requireStaff } from '../auth.js';
import type { AppContext } from '../context.js';
import { invalid, problem, sendProblem } from '../problem.js';
import { hasContact, mayReadContact, presentReport } from '../report-presenter.js';
import { submitReport } from '../submission.js';
import { decodeCursor, encodeCursor, listQuerySchema, type ListQuery } from './report-list-query.js';

export const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
} as const;

export async function reportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post('/api/v1/reports', {
    // Validation runs in submitReport (shared with the web form) so that structural and domain
    // errors come back together and the body is never coerced; the schema here documents it.
    validatorCompiler: () => () => true,
    schema: {
      tags: ['reports'],
      summary: 'File an outage report (public)',
      body: reportBodySchema,
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', maxLength: 200 } } },
      response: { 201: reportAcceptedSchema, 400: problemSchema, 413: problemSchema, 415: problemSchema, 429: problemSchema },
    },
  }, async (req, reply) => {
    if (!/^application\/(.+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendProblem(reply, problem(415, 'unsupported-media-type', 'Send Content-Type: application/json.'));
    }
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key.length > 0 ? key.slice(0, 200) : undefined;
    const outcome = await submitReport(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '', source: 'api', idempotencyKey });
    switch (outcome.kind) {
      case 'invalid':
        return sendProblem(reply, invalid(outcome.errors));
      case 'rate-limited':
      case 'overloaded':
        reply.header('Retry-After', String(outcome.retryAfterSeconds));
        return sendProblem(reply, problem(429, outcome.kind, outcome.kind === 'overloaded' ? 'The server is busy; retry shortly.' : 'Too many reports from this client; retry later.'));
      case 'idempotency-mismatch':
        return sendProblem(reply, problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different report.'));
      case 'accepted': {
        const a = outcome.accepted;
        if (!a.created) reply.header('Idempotent-Replayed', 'true');
        reply.header('Location', `/api/v1/reports/${a.id}`);
        return reply.code(201).send({ id: a.id, receivedAt: a.receivedAt.toISOString(), reference: a.reference });
      }
    }
  });

  app.get<{ Params: { id: string } }>('/api/v1/reports/:id', {
    preHandler: requireStaff(ctx),
    schema: { tags: ['reports'], summary: 'Read one report (staff)', params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } },
  }, async (req, reply) => {
    const row = await getReport(ctx.store.db, req.params.id);
    if (!row) return sendProblem(reply, problem(404, 'report-not-found', `No report ${req.params.id}`));
    const staff = req.staff!;
    if (hasContact(row) && mayReadContact(staff.role)) {
      await recordAudit(ctx.store, { actor: staff.email, action: 'report.read-contact', target: row.id });
    }
    return presentReport(row, staff.role);
  });

  app.get<{ Querystring: ListQuery }>('/api/v1/reports', {
    preHandler: requireStaff(ctx),
    schema: { tags: ['reports'], summary: 'List reports, newest first (staff)', querystring: listQuerySchema },
  }, async (req, reply) => {
    const q = req.query;
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (q.cursor && !after) return sendProblem(reply, invalid([{ path: 'querystring.cursor', message: 'is not a cursor this API issued' }]));
    const reference = q.reference === undefined ? undefined : normalizeReference(q.reference);
    if (q.reference !== undefined && !reference) return sendProblem(reply, invalid([{ path: 'querystring.reference', message: 'is not a report reference (OD-XXXX-XXXX-XXXX)' }]));
    const rows = await listReports(ctx.store.db, {
      ...q,
      reference,
      since: q.since ? new Date(q.since) : undefined,
      until: q.until ? new Date(q.until) : undefined,
      after,
      limit: q.limit,
    });
    const staff = req.staff!;
    if (mayReadContact(staff.role) && rows.some(hasContact)) {
      await recordAudit(ctx.store, { actor: staff.email, action: 'reports.list-contact', target: 'reports', detail: { count: rows.length } });
    }
    const last = rows.at(-1);
    return { items: rows.map((r) => presentReport(r, staff.role)), nextCursor: rows.length === q.limit && last ? encodeCursor(last) : null };
  });
}
