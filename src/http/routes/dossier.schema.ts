// Contracts of the investigation routes: the incident's impact (part of its detail), case
// actions, assumptions, its complaints (the reports list's filters and more) and its exports.
import { Type } from 'typebox';
import { SERVICES } from '../../intake/schema.js';
import { CASE_ACTIONS } from '../../commands/incident-case.js';
import { IdParams, IsoTime, NullableIsoTime, problems, STAFF_PROBLEMS } from '../schemas.js';
import { ReportListQuery } from './reports.schema.js';

const Dollars = Type.Number({ description: 'US dollars' });
/** A file body (stream or buffer): documented as a string, sent unserialized. */
const FileBody = (contentType: string) => Type.Unsafe<unknown>({ type: 'string', description: contentType });

export const ImpactSchema = Type.Object(
  {
    asOf: Type.String({ format: 'date-time', description: 'The end the figures are counted to: the resolved time, or when counted (an open incident is recounted at most once a minute)' }),
    durationMinutes: Type.Number(),
    reports: Type.Integer(),
    reports911: Type.Integer({ description: 'Reports naming 911' }),
    reportsSos: Type.Integer({ description: 'Reports of phones in SOS mode' }),
    jurisdiction: Type.Union([Type.Object({ state: Type.String(), reports: Type.Integer(), share: Type.Number() }), Type.Null()], { description: 'Reports from the office\'s own state (JURISDICTION), or null without one' }),
    userMinutes: Type.Object({
      reported: Type.Number({ description: "Sum over the complainants of their outage minutes (their startedAt/endedAt, within the incident's bounds)" }),
      estimated: Type.Number({ description: 'people in scope × network share × affected share × duration' }),
      usersAffected: Type.Number(),
    }),
    fcc: Type.Object({
      reportable: Type.Boolean(),
      thresholdCrossedAt: Type.Union([IsoTime, Type.Null()], { description: 'When the outage had lasted 30 minutes and reached 900,000 estimated user-minutes (47 CFR 4.9)' }),
      affects911: Type.Boolean(),
      deadlines: Type.Union([Type.Object({ notification: IsoTime, initialReport: IsoTime, finalReport: IsoTime }), Type.Null()]),
      psapNoticeDue: NullableIsoTime,
      timeline: Type.Array(Type.Object({ at: IsoTime, what: Type.String() })),
    }),
    credits: Type.Object({
      policy: Type.Literal('pro-rata', { description: 'The policy owedTotal is under' }),
      owedTotal: Dollars,
      offeredTotal: Dollars,
      owed: Type.Object({ proRata: Dollars, wholeDays: Dollars, nyA8369: Dollars }, { description: 'Owed to the complainants under each policy' }),
      estimatedOwedTotal: Type.Number({ description: 'Owed pro rata to every estimated affected subscriber in scope' }),
      offeredPerAccount: Dollars,
      distribution: Type.Array(Type.Object({ from: Dollars, to: Dollars, reports: Type.Integer() }), { description: 'Complainants by pro-rata credit owed' }),
    }),
    assumptions: Type.Object({
      peopleInScope: Type.Number(), peopleSource: Type.String(), networkShare: Type.Number(), shareSource: Type.String(), affectedShare: Type.Number(),
      monthlyPrices: Type.Record(Type.String(), Type.Number()), priceSource: Type.String(), offeredCreditPerAccount: Type.Number(), offerSource: Type.String(),
    }),
  },
  { $id: 'Impact' },
);

export const NorsSchema = Type.Object({
  reportType: Type.Literal('notification'), carrier: Type.String(), onsetAt: IsoTime, onsetLocal: Type.String(), description: Type.String(),
  servicesAffected: Type.Array(Type.String()), affects911: Type.Boolean(), geographicArea: Type.String(), estimatedUsersAffected: Type.Number(),
  estimatedUserMinutes: Type.Number(), durationMinutes: Type.Number(), resolved: Type.Boolean(), contact: Type.String(),
});

