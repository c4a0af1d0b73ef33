// Partner alert subscriptions (admins): create (the webhook secret is returned once), list,
// pause/resume, delete, the delivery log, replay of a failed delivery. Every change is audited.
import {
  deleteSubscription, findDelivery, findSubscription, insertSubscription, listDeliveries, listSubscriptions, replayDelivery, setSubscriptionStatus,
  type NewSubscription, type SubscriptionStatus,
} from '../alerts/index.js';
import { recordAudit } from '../audit/index.js';
import { authorize } from '../policy/index.js';
import { presentAlertDelivery, presentAlertSubscription, type AlertDeliveryView, type AlertSubscriptionView } from '../presenters/index.js';
import { fail, failInvalid } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import type { CommandContext } from './context.js';

export async function listAlertSubscriptions(cx: CommandContext, actor: Actor): Promise<AlertSubscriptionView[]> {
  authorize(actor, 'alert.list');
  return (await listSubscriptions(cx.store.db)).map(presentAlertSubscription);
}

export async function createAlertSubscription(cx: CommandContext, actor: Actor, input: NewSubscription): Promise<AlertSubscriptionView & { secret: string | null }> {
  authorize(actor, 'alert.manage');
  if (input.channel === 'webhook' && !input.url) failInvalid('url', 'a webhook subscription needs a url');
  if (input.channel === 'email' && !input.email) failInvalid('email', 'an e-mail subscription needs an email');
  const { subscription, secret } = await insertSubscription(cx.store.db, input);
  await recordAudit(cx.store, {
    actor: actor.email, action: 'alert.create', target: subscription.id,
    detail: { name: subscription.name, channel: subscription.channel, url: subscription.url, networks: subscription.networks, states: subscription.states, minSeverity: subscription.minSeverity },
  });
  return { ...presentAlertSubscription(subscription), secret };
}

export async function setAlertSubscriptionStatus(cx: CommandContext, actor: Actor, id: string, status: SubscriptionStatus): Promise<AlertSubscriptionView> {
  authorize(actor, 'alert.manage');
  if (!(await setSubscriptionStatus(cx.store.db, id, status, status === 'paused' ? `paused by ${actor.email}` : null))) fail('subscription-not-found', `There is no alert subscription ${id}.`);
  await recordAudit(cx.store, { actor: actor.email, action: status === 'paused' ? 'alert.pause' : 'alert.resume', target: id });
  return presentAlertSubscription((await findSubscription(cx.store.db, id))!);
}

export async function deleteAlertSubscription(cx: CommandContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'alert.manage');
  if (!(await deleteSubscription(cx.store.db, id))) fail('subscription-not-found', `There is no alert subscription ${id}.`);
  await recordAudit(cx.store, { actor: actor.email, action: 'alert.delete', target: id });
}

export async function listAlertDeliveries(cx: CommandContext, actor: Actor, subscriptionId: string): Promise<AlertDeliveryView[]> {
  authorize(actor, 'alert.list');
  if (!(await findSubscription(cx.store.db, subscriptionId))) fail('subscription-not-found', `There is no alert subscription ${subscriptionId}.`);
  return (await listDeliveries(cx.store.db, subscriptionId)).map(presentAlertDelivery);
}

export async function replayAlertDelivery(cx: CommandContext, actor: Actor, deliveryId: string): Promise<void> {
  authorize(actor, 'alert.manage');
  const d = await findDelivery(cx.store.db, deliveryId);
  if (!d) fail('delivery-not-found', `There is no alert delivery ${deliveryId}.`);
  if (!(await replayDelivery(cx.store.db, deliveryId))) fail('delivery-not-failed', `Delivery ${deliveryId} is ${d!.status}; only a failed one can be replayed.`);
  await recordAudit(cx.store, { actor: actor.email, action: 'alert.replay', target: deliveryId, detail: { subscriptionId: d!.subscriptionId, event: d!.event, incidentId: d!.incidentId } });
}
