// Incidents found by detection (or, later, declared by staff). Read from the store, so any
// process can serve them.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { listIncidents, readIncidentCase } from '../../commands/index.js';
import { ImpactTallies } from '../../dossier/index.js';
import { getIncident } from '../../incidents/index.js';
import { CLI_ACTOR } from '../../staff/index.js';
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
  // Before serving: the newest incidents' stored tallies into memory and one impact computed (its
  // code and the time-zone data it formats with loaded), so the first investigator does not wait.
  app.addHook('onReady', async () => {
    const newest = await listIncidents(ctx, CLI_ACTOR, { limit: 20, offset: 0 });
    const stored = await Promise.all(newest.items.filter((i) => i.resolvedAt).map((i) => getIncident(ctx.store.db, i.id)));
    const loaded = await tallies.preload(stored.filter((i) => i !== undefined), ctx.clock());
    if (loaded[0]) await readIncidentCase(ctx, CLI_ACTOR, loaded[0], tallies, ctx.clock());
  });

  app.get('/api/v1/incidents', { preHandler: requireActor(ctx), schema: listIncidentsSchema }, async (req) => {
    const { since, until, ...q } = req.query;
    return listIncidents(ctx, actorOf(req), { ...q, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined });
  });

  app.get('/api/v1/incidents/:id', { preHandler: requireActor(ctx), schema: getIncidentSchema }, async (req) => readIncidentCase(ctx, actorOf(req), req.params.id, tallies, ctx.clock()));
  await dossierRoutes(app, ctx, { tallies });
}