export const CaseSchema = Type.Object(
  {
    decision: Type.Union([Type.String(), Type.Null()], { description: 'confirmed, dismissed, resolved or reopened: a staff decision detection never overwrites' }),
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: NullableIsoTime,
    assignee: Type.Union([Type.String(), Type.Null()]),
    timeline: Type.Array(Type.Object({
      at: IsoTime, actor: Type.String(), action: Type.String({ description: 'confirm, dismiss, resolve, reopen, assign, note, assumptions, declare, merge, merged, split, split-from, attach-report, detach-report, report-moved' }), note: Type.Union([Type.String(), Type.Null()]),
      report: Type.Union([Type.Object({ id: Type.String(), reference: Type.String() }), Type.Null()], { description: 'The report an attach, detach or move was about' }),
      otherIncident: Type.Union([Type.String(), Type.Null()], { description: 'The other incident a merge, split or move touched' }),
      region: Type.Union([Type.Object({ level: Type.String(), regions: Type.Array(Type.String()) }), Type.Null()], { description: 'The counties or states a split took off' }),
    })),
  },
  { $id: 'CaseFile' },
);

export const caseActionSchema = {
  tags: ['incidents'],
  summary: 'Act on an incident: confirm, dismiss, resolve, reopen, assign, note (audited, on its timeline)',
  params: IdParams,
  body: Type.Object(
    {
      action: Type.Enum([...CASE_ACTIONS]),
      note: Type.Optional(Type.String({ maxLength: 2000 })),
      resolvedAt: Type.Optional(Type.String({ format: 'date-time', description: 'resolve: when it ended (default now)' })),
      assignee: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()], { description: 'assign: email of the investigator, or null' })),
    },
    { additionalProperties: false, examples: [{ action: 'confirm', note: 'Carrier confirmed by phone' }] },
  ),
  response: { 200: Type.Ref('CaseFile'), ...problems(...STAFF_PROBLEMS, 404, 409) },
};

export const assumptionsSchema = {
  tags: ['incidents'],
  summary: "Change the assumptions behind an incident's impact figures (merged over earlier changes; audited)",
  params: IdParams,
  body: Type.Object(
    {
      peopleInScope: Type.Optional(Type.Number({ minimum: 0, maximum: 1e10 })),
      networkShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      affectedShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      monthlyPrices: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), Type.Number({ minimum: 0, maximum: 10000 }))),
      offeredCreditPerAccount: Type.Optional(Type.Number({ minimum: 0, maximum: 10000 })),
      note: Type.Optional(Type.String({ maxLength: 500 })),
    },
    { additionalProperties: false, examples: [{ offeredCreditPerAccount: 5, note: 'AT&T statement of 24 Feb' }] },
  ),
  response: { 200: Type.Ref('Impact'), ...problems(...STAFF_PROBLEMS, 404) },
};

const { network: _n, reference: _r, ...reportFilters } = ReportListQuery.properties;

