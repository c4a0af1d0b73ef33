// Incidents found by detection (or, later, declared by staff): list and detail with the
// observed-vs-expected series and the evidence. Read from the store, so any process can serve them.
import type { FastifyInstance } from 'fastify';
import { getIncident, KIND_FILTERS, listIncidents, STATUS_FILTERS, toSummary } from '../../incidents/index.js';
import { requireStaff } from '../auth.js';
import type { AppContext } from '../context.js';
import { problem, sendProblem } from '../problem.js';

interface ListQuery {
  status?: string;
  network?: string;
  kind?: string;
  since?: string;
  until?: string;
  limit: number;
  offset: number;
}

const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: STATUS_FILTERS, description: '`open` = suspected or confirmed' },
    network: { type: 'string', maxLength: 40 },
    kind: { type: 'string', enum: KIND_FILTERS },
    since: { type: 'string', format: 'date-time', description: 'Incidents still active at or after this time' },
    until: { type: 'string', format: 'date-time', description: 'Incidents that began before this time' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;

export async function incidentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: ListQuery }>('/api/v1/incidents', {
    preHandler: requireStaff(ctx),
    schema: { tags: ['incidents'], summary: 'List incidents, newest onset first', querystring: listQuerySchema },
  }, async (req) => {
    const q = req.query;
    const items = await listIncidents(ctx.store.db, {
      ...q,
      since: q.since ? new Date(q.since) : undefined,
      until: q.until ? new Date(q.until) : undefined,
      limit: q.limit + 1,
    });
    const more = items.length > q.limit;
    // Items are the contract's summary (as `outage-desk incidents --json`); the detail adds series and evidence.
    return { items: items.slice(0, q.limit).map(toSummary), nextOffset: more ? q.offset + q.limit : null };
  });

  app.get<{ Params: { id: string } }>('/api/v1/incidents/:id', {
    preHandler: requireStaff(ctx),
    schema: { tags: ['incidents'], summary: 'One incident with its observed vs. expected series and evidence', params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } } } },
  }, async (req, reply) => {
    const incident = await getIncident(ctx.store.db, req.params.id);
    if (!incident) return sendProblem(reply, problem(404, 'incident-not-found', `No incident ${req.params.id}`));
    return incident;
  });
}
