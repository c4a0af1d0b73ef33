// Browser sign-in: email + password -> an HttpOnly, SameSite session cookie.
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/index.js';
import { RateLimiter } from '../../intake/rate-limit.js';
import { checkLogin, endSession, SESSION_TTL_MS, startSession } from '../../staff/index.js';
import { requireStaff, SESSION_COOKIE } from '../auth.js';
import type { AppContext } from '../context.js';
import { problem, sendProblem } from '../problem.js';

/** Login attempts per client IP per minute: slows password guessing without locking anyone out. */
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

export async function sessionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const attempts = new RateLimiter(LOGIN_ATTEMPTS_PER_MINUTE);
  app.post<{ Body: { email: string; password: string } }>('/api/v1/session', {
    schema: {
      tags: ['staff'],
      summary: 'Sign in (sets a session cookie)',
      body: { type: 'object', required: ['email', 'password'], additionalProperties: false, properties: { email: { type: 'string', maxLength: 254 }, password: { type: 'string', maxLength: 200 } } },
    },
  }, async (req, reply) => {
    const rate = attempts.take(req.ip, Date.now());
    if (!rate.allowed) {
      reply.header('Retry-After', String(rate.retryAfterSeconds));
      return sendProblem(reply, problem(429, 'login-rate-limited', 'Too many sign-in attempts; wait a minute.'));
    }
    const user = await checkLogin(ctx.store.db, req.body.email, req.body.password);
    if (!user) return sendProblem(reply, problem(401, 'bad-credentials', 'Email or password is wrong.'));
    const session = await startSession(ctx.store.db, user.id);
    await recordAudit(ctx.store, { actor: user.email, action: 'session.start', target: user.id });
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path: '/', maxAge: SESSION_TTL_MS / 1000 });
    return { email: user.email, role: user.role };
  });

  app.delete('/api/v1/session', { schema: { tags: ['staff'], summary: 'Sign out' } }, async (req, reply) => {
    const session = req.cookies[SESSION_COOKIE];
    if (session) await endSession(ctx.store.db, session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/me', { preHandler: requireStaff(ctx), schema: { tags: ['staff'], summary: 'Who am I' } }, async (req) => ({
    email: req.staff!.email,
    role: req.staff!.role,
  }));
}
