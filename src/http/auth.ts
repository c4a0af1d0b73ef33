// Who is calling: a bearer API token (scripts) or a session cookie (the browser desk).
// Routes declare the roles they allow; the check runs on the server for every staff route.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { userBySession, userByToken, type Role, type StaffUser } from '../staff/index.js';
import type { AppContext } from './context.js';
import { problem, sendProblem } from './problem.js';

export const SESSION_COOKIE = 'od_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
  }
}

export async function identify(ctx: AppContext, req: FastifyRequest): Promise<StaffUser | undefined> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return userByToken(ctx.store.db, header.slice(7).trim());
  const session = req.cookies?.[SESSION_COOKIE];
  if (session) return userBySession(ctx.store.db, session);
  return undefined;
}

/** A preHandler that lets through only signed-in staff with one of `roles`. */
export function requireStaff(ctx: AppContext, roles: readonly Role[] = ['admin', 'investigator', 'analyst']) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const user = await identify(ctx, req);
    if (!user) {
      reply.header('WWW-Authenticate', 'Bearer');
      await sendProblem(reply, problem(401, 'unauthenticated', 'Sign in or send Authorization: Bearer <token>.'));
      return;
    }
    if (!roles.includes(user.role)) {
      await sendProblem(reply, problem(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}.`));
      return;
    }
    req.staff = user;
  };
}
