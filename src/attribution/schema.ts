// What staff send for a statement or a claim. One schema serves the routes (validation, OpenAPI)
// and the batch import, so they cannot drift apart. Links must be http(s): they are shown as text.
import { Type, type Static } from 'typebox';
import { CAUSES, CLAIMED_METHODS, MALICIOUS_ACTIVITY, STATEMENT_SOURCES } from './types.js';

export const TEXT_MAX = 4000;

const NullableUrl = Type.Unsafe<string | null>({
  type: ['string', 'null'], maxLength: 2000, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$', description: 'An http or https link (shown as text, never followed by the desk)',
});
const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Unsafe<string | null>({ type: ['string', 'null'], format: 'date-time' });

export const Asserts = Type.Object(
  {
    cause: Type.Optional(Type.Enum([...CAUSES], { description: 'configuration and software: the operator’s own error' })),
    maliciousActivity: Type.Optional(Type.Enum([...MALICIOUS_ACTIVITY])),
    restoration: Type.Optional(Type.Boolean({ description: 'The statement says service is restored' })),
    creditOffered: Type.Optional(Type.Object(
      { amountUsd: Type.Union([Type.Number({ minimum: 0, maximum: 100_000 }), Type.Null()]), description: Type.String({ minLength: 1, maxLength: 500 }) },
      { additionalProperties: false },
    )),
  },
  { additionalProperties: false, description: 'What the statement asserts' },
);

export const ClaimedScope = Type.Object(
  {
    level: Type.Enum(['county', 'state', 'nation']),
    regions: Type.Array(Type.String({ pattern: '^([0-9]{2}|[0-9]{5}|US)$' }), { minItems: 1, maxItems: 60, uniqueItems: true, description: '5-digit county FIPS, 2-digit state FIPS, or ["US"]' }),
  },
  { additionalProperties: false },
);

const statementFields = {
  source: Type.Enum([...STATEMENT_SOURCES]),
  speaker: Type.String({ minLength: 1, maxLength: 200, description: 'Who said it: AT&T, CISA, …' }),
  saidAt: Time,
  seenAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the desk learnt of it (default: now)' })),
  url: Type.Optional(NullableUrl),
  text: Type.String({ minLength: 1, maxLength: TEXT_MAX }),
  asserts: Type.Optional(Asserts),
};

export const StatementBody = Type.Object(statementFields, {
  additionalProperties: false,
  examples: [{ source: 'agency', speaker: 'CISA', saidAt: '2024-02-22T21:00:00Z', url: 'https://www.cisa.gov/', text: 'The cause of the outage is unknown and there are no indications of malicious activity.', asserts: { cause: 'unknown', maliciousActivity: 'none-seen' } }],
});
export type StatementBody = Static<typeof StatementBody>;

export const StatementPatch = Type.Partial(Type.Object(statementFields), {
  additionalProperties: false, minProperties: 1,
  examples: [{ text: 'An incorrect process used as we were expanding our network, not a cyberattack.', asserts: { cause: 'configuration', maliciousActivity: 'none-seen' } }],
});
export type StatementPatch = Static<typeof StatementPatch>;

const claimFields = {
  actor: Type.String({ minLength: 1, maxLength: 200, description: 'Who claims responsibility' }),
  channel: Type.String({ minLength: 1, maxLength: 80, description: 'Where: telegram, forum, x, …' }),
  url: Type.Optional(NullableUrl),
  claimedAt: Time,
  text: Type.String({ minLength: 1, maxLength: TEXT_MAX }),
  claimedMethod: Type.Optional(Type.Enum([...CLAIMED_METHODS], { description: 'unspecified when left out' })),
  claimedScope: Type.Optional(Type.Union([ClaimedScope, Type.Null()])),
  claimedAttackAt: Type.Optional(NullableTime),
};

export const ClaimBody = Type.Object(claimFields, {
  additionalProperties: false,
  examples: [{ actor: '62IX', channel: 'telegram', url: 'https://example.org/claim', claimedAt: '2024-02-23T15:00:00Z', text: 'We took down AT&T with a DDoS attack.', claimedMethod: 'ddos', claimedScope: { level: 'nation', regions: ['US'] } }],
});
export type ClaimBody = Static<typeof ClaimBody>;

export const ClaimPatch = Type.Partial(Type.Object(claimFields), {
  additionalProperties: false, minProperties: 1,
  examples: [{ claimedAttackAt: '2024-02-22T08:40:00Z' }],
});
export type ClaimPatch = Static<typeof ClaimPatch>;

/** A batch file for `outage-desk attribution import`: the incident by id or by what it is. */
export const AttributionBatch = Type.Object(
  {
    incidentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    incident: Type.Optional(Type.Object(
      { network: Type.String({ minLength: 1, maxLength: 40 }), kind: Type.Optional(Type.Enum(['primary', 'collateral'])), activeAt: Time },
      { additionalProperties: false, description: 'The incident of this network (and kind) active at this time' },
    )),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    statements: Type.Optional(Type.Array(StatementBody, { maxItems: 10_000 })),
    claims: Type.Optional(Type.Array(ClaimBody, { maxItems: 10_000 })),
  },
  { additionalProperties: false },
);
export type AttributionBatch = Static<typeof AttributionBatch>;
