// Who is calling: a bearer API token (scripts) or the session cookie (the browser desk). Staff
// routes only establish the actor here; what the actor may do is the command's policy check.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorFromSession, actorFromToken } from '../commands/index.js';
import { problem } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import type { AppContext } from './context.js';
import { sendProblem } from './problem.js';

export const SESSION_COOKIE = 'od_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export async function identify(ctx: AppContext, req: FastifyRequest): Promise<Actor | undefined> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return actorFromToken(ctx, header.slice(7).trim());
  const session = req.cookies?.[SESSION_COOKIE];
  if (session) return actorFromSession(ctx, session);
  return undefined;
}

/** A preHandler that lets through only signed-in staff (`401` otherwise); sets `req.actor`. */
export function requireActor(ctx: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const actor = await identify(ctx, req);
    if (!actor) {
      reply.header('WWW-Authenticate', 'Bearer');
      await sendProblem(reply, problem('unauthenticated', 'Sign in or send Authorization: Bearer <token>.'));
      return;
    }
    req.actor = actor;
    // Staff answers hold what only this person may see: no cache (browser or proxy) keeps them.
    reply.header('Cache-Control', 'no-store');
  };
}

/** The actor a staff route's preHandler established. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error('staff route without requireActor');
  return req.actor;
}
