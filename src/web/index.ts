// The server-rendered web pages: the public report form and its confirmation, staff sign-in
// and a minimal desk. Register with buildApp(ctx, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage }).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../audit/index.js';
import { identify, SESSION_COOKIE } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { hasContact, mayReadContact, presentReport } from '../http/report-presenter.js';
import { submitReport } from '../http/submission.js';
import { RateLimiter } from '../intake/rate-limit.js';
import { validateReport } from '../intake/validate.js';
import { checkLogin, endSession, SESSION_TTL_MS, startSession } from '../staff/index.js';
import { getIncident, listIncidents } from '../incidents/index.js';
import { incidentPage } from './incident-page.js';
import { listReports, normalizeReference } from '../store/index.js';
import { Assets } from './assets.js';
import { DESK_INCIDENTS, DESK_PAGE_SIZE, deskPage } from './desk-page.js';
import { formPage } from './pages/form-page.js';
import { loginPage } from './pages/login-page.js';
import { notFoundPage } from './pages/not-found-page.js';
import { receivedPage, REFERENCE } from './pages/received-page.js';
import { EMPTY_FORM, formErrors, readForm, toReportBody } from './report-form.js';
import { htmlNotFound } from './not-found.js';
import { sendPage } from './view/send-page.js';

/** Sign-in attempts per client IP per minute, as for the API's POST /api/v1/session. */
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

let shared: Assets | undefined;
/** The pages' static files, read once: the routes and the not-found page share them. */
const webAssets = (): Assets => (shared ??= new Assets());

/** For buildApp's `notFoundPage`: browsers get an HTML 404 with a link to the form. */
export const webNotFoundPage = htmlNotFound(webAssets);

export async function webRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const assets = webAssets();
  assets.register(app);
  const hide = { schema: { hide: true } };

  app.get('/', hide, (req, reply) => sendPage(req, reply, 200, formPage(assets, { form: EMPTY_FORM })));

  app.post('/', hide, async (req, reply) => {
    const form = readForm(req.body);
    const now = ctx.clock();
    const { body, errors: formOwn } = toReportBody(form, now);
    if (formOwn.length > 0) {
      // Show every problem at once: the rest of the answers are checked as the API would.
      const rest = validateReport(body, { receivedAt: now });
      const errors = formErrors(formOwn, rest.ok ? [] : rest.errors);
      return sendPage(req, reply, 400, formPage(assets, { form, errors }));
    }
    const outcome = await submitReport(ctx, body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '', source: 'web' }, now);
    switch (outcome.kind) {
      case 'accepted':
        return reply.redirect(`/received/${outcome.accepted.reference}`, 303);
      case 'invalid':
        return sendPage(req, reply, 400, formPage(assets, { form, errors: formErrors([], outcome.errors) }));
      case 'rate-limited':
      case 'overloaded': {
        reply.header('Retry-After', String(outcome.retryAfterSeconds));
        const notice = outcome.kind === 'rate-limited'
          ? { heading: 'Please wait a moment', text: `We received several reports from this connection in a short time. Your answers are still here: wait ${waitText(outcome.retryAfterSeconds)} and send again.` }
          : { heading: 'We are very busy', text: 'Many people are reporting right now. Your answers are still here: send again in a few seconds.' };
        return sendPage(req, reply, 429, formPage(assets, { form, notice }));
      }
      case 'idempotency-mismatch':
        // The form sends no Idempotency-Key (a key from the page would let a client skip the rate limit).
        throw new Error('idempotency mismatch without an idempotency key');
    }
  });

  app.get<{ Params: { reference: string } }>('/received/:reference', hide, (req, reply) => {
    const ref = req.params.reference;
    if (!REFERENCE.test(ref)) return sendPage(req, reply, 404, notFoundPage(assets));
    return sendPage(req, reply, 200, receivedPage(assets, ref));
  });

  const attempts = new RateLimiter(LOGIN_ATTEMPTS_PER_MINUTE);
  app.get('/login', hide, (req, reply) => sendPage(req, reply, 200, loginPage(assets, { email: '' })));

  app.post('/login', hide, async (req, reply) => {
    const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const email = typeof b.email === 'string' ? b.email.trim().slice(0, 254) : '';
    const password = typeof b.password === 'string' ? b.password.slice(0, 200) : '';
    const rate = attempts.take(req.ip, Date.now());
    if (!rate.allowed) {
      reply.header('Retry-After', String(rate.retryAfterSeconds));
      return sendPage(req, reply, 429, loginPage(assets, { email, problem: { field: 'password', message: 'Too many sign-in attempts. Wait a minute and try again.' } }));
    }
    const user = email && password ? await checkLogin(ctx.store.db, email, password) : undefined;
    if (!user) return sendPage(req, reply, 401, loginPage(assets, { email, problem: { field: 'password', message: 'The email or password is wrong.' } }));
    const session = await startSession(ctx.store.db, user.id);
    await recordAudit(ctx.store, { actor: user.email, action: 'session.start', target: user.id });
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path: '/', maxAge: SESSION_TTL_MS / 1000 });
    return reply.redirect('/desk', 303);
  });

  app.post('/logout', hide, async (req, reply) => {
    const session = req.cookies[SESSION_COOKIE];
    if (session) await endSession(ctx.store.db, session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login', 303);
  });

  app.get<{ Params: { id: string } }>('/desk/incidents/:id', hide, (req, reply) => incidentRoute(ctx, assets, req, reply));

  app.get('/desk', hide, async (req: FastifyRequest, reply: FastifyReply) => {
    const user = await identify(ctx, req);
    if (!user) return reply.redirect('/login', 303);
    const typed = (req.query as { reference?: unknown }).reference;
    const search = typeof typed === 'string' && typed.trim() !== '' ? { typed: typed.trim().slice(0, 60), reference: normalizeReference(typed) } : undefined;
    const rows = search && !search.reference ? [] : await listReports(ctx.store.db, { limit: DESK_PAGE_SIZE, reference: search?.reference });
    if (mayReadContact(user.role) && rows.some(hasContact)) {
      await recordAudit(ctx.store, { actor: user.email, action: 'reports.list-contact', target: 'reports', detail: { count: rows.length } });
    }
    const incidents = await listIncidents(ctx.store.db, { limit: DESK_INCIDENTS });
    return sendPage(req, reply, 200, deskPage(assets, user, { reports: rows.map((r) => presentReport(r, user.role)), search }, incidents));
  });
}

async function incidentRoute(ctx: AppContext, assets: Assets, req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply): Promise<FastifyReply> {
  const user = await identify(ctx, req);
  if (!user) return reply.redirect('/login', 303);
  const incident = req.params.id.length <= 100 ? await getIncident(ctx.store.db, req.params.id) : undefined;
  if (!incident) return sendPage(req, reply, 404, notFoundPage(assets, 'There is no incident with that id.'));
  return sendPage(req, reply, 200, incidentPage(assets, user, incident));
}

function waitText(seconds: number): string {
  return seconds <= 60 ? 'a minute' : `${Math.ceil(seconds / 60)} minutes`;
}
