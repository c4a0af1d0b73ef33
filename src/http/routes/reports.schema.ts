// Contracts of the report routes: request and response, the types inferred from them.
import { Type } from 'typebox';
import { reportAcceptedSchema, reportBodySchema, SERVICES } from '../../intake/schema.js';
import { IdParams, IsoTime, NullableIsoTime, problems, STAFF_PROBLEMS } from '../schemas.js';

export const ReportListQuery = Type.Object(
  {
    carrier: Type.Optional(Type.String({ maxLength: 40 })),
    network: Type.Optional(Type.String({ maxLength: 40 })),
    state: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: '2-digit state FIPS' })),
    county: Type.Optional(Type.String({ pattern: '^[0-9]{5}$', description: '5-digit county FIPS' })),
    zip: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    reference: Type.Optional(Type.String({ maxLength: 40, description: 'The reference a caller quotes; case, spaces, O/0 and I/L/1 are forgiven.' })),
    service: Type.Optional(Type.Enum([...SERVICES])),
    source: Type.Optional(Type.Enum(['web', 'api', 'import', 'sim'])),
    since: Type.Optional(IsoTime),
    until: Type.Optional(IsoTime),
    include: Type.Optional(Type.Literal('contact', { description: 'Return contact details (investigators and admins; each such read is audited with the report ids)' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const Contact = Type.Object({ name: Type.Union([Type.String(), Type.Null()]), email: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) });

export const ReportView = Type.Object(
  {
    id: Type.String(),
    reference: Type.String(),
    receivedAt: IsoTime,
    carrier: Type.String(),
    network: Type.String(),
    services: Type.Array(Type.String()),
    sosMode: Type.Boolean(),
    zip: Type.String(),
    county: Type.String({ description: '5-digit FIPS' }),
    state: Type.String({ description: '2-digit FIPS' }),
    startedAt: IsoTime,
    endedAt: NullableIsoTime,
    calledCarrier: Type.Union([Type.String(), Type.Null()]),
    calledNetwork: Type.Union([Type.String(), Type.Null()]),
    description: Type.String(),
    source: Type.String(),
    fingerprint: Type.String(),
    consentToContact: Type.Boolean(),
    contact: Type.Union([Contact, Type.Null()], { description: 'Only for investigators and admins, only on request (detail read or include=contact)' }),
    contactRedacted: Type.Boolean({ description: 'The report has contact details that were not returned' }),
  },
  { $id: 'Report' },
);

export const ReportPage = Type.Object({ items: Type.Array(Type.Ref('Report')), nextCursor: Type.Union([Type.String(), Type.Null()]) });

export const fileReportSchema = {
  tags: ['reports'],
  summary: 'File an outage report (public)',
  body: reportBodySchema,
  headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200 })) }),
  response: { 201: reportAcceptedSchema, ...problems(400, 413, 415, 422, 429) },
};

export const readReportSchema = {
  tags: ['reports'],
  summary: 'Read one report (staff); contact details for investigators and admins, audited',
  params: IdParams,
  response: { 200: Type.Ref('Report'), ...problems(...STAFF_PROBLEMS, 404) },
};

export const listReportsSchema = {
  tags: ['reports'],
  summary: 'List reports, newest first (staff)',
  querystring: ReportListQuery,
  response: { 200: ReportPage, ...problems(...STAFF_PROBLEMS) },
};
