// The server-rendered web pages: the public report form and its confirmation, and staff
// sign-in (the desk itself is the single-page app of desk-app.ts).
// Register with buildApp(ctx, { extraRoutes: [webRoutes], notFoundPage: webNotFoundPage }).
import type { FastifyInstance } from 'fastify';
import { signIn } from '../commands/index.js';
import type { AppContext } from '../http/context.js';
import { endBrowserSession, setSessionCookie } from '../http/routes/session.js';
import { submitReport } from '../http/submission.js';
import { pastQueueDeadline } from '../http/admission.js';
import { validateReport } from '../intake/validate.js';
import { ProblemError } from '../problems/index.js';
import { Assets } from './assets.js';
import { htmlNotFound } from './not-found.js';
import { formPage } from './pages/form-page.js';
import { loginPage } from './pages/login-page.js';
import { notFoundPage } from './pages/not-found-page.js';
import { receivedPage, REFERENCE } from './pages/received-page.js';
import { EMPTY_FORM, formErrors, readForm, toReportBody, type ReportForm } from './report-form.js';
import { sendPage } from './view/send-page.js';
import { pathWithoutLang, statusPageRoutes } from './status-routes.js';
import { subscriptionRoutes } from './subscription-routes.js';
import { hrefIn, messagesOf } from './i18n/index.js';
import { privacyPage } from './pages/privacy-page.js';
import { findCarrier } from '../reference/index.js';
import type { FastifyRequest } from 'fastify';

let shared: Assets | undefined;
/** The pages' static files, read once: the routes and the not-found page share them. */
const webAssets = (): Assets => (shared ??= new Assets());

/** For buildApp's `notFoundPage`: browsers get an HTML 404 with a link to the form. */
export const webNotFoundPage = htmlNotFound(webAssets);

export async function webRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const assets = webAssets();
  assets.register(app);
  const hide = { schema: { hide: true } };
  // Browsers ask for /favicon.ico on pages without a <link rel="icon"> (API docs, JSON).
  app.get<{ Querystring: { v?: string } }>('/favicon.ico', hide, (req, reply) => assets.send(req, reply, 'favicon.svg'));

  await statusPageRoutes(app, ctx, assets);
  await subscriptionRoutes(app, ctx, assets);

  const page = (req: FastifyRequest) => ({ m: messagesOf(req), office: ctx.config.office, path: pathWithoutLang(req) });

  // "Report your problem" from the status page's ZIP check arrives with the ZIP and carrier filled in.
  app.get<{ Querystring: { zip?: string; carrier?: string } }>('/', hide, (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const zip = typeof q.zip === 'string' && /^\d{5}$/.test(q.zip) ? q.zip : '';
    const carrier = typeof q.carrier === 'string' && findCarrier(q.carrier) ? q.carrier : '';
    const form: ReportForm = { ...EMPTY_FORM, zip, carrier };
    return sendPage(req, reply, 200, formPage(assets, { form, ...page(req) }));
  });

  app.post('/', { ...hide, config: { intake: true } }, async (req, reply) => {
    const form = readForm(req.body);
    const now = ctx.clock();
    const p = page(req);
    const { body, errors: formOwn } = toReportBody(form, now, p.m);
    if (formOwn.length > 0) {
      // Show every problem at once: the rest of the answers are checked as the API would.
      const rest = validateReport(body, { receivedAt: now });
      const errors = formErrors(formOwn, rest.ok ? [] : rest.errors, p.m, form);
      return sendPage(req, reply, 400, formPage(assets, { form, errors, ...p }));
    }
    const outcome = await submitReport(ctx, body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '', source: 'web', clientGone: () => req.raw.socket?.destroyed === true, late: () => pastQueueDeadline(req, ctx.intake.expectedCommitMs) }, now);
    switch (outcome.kind) {
      case 'accepted':
        return reply.redirect(hrefIn(p.m, `/received/${outcome.accepted.reference}`), 303);
      case 'invalid':
        return sendPage(req, reply, 400, formPage(assets, { form, errors: formErrors([], outcome.errors, p.m, form), ...p }));
      case 'rate-limited':
      case 'overloaded': {
        reply.header('Retry-After', String(outcome.retryAfterSeconds));
        const t = p.m.form;
        const notice = outcome.kind === 'rate-limited'
          ? { heading: t.rateLimited.heading, text: t.rateLimited.text(outcome.retryAfterSeconds <= 60 ? t.waitMinute : t.waitMinutes(Math.ceil(outcome.retryAfterSeconds / 60))) }
          : { heading: t.busy.heading, text: t.busy.text };
        return sendPage(req, reply, outcome.kind === 'rate-limited' ? 429 : 503, formPage(assets, { form, notice, ...p }));
      }
      case 'client-gone':
        return reply.code(503).send(); // nobody reads it: the socket is closed
      case 'idempotency-mismatch':
        // The form sends no Idempotency-Key (a key from the page would let a client skip the rate limit).
        throw new Error('idempotency mismatch without an idempotency key');
    }
  });

  // Confirms only a reference that was stored: a made-up one is a 404, not a thank-you.
  app.get<{ Params: { reference: string } }>('/received/:reference', hide, async (req, reply) => {
    const ref = req.params.reference;
    const stored = REFERENCE.test(ref) && (await ctx.store.db.selectFrom('reports').select('id').where('reference', '=', ref).executeTakeFirst());
    if (!stored) return sendPage(req, reply, 404, notFoundPage(assets));
    return sendPage(req, reply, 200, receivedPage(assets, ref, page(req)));
  });

  app.get('/privacy', hide, (req, reply) => sendPage(req, reply, 200, privacyPage(assets, page(req))));

  app.get('/login', hide, (req, reply) => sendPage(req, reply, 200, loginPage(assets, { email: '' })));

  // The same sign-in command and limiter as POST /api/v1/session; the desk app takes over after.
  app.post('/login', hide, async (req, reply) => {
    const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const email = typeof b.email === 'string' ? b.email.trim().slice(0, 254) : '';
    const password = typeof b.password === 'string' ? b.password.slice(0, 200) : '';
    try {
      setSessionCookie(req, reply, await signIn(ctx, { email, password, countAttempt: () => app.checkSignIn(req) }));
      return reply.redirect('/desk', 303);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      const limited = err.code === 'login-rate-limited';
      if (limited) reply.header('Retry-After', String(err.problem.retryAfter));
      const message = limited ? 'Too many sign-in attempts. Wait a minute and try again.' : 'The email or password is wrong.';
      return sendPage(req, reply, err.problem.status, loginPage(assets, { email, problem: { field: 'password', message } }));
    }
  });

  app.post('/logout', hide, async (req, reply) => {
    await endBrowserSession(ctx, req, reply);
    return reply.redirect('/login', 303);
  });
}
