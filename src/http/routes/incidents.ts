// Incidents found by detection (or, later, declared by staff). Read from the store, so any
// process can serve them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { getIncident, listIncidents } from '../../commands/index.js';
import { actorOf, requireActor } from '../auth.js';
import type { AppContext } from '../context.js';
import { getIncidentSchema, IncidentDetail, IncidentItem, listIncidentsSchema } from './incidents.schema.js';

export async function incidentRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(IncidentItem);
  app.addSchema(IncidentDetail);

  app.get('/api/v1/incidents', { preHandler: requireActor(ctx), schema: listIncidentsSchema }, async (req) => {
    const { since, until, ...q } = req.query;
    return listIncidents(ctx, actorOf(req), { ...q, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined });
  });

  app.get('/api/v1/incidents/:id', { preHandler: requireActor(ctx), schema: getIncidentSchema }, async (req) => getIncident(ctx, actorOf(req), req.params.id));
}
