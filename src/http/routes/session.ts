// Sign-in (cookie), sign-out, and the signed-in member's own account.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeOwnPassword, readMe, signIn, signOut, signOutEverywhere, type SignedIn } from '../../commands/index.js';
import { actorOf, requireActor, SESSION_COOKIE } from '../auth.js';
import type { AppContext } from '../context.js';
import { changePasswordSchema, meSchema, signInSchema, signOutEverywhereSchema, signOutSchema } from './accounts.schema.js';

/** Sets the session cookie of a sign-in (the form and the API share it). */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, s: SignedIn): void {
  // Secure whenever the browser reached us over TLS, also through a TRUST_PROXY proxy (X-Forwarded-Proto).
  reply.setCookie(SESSION_COOKIE, s.sessionId, { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path: '/', maxAge: s.maxAgeSeconds });
  reply.header('Cache-Control', 'no-store');
}

export async function endBrowserSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const session = req.cookies[SESSION_COOKIE];
  if (session) await signOut(ctx, session);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export async function sessionRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/v1/session', { schema: signInSchema }, async (req, reply) => {
    const s = await signIn(ctx, { ...req.body, countAttempt: () => app.checkSignIn(req) });
    setSessionCookie(req, reply, s);
    return { user: s.user };
  });

  app.delete('/api/v1/session', { schema: signOutSchema }, async (req, reply) => {
    await endBrowserSession(ctx, req, reply);
    return reply.code(204).send(null);
  });

  app.delete('/api/v1/me/sessions', { preHandler: requireActor(ctx), schema: signOutEverywhereSchema }, async (req, reply) => {
    const r = await signOutEverywhere(ctx, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return r;
  });

  app.get('/api/v1/me', { preHandler: requireActor(ctx), schema: meSchema }, async (req) => readMe(ctx, actorOf(req)));

  app.post('/api/v1/me/password', { preHandler: requireActor(ctx), schema: changePasswordSchema }, async (req, reply) => {
    await changeOwnPassword(ctx, actorOf(req), req.body);
    return reply.code(204).send(null);
  });
}
