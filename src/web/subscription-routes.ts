// The public's e-mail subscription: POST /status/subscribe (the status page's form), the
// confirmation link, and the one-click unsubscribe (RFC 8058: POST /status/unsubscribe?token=…
// works with no session and no Origin, as mail clients send it; GET shows a button). The
// address is never logged: the routes' bodies are not logged, and failures name the row id.
import type { FastifyInstance } from 'fastify';
import { enqueueConfirmation } from '../alerts/public-mail.js';
import { withWriteLock } from '../alerts/write-lock.js';
import { addSubscriber, confirmSubscriber, forgetUnconfirmed, unsubscribe } from '../alerts/public-subscribers.js';
import type { AppContext } from '../http/context.js';
import { subscribeLimits } from '../http/subscribe-limits.js';
import { publicNetworks } from '../status/index.js';
import { allZips } from '../reference/index.js';
import type { Assets } from './assets.js';
import { CATALOGUES, messagesFor, messagesOf } from './i18n/index.js';
import { subscriptionMessagePage, unsubscribePage } from './pages/subscription-page.js';
import { sendPage } from './view/send-page.js';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}$/;
let states: Set<string> | undefined;
const knownStates = (): Set<string> => (states ??= new Set([...allZips()].map((z) => z.stateAbbr)));

export async function subscriptionRoutes(app: FastifyInstance, ctx: AppContext, assets: Assets): Promise<void> {
  // Sign-ups are kept only when e-mail can be sent (SMTP_URL).
  const mailing = ctx.config.alerts.smtpUrl !== '';
  const office = ctx.config.office;
  const hide = { schema: { hide: true } };
  const overLimit = subscribeLimits(app, ctx);

  app.post('/status/subscribe', hide, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    // The form carries the page's language; the subscriber's e-mails will be in it.
    const m = CATALOGUES.some((c) => c.lang === b.lang) ? messagesFor(String(b.lang)) : messagesOf(req);
    const email = typeof b.email === 'string' ? b.email.trim() : '';
    const state = typeof b.state === 'string' ? b.state.trim().toUpperCase() : '';
    const network = publicNetworks().find((n) => n.network === b.network);
    if (!EMAIL.test(email) || !network || !knownStates().has(state)) return sendPage(req, reply, 400, subscriptionMessagePage(assets, m, office, m.alerts.invalid, 'error'));
    const wait = await overLimit(req);
    if (wait !== undefined) {
      reply.header('Retry-After', String(wait));
      return sendPage(req, reply, 429, subscriptionMessagePage(assets, m, office, m.alerts.tooMany(Math.ceil(wait / 60)), 'error'));
    }
    await forgetUnconfirmed(ctx.store.db);
    // The sign-up and its confirmation e-mail are stored together; the alerts worker sends the
    // e-mail (retrying a failing SMTP server with backoff). Without SMTP nothing is kept.
    if (mailing) {
      await withWriteLock(ctx.store, async (db) => {
        const id = await addSubscriber(db, ctx.linkSecret, { email, network: network.network, state, lang: m.lang });
        if (id) await enqueueConfirmation(db, id);
      });
    }
    // The same answer whether or not the address was already subscribed: the page tells no one who is.
    return sendPage(req, reply, 200, subscriptionMessagePage(assets, m, office, m.alerts.checkInbox, 'success'));
  });

  app.get<{ Querystring: { token?: string } }>('/status/subscribe/confirm', hide, async (req, reply) => {
    const m = messagesOf(req);
    const ok = typeof req.query.token === 'string' && (await confirmSubscriber(ctx.store.db, req.query.token));
    return sendPage(req, reply, ok ? 200 : 404, subscriptionMessagePage(assets, m, office, ok ? m.alerts.confirmed : m.alerts.badLink, ok ? 'success' : 'error'));
  });

  app.get<{ Querystring: { token?: string } }>('/status/unsubscribe', hide, async (req, reply) =>
    sendPage(req, reply, 200, unsubscribePage(assets, messagesOf(req), office, String(req.query.token ?? ''))),
  );

  // One click: whatever the body (RFC 8058 sends List-Unsubscribe=One-Click), the token decides.
  app.post<{ Querystring: { token?: string } }>('/status/unsubscribe', hide, async (req, reply) => {
    const m = messagesOf(req);
    const token = String(req.query.token ?? '').slice(0, 200);
    await unsubscribe(ctx.store.db, ctx.linkSecret, token);
    // Unknown and already-used tokens get the same answer: unsubscribing twice is no error.
    return sendPage(req, reply, 200, subscriptionMessagePage(assets, m, office, m.alerts.unsubscribed, 'success'));
  });
}
