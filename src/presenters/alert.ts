// Alert subscriptions and deliveries as they leave the API (admins only): never the webhook
// secret (returned once by the create command, beside this view).
import type { Attempt } from '../alerts/deliveries.js';
import type { Delivery } from '../alerts/outbox.js';
import type { Subscription } from '../alerts/subscriptions.js';

export interface AlertSubscriptionView {
  id: string;
  name: string;
  channel: 'webhook' | 'email';
  url: string | null;
  email: string | null;
  lang: string;
  networks: string[];
  states: string[];
  minSeverity: string;
  status: 'active' | 'paused';
  pausedReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
  updatedAt: string;
}

export interface AlertDeliveryView {
  id: string;
  subscriptionId: string;
  incidentId: string;
  event: string;
  incidentVersion: number;
  status: string;
  attempts: number;
  nextAt: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  deliveredAt: string | null;
  log: Array<{ at: string; statusCode: number | null; error: string | null; durationMs: number }>;
}

export const presentAlertSubscription = (s: Subscription): AlertSubscriptionView => ({
  id: s.id,
  name: s.name,
  channel: s.channel,
  url: s.url,
  email: s.email,
  lang: s.lang,
  networks: [...s.networks],
  states: [...s.states],
  minSeverity: s.minSeverity,
  status: s.status,
  pausedReason: s.pausedReason,
  consecutiveFailures: s.consecutiveFailures,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const presentAlertDelivery = (d: Delivery & { log: Attempt[] }): AlertDeliveryView => ({
  id: d.id,
  subscriptionId: d.subscriptionId,
  incidentId: d.incidentId,
  event: d.event,
  incidentVersion: d.incidentVersion,
  status: d.status,
  attempts: d.attempts,
  nextAt: d.status === 'pending' ? d.nextAt.toISOString() : null,
  lastStatusCode: d.lastStatusCode,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  log: d.log.map((a) => ({ at: a.at.toISOString(), statusCode: a.statusCode, error: a.error, durationMs: a.durationMs })),
});
