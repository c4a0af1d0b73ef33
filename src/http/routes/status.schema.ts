// Contracts of the public status routes. Every count is a PublicCount: `count` is null and
// `suppressed` true below PUBLIC_MIN_COUNT (zero included); places are listed only from it.
import { Type } from 'typebox';
import { listCarriers } from '../../reference/index.js';
import { PROBLEMS } from '../../status/index.js';
import { IsoTime, NullableIsoTime, problems } from '../schemas.js';

const PublicCount = {
  count: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'null below PUBLIC_MIN_COUNT' }),
  suppressed: Type.Boolean({ description: 'true when the count is below PUBLIC_MIN_COUNT (zero included)' }),
};
const PublicCountObject = Type.Object(PublicCount);
const Place = Type.Object({ county: Type.String({ description: '5-digit county FIPS' }), count: Type.Integer({ minimum: 0 }) });

export const PublicIncident = Type.Object(
  {
    id: Type.String(),
    network: Type.String(),
    networkName: Type.String(),
    status: Type.Enum(['suspected', 'confirmed', 'resolved']),
    kind: Type.Enum(['primary', 'collateral']),
    primaryIncidentId: Type.Union([Type.String(), Type.Null()]),
    scope: Type.Object({ level: Type.Enum(['county', 'state', 'nation']), regions: Type.Array(Type.String()) }),
    services: Type.Array(Type.Enum(['voice', 'sms', 'data', '911']), { description: 'Services a large share of reporters named, most first' }),
    onsetAt: IsoTime,
    detectedAt: IsoTime,
    resolvedAt: NullableIsoTime,
    reports: PublicCountObject,
  },
  { $id: 'PublicIncident' },
);

const Carrier = Type.Object({
  network: Type.String(),
  name: Type.String(),
  brands: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  state: Type.Enum(['normal', 'elevated', 'outage']),
  incidentIds: Type.Array(Type.String()),
  lastHour: PublicCountObject,
  last24h: PublicCountObject,
  series: Type.Array(Type.Object({ at: IsoTime, reports: PublicCountObject, expected: PublicCountObject }), { description: '15-minute buckets of the last 24 h, the last one under way' }),
  problems: Type.Array(Type.Object({ problem: Type.Enum([...PROBLEMS]), ...PublicCount })),
  places: Type.Array(Place, { description: 'Most reported counties, last 24 h' }),
  counties: Type.Array(Place, { description: 'Every county at or above the threshold, last 24 h' }),
});

export const PublicStatus = Type.Object(
  {
    generatedAt: IsoTime,
    minCount: Type.Integer({ description: 'PUBLIC_MIN_COUNT' }),
    bucketMinutes: Type.Integer(),
    window: Type.Object({ from: IsoTime, to: IsoTime }),
    carriers: Type.Array(Carrier),
    incidents: Type.Array(Type.Ref('PublicIncident')),
    counties: Type.Array(Place, { description: 'All networks, per county, last 24 h' }),
  },
  { $id: 'PublicStatus' },
);

export const ZipCheck = Type.Object(
  {
    zip: Type.String(),
    place: Type.Object({ county: Type.String(), countyName: Type.String(), state: Type.String(), stateAbbr: Type.String(), city: Type.String() }),
    carrier: Type.Union([Type.Object({ id: Type.String(), name: Type.String(), network: Type.String() }), Type.Null()]),
    covered: Type.Boolean({ description: 'An open incident (of the carrier\'s network, if given) covers the ZIP\'s county' }),
    incidents: Type.Array(Type.Ref('PublicIncident')),
    nearby: Type.Array(Type.Object({ network: Type.String(), name: Type.String(), lastHour: PublicCountObject }), { description: 'Reports from the ZIP\'s county in the last 60 minutes' }),
  },
  { $id: 'ZipCheck' },
);

const cacheHeaders = Type.Object({ etag: Type.String(), 'cache-control': Type.String() });

export const statusSchema = {
  tags: ['status'],
  summary: 'Public status of every network (cacheable: ETag, If-None-Match → 304)',
  response: { 200: Type.Ref('PublicStatus', { headers: cacheHeaders }), 304: Type.Null({ description: 'Not modified' }) },
};

export const ZipParams = Type.Object({ zip: Type.String({ pattern: '^[0-9]{5}$', description: '5-digit ZIP code' }) });
export const ZipQuery = Type.Object({ carrier: Type.Optional(Type.Enum(listCarriers().map((c) => c.id))) }, { additionalProperties: false });

export const zipStatusSchema = {
  tags: ['status'],
  summary: '"Is it just me?": open incidents covering a ZIP and reports nearby in the last hour',
  params: ZipParams,
  querystring: ZipQuery,
  response: { 200: Type.Ref('ZipCheck'), 304: Type.Null({ description: 'Not modified' }), ...problems(400, 404) },
};
