// Statements and claims of responsibility on an incident: thin callers of the commands.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  attachClaim, attachStatement, createClaim, createStatement, editClaim, editStatement, listClaims, listStatements, readAttribution,
} from '../../commands/index.js';
import { actorOf, requireActor } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  Assessment, attachClaimSchema, attachStatementSchema, attributionSchema, ClaimView, createClaimSchema, createStatementSchema, editClaimSchema,
  editStatementSchema, listClaimsSchema, listStatementsSchema, StatementView,
} from './attribution.schema.js';

export async function attributionRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(StatementView);
  app.addSchema(Assessment);
  app.addSchema(ClaimView);
  const staff = { preHandler: requireActor(ctx) };
  const base = '/api/v1/incidents/:id';

  app.get(`${base}/statements`, { ...staff, schema: listStatementsSchema }, async (req) => listStatements(ctx, actorOf(req), req.params.id));
  app.post(`${base}/statements`, { ...staff, schema: createStatementSchema }, async (req, reply) =>
    reply.code(201).send(await createStatement(ctx, actorOf(req), req.params.id, req.body)));
  app.patch(`${base}/statements/:itemId`, { ...staff, schema: editStatementSchema }, async (req) => editStatement(ctx, actorOf(req), req.params.id, req.params.itemId, req.body));
  app.put(`${base}/statements/:itemId`, { ...staff, schema: attachStatementSchema }, async (req) => attachStatement(ctx, actorOf(req), req.params.id, req.params.itemId));

  app.get(`${base}/claims`, { ...staff, schema: listClaimsSchema }, async (req) => listClaims(ctx, actorOf(req), req.params.id));
  app.post(`${base}/claims`, { ...staff, schema: createClaimSchema }, async (req, reply) =>
    reply.code(201).send(await createClaim(ctx, actorOf(req), req.params.id, req.body)));
  app.patch(`${base}/claims/:itemId`, { ...staff, schema: editClaimSchema }, async (req) => editClaim(ctx, actorOf(req), req.params.id, req.params.itemId, req.body));
  app.put(`${base}/claims/:itemId`, { ...staff, schema: attachClaimSchema }, async (req) => attachClaim(ctx, actorOf(req), req.params.id, req.params.itemId));

  app.get(`${base}/attribution`, { ...staff, schema: attributionSchema }, async (req) => readAttribution(ctx, actorOf(req), req.params.id));
}
