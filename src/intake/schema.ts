// The report a member of the public sends. One schema serves Fastify (OpenAPI) and the
// validator behind the API, the web form and the importer (validate.ts), so the rules cannot
// drift apart. TypeBox builds plain JSON Schema and the TypeScript type from one declaration.
import { Type, type Static } from 'typebox';

export const SERVICES = ['voice', 'sms', 'data', '911'] as const;
export type Service = (typeof SERVICES)[number];

export const DESCRIPTION_MAX = 2000;

/** `type: [string, null]` rather than anyOf, so a bad value gets one error naming the field. */
const nullableString = (opts: { format?: string; maxLength?: number; description: string }) =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...opts });

const reportProperties = {
  carrier: Type.String({ minLength: 1, maxLength: 40, description: 'Brand the reporter uses, e.g. att, cricket, verizon.' }),
  services: Type.Array(Type.Enum([...SERVICES]), {
    minItems: 1,
    maxItems: 4,
    uniqueItems: true,
    description: 'What does not work: voice, sms, data, 911.',
  }),
  sosMode: Type.Optional(Type.Boolean({ description: 'The phone showed "SOS" / "SOS only".' })),
  zip: Type.String({ pattern: '^[0-9]{5}$', description: '5-digit ZIP code where the problem happened.' }),
  startedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When the problem started (defaults to now).' })),
  endedAt: Type.Optional(nullableString({ format: 'date-time', description: 'When service came back, if it has.' })),
  calledCarrier: Type.Optional(nullableString({ maxLength: 40, description: 'Carrier of the person being called, if known.' })),
  description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX })),
  contact: Type.Optional(
    Type.Object(
      {
        name: Type.Optional(Type.String({ maxLength: 200 })),
        email: Type.Optional(Type.String({ maxLength: 254 })),
        phone: Type.Optional(Type.String({ maxLength: 40 })),
      },
      { additionalProperties: false },
    ),
  ),
  consentToContact: Type.Optional(Type.Boolean()),
  website: Type.Optional(Type.String({ maxLength: 500, description: 'Leave empty (anti-bot field).' })),
};

export const reportBodySchema = Type.Object(reportProperties, {
  $id: 'ReportBody',
  additionalProperties: false,
  examples: [{ carrier: 'att', services: ['voice', 'sms', 'data'], sosMode: true, zip: '10001', calledCarrier: 'verizon', description: 'Phone shows SOS since this morning' }],
});
export type ReportBody = Static<typeof reportBodySchema>;

/** Import rows may replay a recorded stream: they carry their own receipt time and client id. */
export const importRowSchema = Type.Object(
  {
    ...reportProperties,
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
    fingerprint: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    source: Type.Optional(Type.Enum(['web', 'api', 'import', 'sim'])),
  },
  { $id: 'ImportRow', additionalProperties: false },
);

export const reportAcceptedSchema = Type.Object({
  id: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  reference: Type.String({ description: 'Short code to quote when contacting the office.' }),
});
