// Partner alert subscriptions: thin callers of the commands. The route group also owns this
// process's AlertWorker: it watches incident changes (as the live events do) and sends due
// deliveries; it starts at boot when a subscription exists, or with the first one.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AlertWorker, listSubscriptions, type EmailSender, type PublicMailSender } from '../../alerts/index.js';
import { createMailer, mailConfirmation, mailPartnerAlert, mailPublicAlert, type Mailer } from '../../alerts/mail.js';
import { confirmToken, countConfirmedSubscribers, findSubscriber, unsubscribeToken } from '../../alerts/public-subscribers.js';
import { publicNetworks } from '../../status/index.js';
import {
  createAlertSubscription, deleteAlertSubscription, listAlertDeliveries, listAlertSubscriptions, replayAlertDelivery, setAlertSubscriptionStatus,
} from '../../commands/index.js';
import { IncidentChanges } from '../../incidents/changes.js';
import { PgListener } from '../../store/pg-listen.js';
import { actorOf, requireActor } from '../auth.js';
import type { AppContext } from '../context.js';
import {
  AlertDeliveryView, AlertSubscriptionView, createSubscriptionSchema, deleteSubscriptionSchema, listDeliveriesSchema, listSubscriptionsSchema, replayDeliverySchema,
  updateSubscriptionSchema,
} from './alerts.schema.js';

export async function alertRoutes(root: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(AlertSubscriptionView);
  app.addSchema(AlertDeliveryView);
  const worker = alertWorker(root, ctx, createMailer(ctx.config.alerts));
  const staff = { preHandler: requireActor(ctx) };

  app.get('/api/v1/alerts/subscriptions', { ...staff, schema: listSubscriptionsSchema }, async (req) => ({
    items: await listAlertSubscriptions(ctx, actorOf(req)),
    publicSubscribers: await countConfirmedSubscribers(ctx.store.db),
  }));

  app.post('/api/v1/alerts/subscriptions', { ...staff, schema: createSubscriptionSchema }, async (req, reply) => {
    const b = req.body;
    const created = await createAlertSubscription(ctx, actorOf(req), { ...b, networks: b.networks ?? [], states: b.states ?? [], minSeverity: b.minSeverity ?? 'minor' });
    await worker.start();
    return reply.code(201).send(created);
  });

  app.patch('/api/v1/alerts/subscriptions/:id', { ...staff, schema: updateSubscriptionSchema }, async (req) => {
    const view = await setAlertSubscriptionStatus(ctx, actorOf(req), req.params.id, req.body.status);
    worker.kick();
    return view;
  });

  app.delete('/api/v1/alerts/subscriptions/:id', { ...staff, schema: deleteSubscriptionSchema }, async (req, reply) => {
    await deleteAlertSubscription(ctx, actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/alerts/subscriptions/:id/deliveries', { ...staff, schema: listDeliveriesSchema }, async (req) => ({ items: await listAlertDeliveries(ctx, actorOf(req), req.params.id) }));

  app.post('/api/v1/alerts/deliveries/:id/replay', { ...staff, schema: replayDeliverySchema }, async (req, reply) => {
    await replayAlertDelivery(ctx, actorOf(req), req.params.id);
    worker.kick();
    return reply.code(202).send({ id: req.params.id, status: 'pending' as const });
  });
}

function alertWorker(app: FastifyInstance, ctx: AppContext, mailer: Mailer | undefined): AlertWorker {
  const url = ctx.config.databaseUrl;
  const onError = (err: unknown) => app.log.error({ err }, 'alerts failed');
  const wake = url
    ? (poll: () => void) => {
        const listener = new PgListener(url, 'od_incidents', poll, (err) => app.log.warn({ err }, 'alerts LISTEN lost; polling meanwhile'));
        void listener.start();
        return () => void listener.stop();
      }
    : undefined;
  const changes = new IncidentChanges(ctx.store.db, { onError, wake });
  const a = ctx.config.alerts;
  const email: EmailSender | undefined = mailer && ((to, lang, d) => mailPartnerAlert(mailer, to, lang, d.payload));
  const settings = { baseMs: a.retryBaseMs, maxDelayMs: a.retryMaxMs, maxAttempts: a.maxAttempts, pauseAfter: a.pauseAfter, pollMs: a.pollMs, minCount: ctx.config.publicMinCount };
  const worker = new AlertWorker(ctx.store, changes, settings, onError, email, mailer && publicMailSender(ctx, mailer));
  // With SMTP configured the public may subscribe at any time: watch from the start.
  app.addHook('onReady', async () => {
    if (mailer || (await listSubscriptions(ctx.store.db)).length > 0) await worker.start();
  });
  app.addHook('preClose', async () => worker.stop());
  return worker;
}

/** Sends one of the public's e-mails from the outbox: the address is read, the link tokens derived, now. */
function publicMailSender(ctx: AppContext, mailer: Mailer): PublicMailSender {
  return async (mail) => {
    const s = await findSubscriber(ctx.store.db, mail.subscriberId);
    if (!s) return undefined;
    if (mail.event === 'confirm') {
      const network = publicNetworks().find((n) => n.network === s.network)?.name ?? s.network;
      return mailConfirmation(mailer, s.email, s.lang, network, s.state, confirmToken(ctx.linkSecret, s.id));
    }
    return mailPublicAlert(mailer, s.email, s.lang, mail.payload!, unsubscribeToken(ctx.linkSecret, s.id));
  };
}
