// GET /api/v1/incidents/:id/counties: the incident's reports per county, for the desk's map.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { incidentCounties } from '../../commands/index.js';
import { IncidentCountyCounts } from '../../incidents/county-counts.js';
import { actorOf, requireActor } from '../auth.js';
import type { AppContext } from '../context.js';
import { IdParams, problems, STAFF_PROBLEMS } from '../schemas.js';
import { IncidentCountiesSchema } from './incidents.schema.js';

const countiesSchema = {
  tags: ['incidents'],
  summary: "Reports of the incident's network from its onset to its end (or now), per county",
  params: IdParams,
  response: { 200: IncidentCountiesSchema, ...problems(...STAFF_PROBLEMS, 404) },
};

export async function incidentCountyRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const counts = new IncidentCountyCounts(ctx.store);
  app.get('/api/v1/incidents/:id/counties', { preHandler: requireActor(ctx), schema: countiesSchema }, async (req) =>
    incidentCounties(ctx, actorOf(req), req.params.id, counts, ctx.clock()));
}
