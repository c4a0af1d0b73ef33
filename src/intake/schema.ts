// The report a member of the public sends. One JSON Schema serves Fastify (validation and
// OpenAPI) and the importer/web form (through validate.ts), so the rules cannot drift apart.
export const SERVICES = ['voice', 'sms', 'data', '911'] as const;
export type Service = (typeof SERVICES)[number];

export const DESCRIPTION_MAX = 2000;

export const reportBodySchema = {
  $id: 'ReportBody',
  type: 'object',
  additionalProperties: false,
  required: ['carrier', 'services', 'zip'],
  properties: {
    carrier: { type: 'string', minLength: 1, maxLength: 40, description: 'Brand the reporter uses, e.g. att, cricket, verizon.' },
    services: {
      type: 'array',
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
      items: { type: 'string', enum: [...SERVICES] },
      description: 'What does not work: voice, sms, data, 911.',
    },
    sosMode: { type: 'boolean', description: 'The phone showed "SOS" / "SOS only".' },
    zip: { type: 'string', pattern: '^[0-9]{5}$', description: '5-digit ZIP code where the problem happened.' },
    startedAt: { type: 'string', format: 'date-time', description: 'When the problem started (defaults to now).' },
    endedAt: { type: ['string', 'null'], format: 'date-time', description: 'When service came back, if it has.' },
    calledCarrier: { type: ['string', 'null'], maxLength: 40, description: 'Carrier of the person being called, if known.' },
    description: { type: 'string', maxLength: DESCRIPTION_MAX },
    contact: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string', maxLength: 200 },
        email: { type: 'string', maxLength: 254 },
        phone: { type: 'string', maxLength: 40 },
      },
    },
    consentToContact: { type: 'boolean' },
    website: { type: 'string', maxLength: 500, description: 'Leave empty (anti-bot field).' },
  },
} as const;

/** Import rows may replay a recorded stream: they carry their own receipt time and client id. */
export const importRowSchema = {
  ...reportBodySchema,
  $id: 'ImportRow',
  properties: {
    ...reportBodySchema.properties,
    receivedAt: { type: 'string', format: 'date-time' },
    fingerprint: { type: 'string', minLength: 1, maxLength: 128 },
    source: { type: 'string', enum: ['web', 'api', 'import', 'sim'] },
  },
} as const;

export const reportAcceptedSchema = {
  type: 'object',
  required: ['id', 'receivedAt', 'reference'],
  properties: {
    id: { type: 'string' },
    receivedAt: { type: 'string', format: 'date-time' },
    reference: { type: 'string', description: 'Short code to quote when contacting the office.' },
  },
} as const;
