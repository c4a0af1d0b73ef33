// API tokens (own), staff administration and the audit trail: thin callers of the commands.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { addStaff, createOwnToken, listAudit, listOwnTokens, listStaff, revokeOwnToken, updateStaff } from '../../commands/index.js';
import { actorOf, requireActor } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  addUserSchema, createTokenSchema, listAuditSchema, listTokensSchema, listUsersSchema, revokeTokenSchema, TokenView, updateUserSchema, UserView,
} from './accounts.schema.js';

export async function staffRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(UserView);
  app.addSchema(TokenView);
  const staff = { preHandler: requireActor(ctx) };

  app.get('/api/v1/tokens', { ...staff, schema: listTokensSchema }, async (req) => ({ items: await listOwnTokens(ctx, actorOf(req)) }));

  app.post('/api/v1/tokens', { ...staff, schema: createTokenSchema }, async (req, reply) => reply.code(201).send(await createOwnToken(ctx, actorOf(req), req.body)));

  app.delete('/api/v1/tokens/:id', { ...staff, schema: revokeTokenSchema }, async (req, reply) => {
    await revokeOwnToken(ctx, actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/users', { ...staff, schema: listUsersSchema }, async (req) => ({ items: await listStaff(ctx, actorOf(req)) }));

  app.post('/api/v1/users', { ...staff, schema: addUserSchema }, async (req, reply) => reply.code(201).send(await addStaff(ctx, actorOf(req), req.body)));

  app.patch('/api/v1/users/:id', { ...staff, schema: updateUserSchema }, async (req) => updateStaff(ctx, actorOf(req), req.params.id, req.body));

  app.get('/api/v1/audit', { ...staff, schema: listAuditSchema }, async (req) => {
    const { since, until, ...q } = req.query;
    return listAudit(ctx, actorOf(req), { ...q, since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined });
  });
}
