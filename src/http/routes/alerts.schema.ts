// Contracts of partner alert subscriptions and their deliveries (admins only).
import { Type } from 'typebox';
import { ALERT_EVENTS, SEVERITIES } from '../../alerts/index.js';
import { networks } from '../../reference/index.js';
import { IdParams, IsoTime, NoContent, NullableIsoTime, problems, STAFF_PROBLEMS } from '../schemas.js';

const NETWORKS = [...networks().keys()].filter((n) => n !== 'other');
const Network = Type.Enum(NETWORKS);
const State = Type.String({ pattern: '^[A-Z]{2}$', description: 'USPS state abbreviation, e.g. NY' });
const Severity = Type.Enum([...SEVERITIES], { description: 'minor: a county; moderate: a state; severe: nationwide or 911 failing' });
const Lang = Type.Enum(['en', 'es']);

export const AlertSubscriptionView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    channel: Type.Enum(['webhook', 'email']),
    url: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
    lang: Type.String(),
    networks: Type.Array(Type.String(), { description: 'empty: every network' }),
    states: Type.Array(Type.String(), { description: 'empty: every state; a nationwide incident matches every state' }),
    minSeverity: Severity,
    status: Type.Enum(['active', 'paused']),
    pausedReason: Type.Union([Type.String(), Type.Null()]),
    consecutiveFailures: Type.Integer(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  },
  { $id: 'AlertSubscription' },
);

export const AlertDeliveryView = Type.Object(
  {
    id: Type.String({ description: 'the webhook-id header (the same on every retry and replay)' }),
    subscriptionId: Type.String(),
    incidentId: Type.String(),
    event: Type.Enum([...ALERT_EVENTS]),
    incidentVersion: Type.Integer(),
    status: Type.Enum(['pending', 'delivered', 'failed']),
    attempts: Type.Integer(),
    nextAt: NullableIsoTime,
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    createdAt: IsoTime,
    deliveredAt: NullableIsoTime,
    log: Type.Array(Type.Object({ at: IsoTime, statusCode: Type.Union([Type.Integer(), Type.Null()]), error: Type.Union([Type.String(), Type.Null()]), durationMs: Type.Integer() })),
  },
  { $id: 'AlertDelivery' },
);

const tags = { tags: ['alerts'] };

export const listSubscriptionsSchema = {
  ...tags,
  summary: 'Partner alert subscriptions (never their secrets), and how many members of the public have confirmed an e-mail subscription',
  response: { 200: Type.Object({ items: Type.Array(Type.Ref('AlertSubscription')), publicSubscribers: Type.Integer() }), ...problems(...STAFF_PROBLEMS) },
};

export const createSubscriptionSchema = {
  ...tags,
  summary: 'Subscribe a partner: a webhook (the answer carries its signing secret, shown only this once) or an e-mail address',
  body: Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 200 }),
      channel: Type.Enum(['webhook', 'email']),
      url: Type.Optional(Type.String({ maxLength: 2000, pattern: '^https?://\\S+$' })),
      email: Type.Optional(Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' })),
      lang: Type.Optional(Lang),
      networks: Type.Optional(Type.Array(Network, { maxItems: 20, uniqueItems: true })),
      states: Type.Optional(Type.Array(State, { maxItems: 60, uniqueItems: true })),
      minSeverity: Type.Optional(Severity),
    },
    {
      additionalProperties: false,
      examples: [
        { name: 'County 911 centre', channel: 'webhook', url: 'https://cad.example.gov/hooks/outages', networks: ['att', 'verizon'], states: ['NY'], minSeverity: 'moderate' },
        { name: 'State EOC duty desk', channel: 'email', email: 'eoc@example.gov', lang: 'es' },
      ],
    },
  ),
  response: { 201: Type.Intersect([Type.Ref('AlertSubscription'), Type.Object({ secret: Type.Union([Type.String({ description: 'whsec_…' }), Type.Null()]) })]), ...problems(...STAFF_PROBLEMS) },
};

export const updateSubscriptionSchema = {
  ...tags,
  summary: 'Pause or resume a subscription (resuming clears its failure count; pending deliveries go out)',
  params: IdParams,
  body: Type.Object({ status: Type.Enum(['active', 'paused']) }, { additionalProperties: false, examples: [{ status: 'active' }] }),
  response: { 200: Type.Ref('AlertSubscription'), ...problems(...STAFF_PROBLEMS, 404) },
};

export const deleteSubscriptionSchema = { ...tags, summary: 'Delete a subscription with its deliveries and their log', params: IdParams, response: { 204: NoContent, ...problems(...STAFF_PROBLEMS, 404) } };

export const listDeliveriesSchema = {
  ...tags,
  summary: "A subscription's last 100 deliveries, newest first, each with its attempts (time, status code, error, duration)",
  params: IdParams,
  response: { 200: Type.Object({ items: Type.Array(Type.Ref('AlertDelivery')) }), ...problems(...STAFF_PROBLEMS, 404) },
};

export const replayDeliverySchema = {
  ...tags,
  summary: 'Send a failed delivery again (same webhook-id), from its first attempt',
  params: IdParams,
  response: { 202: Type.Object({ id: Type.String(), status: Type.Enum(['pending']) }), ...problems(...STAFF_PROBLEMS, 404, 409) },
};
