// Contracts of the incident routes. List items have exactly the fields of the external contract
// (README, `outage-desk incidents --json`); the detail adds the chart series and the evidence.
import { Type } from 'typebox';
import { KIND_FILTERS, STATUS_FILTERS } from '../../incidents/index.js';
import { IdParams, IsoTime, NullableIsoTime, problems, STAFF_PROBLEMS } from '../schemas.js';
import { NorsSchema } from './dossier.schema.js';

export const IncidentListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum([...STATUS_FILTERS], { description: '`open` = suspected or confirmed' })),
    network: Type.Optional(Type.String({ maxLength: 40 })),
    kind: Type.Optional(Type.Enum([...KIND_FILTERS])),
    since: Type.Optional(Type.String({ format: 'date-time', description: 'Incidents still active at or after this time' })),
    until: Type.Optional(Type.String({ format: 'date-time', description: 'Incidents that began before this time' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

const ServiceMix = Type.Object(
  { voice: Type.Number(), sms: Type.Number(), data: Type.Number(), '911': Type.Number() },
  { description: 'Share (0..1) of counted reporters naming each service; a report may name several' },
);

const incidentFields = {
  id: Type.String(),
  network: Type.String(),
  status: Type.String({ description: 'suspected, confirmed, resolved or dismissed' }),
  kind: Type.Enum([...KIND_FILTERS]),
  primaryIncidentId: Type.Union([Type.String(), Type.Null()]),
  scope: Type.Object({
    level: Type.Enum(['county', 'state', 'nation']),
    regions: Type.Array(Type.String(), { description: '5-digit county FIPS, 2-digit state FIPS, or ["US"]' }),
  }),
  services: ServiceMix,
  onsetAt: IsoTime,
  detectedAt: IsoTime,
  resolvedAt: NullableIsoTime,
  reportCount: Type.Integer(),
  peak: Type.Object({ at: IsoTime, count: Type.Integer({ description: 'reports in the 15 minutes from `at`' }) }),
};

export const IncidentItem = Type.Object(incidentFields, { $id: 'IncidentItem' });

const Opening = Type.Object({
  level: Type.Enum(['county', 'state', 'nation']),
  region: Type.String(),
  windowMinutes: Type.Number(),
  observed: Type.Number(),
  expected: Type.Number(),
  tested: Type.Number(),
  llr: Type.Number(),
  ratio: Type.Number(),
  duplicateShare: Type.Number(),
  elevatedMinutes: Type.Number(),
  calledNetwork: Type.Optional(Type.String({ description: 'Opened from calls: counts are of reporters calling this network' })),
});

const Collateral = Type.Object({
  primaryIncidentId: Type.String(),
  primaryNetwork: Type.String(),
  rule: Type.Enum(['called-network', 'tracks-primary']),
  calledShare: Type.Number({ description: "share of the excess reporters calling the primary's network, in the window judged when classified" }),
  lifeCalledShare: Type.Optional(Type.Number({ description: "over the incident's life so far: share of its network's reporters in scope naming the primary's network" })),
  lagMinutes: Type.Number({ description: 'onset minus the primary onset (never negative)' }),
  correlation: Type.Number(),
  excessRatio: Type.Number(),
});

const ScopeEvidence = Type.Object({
  level: Type.Enum(['county', 'state', 'nation']),
  regions: Type.Integer(),
  basis: Type.Enum(['nation', 'confined-states', 'states', 'counties', 'trigger', 'primary'], { description: 'the rule that chose the scope (README: detection engine)' }),
  since: IsoTime,
});

export const IncidentDetail = Type.Object(
  {
    ...incidentFields,
    series: Type.Array(Type.Object({ at: IsoTime, observed: Type.Number(), expected: Type.Number() }), { description: 'Observed vs. expected reports per 15 minutes' }),
    evidence: Type.Object({
      opening: Opening,
      collateral: Type.Union([Collateral, Type.Null()]),
      openingScope: Type.Optional(ScopeEvidence),
      scope: Type.Optional(ScopeEvidence),
    }),
    impact: Type.Ref('Impact'),
    nors: NorsSchema,
    case: Type.Ref('CaseFile'),
  },
  { $id: 'IncidentDetail' },
);

/** GET /api/v1/incidents/:id/counties: the desk's map. */
export const IncidentCountiesSchema = Type.Object({
  incidentId: Type.String(),
  total: Type.Integer({ description: 'Reports counted (those with a known county)' }),
  items: Type.Array(Type.Object({ county: Type.String({ description: '5-digit county FIPS' }), count: Type.Integer() }), { description: 'Counties with at least one report, most reports first' }),
});

export const listIncidentsSchema = {
  tags: ['incidents'],
  summary: 'List incidents, newest onset first',
  querystring: IncidentListQuery,
  response: { 200: Type.Object({ items: Type.Array(Type.Ref('IncidentItem')), nextOffset: Type.Union([Type.Integer(), Type.Null()]) }), ...problems(...STAFF_PROBLEMS) },
};

export const getIncidentSchema = {
  tags: ['incidents'],
  summary: 'One incident with its observed vs. expected series, evidence, impact (user-minutes, FCC Part 4, credits), NORS draft and case file',
  params: IdParams,
  response: { 200: Type.Ref('IncidentDetail'), ...problems(...STAFF_PROBLEMS, 404) },
};