const complaintFilters = {
  ...reportFilters,
  service: Type.Optional(Type.Enum([...SERVICES])),
  sos: Type.Optional(Type.Boolean({ description: 'Only reports with (true) or without (false) SOS mode' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words to find in the description' })),
  order: Type.Optional(Type.Enum(['newest', 'oldest'], { default: 'newest' })),
  jurisdiction: Type.Optional(Type.Boolean({ description: "Only reports from the office's own state (JURISDICTION)" })),
};

export const IncidentReportsQuery = Type.Object(complaintFilters, { additionalProperties: false });

export const incidentReportsSchema = {
  tags: ['incidents'],
  summary: "The incident's complaints (its reports), with the reports list's filters and more, keyset-paginated",
  params: IdParams,
  querystring: IncidentReportsQuery,
  response: { 200: Type.Object({ items: Type.Array(Type.Ref('Report')), nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...problems(...STAFF_PROBLEMS, 404) },
};

const { include: _i, limit: _l, cursor: _c, ...exportFilters } = complaintFilters;

export const ExportQuery = Type.Object(
  { ...exportFilters, redacted: Type.Optional(Type.Boolean({ default: false, description: 'Leave contact details out (analysts must ask for this)' })) },
  { additionalProperties: false },
);

export const exportCsvSchema = {
  tags: ['incidents'],
  summary: "The incident's complaints as CSV (streamed; contact details for investigators and admins unless redacted; audited)",
  params: IdParams,
  querystring: ExportQuery,
  produces: ['text/csv'],
  response: { 200: FileBody('text/csv'), ...problems(...STAFF_PROBLEMS, 404) },
};

export const exportJsonlSchema = { ...exportCsvSchema, summary: "The incident's complaints as JSON Lines (streamed; as the CSV)", produces: ['application/x-ndjson'], response: { 200: FileBody('application/x-ndjson'), ...problems(...STAFF_PROBLEMS, 404) } };

export const exportIncidentSchema = {
  tags: ['incidents'],
  summary: 'The incident as a JSON file: detail, impact, NORS draft and case file (audited)',
  params: IdParams,
  response: { 200: Type.Ref('IncidentDetail'), ...problems(...STAFF_PROBLEMS, 404) },
};

export const dossierPdfSchema = {
  tags: ['incidents'],
  summary: 'The PDF dossier of the incident (audited); the complaint sample is redacted unless redacted=false (investigators and admins)',
  params: IdParams,
  querystring: Type.Object({ redacted: Type.Optional(Type.Boolean({ default: true })) }, { additionalProperties: false }),
  produces: ['application/pdf'],
  response: { 200: FileBody('application/pdf'), ...problems(...STAFF_PROBLEMS, 404) },
};

const RegionSetSchema = Type.Object({
  level: Type.Enum(['county', 'state']),
  regions: Type.Array(Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$' }), { minItems: 1, maxItems: 4000, description: '5-digit county or 2-digit state FIPS' }),
});

export const declareSchema = {
  tags: ['incidents'],
  summary: 'Declare an incident by hand (confirmed from the start; audited)',
  body: Type.Object(
    {
      network: Type.String({ maxLength: 40 }),
      scope: Type.Object({ level: Type.Enum(['county', 'state', 'nation']), regions: Type.Array(Type.String({ maxLength: 5 }), { minItems: 1, maxItems: 4000 }) }),
      onsetAt: IsoTime,
      services: Type.Optional(Type.Object({ voice: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), sms: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), data: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })), '911': Type.Optional(Type.Number({ minimum: 0, maximum: 1 })) }, { additionalProperties: false })),
      note: Type.Optional(Type.String({ maxLength: 2000 })),
    },
    { additionalProperties: false, examples: [{ network: 'att', scope: { level: 'state', regions: ['36'] }, onsetAt: '2024-02-22T08:45:00Z', note: 'PSAP called it in' }] },
  ),
  response: { 201: Type.Object({ id: Type.String() }), ...problems(...STAFF_PROBLEMS) },
};

export const mergeSchema = {
  tags: ['incidents'],
  summary: "Merge another incident into this one: its reports join this one's (each once), it is dismissed as merged (audited)",
  params: IdParams,
  body: Type.Object({ from: Type.String({ minLength: 1, maxLength: 100 }), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false, examples: [{ from: 'att-20240222T0851Z', note: 'same outage' }] }),
  response: { 200: Type.Ref('CaseFile'), ...problems(...STAFF_PROBLEMS, 404, 409) },
};

export const splitSchema = {
  tags: ['incidents'],
  summary: 'Split the reports of some counties or states off into a new incident (each report stays in exactly one; audited)',
  params: IdParams,
  body: Type.Object({ region: RegionSetSchema, note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false, examples: [{ region: { level: 'state', regions: ['36'] }, note: 'New York part handled by the state PSC' }] }),
  response: { 201: Type.Object({ id: Type.String() }), ...problems(...STAFF_PROBLEMS, 404, 409) },
};

const ReportLinkParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), reportId: Type.String({ minLength: 1, maxLength: 100 }) });
const ReportLinkBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false, examples: [{ note: 'Caller in Newark, on the same outage' }] });

export const attachReportSchema = {
  tags: ['incidents'],
  summary: "Attach one report to this incident: it becomes this incident's alone, whatever detection says (audited, on the timeline)",
  params: ReportLinkParams,
  body: ReportLinkBody,
  response: { 200: Type.Ref('CaseFile'), ...problems(...STAFF_PROBLEMS, 404, 409) },
};

export const detachReportSchema = {
  tags: ['incidents'],
  summary: "Detach one of this incident's reports: it stays out of it, whatever detection says (audited, on the timeline)",
  params: ReportLinkParams,
  body: ReportLinkBody,
  response: { 200: Type.Ref('CaseFile'), ...problems(...STAFF_PROBLEMS, 404, 409) },
};
