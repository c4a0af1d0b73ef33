// Incidents found by detection (or, later, declared by staff). Read from the store, so any
// process can serve them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { listIncidents, readIncidentCase } from '../../commands/index.js';
import { ImpactTallies } from '../../dossier/index.js';
import { actorOf, requireActor } from '../auth.js';
import type { AppContext } from '../context.js';
import { dossierRoutes } from './dossier.js';
import { CaseSchema, ImpactSchema } from './dossier.schema.js';
import { getIncidentSchema, IncidentDetail, IncidentItem, listIncidentsSchema } from './incidents.schema.js';

export async function incidentRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(IncidentItem);
  app.addSchema(ImpactSchema);
  app.addSchema(CaseSchema);
  app.addSchema(IncidentDetail);
  // One tally cache for the detail and the dossier routes (a national incident has ~1 M reports).
  const tallies = new ImpactTallies(ctx.store, ctx.config.jurisdiction);

  app.get('/api/v1/incidents', { preHandler: requireActor(ctx), schema: listIncidentsSchema }, async (req) => {
    const { since, until, ...q } = req.query;
    return listIncidents(ctx, actorOf(req), { ...q, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined });
  });

  app.get('/api/v1/incidents/:id', { preHandler: requireActor(ctx), schema: getIncidentSchema }, async (req) => readIncidentCase(ctx, actorOf(req), req.params.id, tallies, ctx.clock()));
  await dossierRoutes(app, ctx, { tallies });
}
