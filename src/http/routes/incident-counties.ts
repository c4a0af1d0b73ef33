// GET /api/v1/incidents/:id/counties: the incident's reports per county, for the desk's map.
import type { FastifyInstance } from 'fastify';
import { IncidentCountyCounts } from '../../incidents/county-counts.js';
import { getIncident } from '../../incidents/index.js';
import { requireStaff } from '../auth.js';
import type { AppContext } from '../context.js';
import { problem, sendProblem } from '../problem.js';
import { problemSchema } from './reports.js';

const countiesSchema = {
  type: 'object',
  required: ['incidentId', 'total', 'items'],
  properties: {
    incidentId: { type: 'string' },
    total: { type: 'integer', description: 'Reports counted (those with a known county)' },
    items: {
      type: 'array',
      description: 'Counties with at least one report, most reports first',
      items: {
        type: 'object',
        required: ['county', 'count'],
        properties: { county: { type: 'string', description: '5-digit county FIPS' }, count: { type: 'integer' } },
      },
    },
  },
} as const;

export async function incidentCountyRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const counts = new IncidentCountyCounts(ctx.store);
  app.get<{ Params: { id: string } }>('/api/v1/incidents/:id/counties', {
    preHandler: requireStaff(ctx),
    schema: {
      tags: ['incidents'],
      summary: "Reports of the incident's network from its onset to its end (or now), per county",
      params: { type: 'object', properties: { id: { type: 'string', maxLength: 100 } } },
      response: { 200: countiesSchema, 404: problemSchema },
    },
  }, async (req, reply) => {
    const incident = await getIncident(ctx.store.db, req.params.id);
    if (!incident) return sendProblem(reply, problem(404, 'incident-not-found', `No incident ${req.params.id}`));
    return counts.of(incident, ctx.clock());
  });
}
