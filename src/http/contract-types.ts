// The JSON the API answers, as TypeScript types inferred from the route schemas: the one source
// of the contract for clients in this repository (the desk). Types only — every import is
// `import type`, so a bundler erases this module and no schema or TypeBox code reaches a client.
//
// The schemas name shared shapes with `Type.Ref('<$id>')` (so OpenAPI lists each once under
// components.schemas); `Refs` maps each $id to its schema so `Static` resolves them instead of
// giving `unknown` (the schemas, and so OpenAPI, stay as they are). A $id missing here would
// make its references `unknown`: add each schema registered with `app.addSchema`.
import type { Static } from 'typebox';
import type { ProblemSchema } from './schemas.js';
import type { CaseSchema, ImpactSchema, NorsSchema, splitSchema } from './routes/dossier.schema.js';
import type { IncidentCountiesSchema, IncidentDetail as IncidentDetailSchema, IncidentItem, listIncidentsSchema } from './routes/incidents.schema.js';
import type { ReportPage as ReportPageSchema, ReportView } from './routes/reports.schema.js';
import type { addUserSchema, createTokenSchema, listAuditSchema, listTokensSchema, listUsersSchema, signOutEverywhereSchema, TokenView, UserView } from './routes/accounts.schema.js';
import type { Assessment, attributionSchema, ClaimView, StatementView } from './routes/attribution.schema.js';
import type { AlertDeliveryView, AlertSubscriptionView, createSubscriptionSchema, listSubscriptionsSchema } from './routes/alerts.schema.js';
import type { PublicIncident as PublicIncidentSchema, PublicStatus as PublicStatusSchema, ZipCheck as ZipCheckSchema } from './routes/status.schema.js';

type Refs = {
  Problem: typeof ProblemSchema;
  IncidentItem: typeof IncidentItem;
  IncidentDetail: typeof IncidentDetailSchema;
  Impact: typeof ImpactSchema;
  CaseFile: typeof CaseSchema;
  Report: typeof ReportView;
  User: typeof UserView;
  Token: typeof TokenView;
  Statement: typeof StatementView;
  ClaimAssessment: typeof Assessment;
  Claim: typeof ClaimView;
  AlertSubscription: typeof AlertSubscriptionView;
  AlertDelivery: typeof AlertDeliveryView;
  PublicIncident: typeof PublicIncidentSchema;
  PublicStatus: typeof PublicStatusSchema;
  ZipCheck: typeof ZipCheckSchema;
};

/** The $ids the types resolve; test/api/contracts.test.ts checks they are OpenAPI's components. */
export type ContractRef = keyof Refs;

/** What the API sends for `schema`, its references resolved. */
type Json<S extends import('typebox').TSchema> = Static<S, Refs>;

/** RFC 9457 problem details, as every API error is sent. */
export type Problem = Json<typeof ProblemSchema>;

// Incidents (src/http/routes/incidents.schema.ts, dossier.schema.ts)
export type IncidentSummary = Json<typeof IncidentItem>;
export type IncidentPage = Json<(typeof listIncidentsSchema.response)[200]>;
export type IncidentDetail = Json<typeof IncidentDetailSchema>;
export type IncidentEvidence = IncidentDetail['evidence'];
export type OpeningEvidence = IncidentEvidence['opening'];
export type CollateralEvidence = NonNullable<IncidentEvidence['collateral']>;
export type ScopeEvidence = NonNullable<IncidentEvidence['scope']>;
export type Scope = IncidentSummary['scope'];
export type ServiceMix = IncidentSummary['services'];
export type SeriesPoint = IncidentDetail['series'][number];
export type Impact = Json<typeof ImpactSchema>;
export type Nors = Json<typeof NorsSchema>;
export type CaseFile = Json<typeof CaseSchema>;
export type CaseEvent = CaseFile['timeline'][number];
/** What a split (and a declaration) answers: the new incident's id. */
export type NewIncident = Json<(typeof splitSchema.response)[201]>;
export type IncidentCounties = Json<typeof IncidentCountiesSchema>;
export type CountyCount = IncidentCounties['items'][number];

// Reports (reports.schema.ts)
export type Report = Json<typeof ReportView>;
export type ReportPage = Json<typeof ReportPageSchema>;

// Staff, tokens, audit (accounts.schema.ts)
export type StaffUser = Json<typeof UserView>;
export type Role = StaffUser['role'];
export type StaffUserList = Json<(typeof listUsersSchema.response)[200]>;
/** A new account with its one-time password. */
export type NewStaffUser = Json<(typeof addUserSchema.response)[201]>;
export type ApiToken = Json<typeof TokenView>;
export type ApiTokenList = Json<(typeof listTokensSchema.response)[200]>;
export type NewApiToken = Json<(typeof createTokenSchema.response)[201]>;
export type SessionsEnded = Json<(typeof signOutEverywhereSchema.response)[200]>;
export type AuditPage = Json<(typeof listAuditSchema.response)[200]>;
export type AuditEvent = AuditPage['items'][number];

// Attribution (attribution.schema.ts)
export type Statement = Json<typeof StatementView>;
export type StatementAsserts = Statement['asserts'];
export type ClaimAssessment = Json<typeof Assessment>;
export type Claim = Json<typeof ClaimView>;
export type AttributionView = Json<(typeof attributionSchema.response)[200]>;
export type Marker = AttributionView['publicFrom'];
export type MarkerKind = Marker['kind'];
export type Timing = ClaimAssessment['timing'];
export type Verdict = ClaimAssessment['verdict'];

// Partner alerts (alerts.schema.ts)
export type AlertSubscription = Json<typeof AlertSubscriptionView>;
export type AlertSubscriptionList = Json<(typeof listSubscriptionsSchema.response)[200]>;
export type NewAlertSubscription = Json<(typeof createSubscriptionSchema.response)[201]>;
export type AlertDelivery = Json<typeof AlertDeliveryView>;

// Public status (status.schema.ts)
export type PublicIncident = Json<typeof PublicIncidentSchema>;
export type PublicStatus = Json<typeof PublicStatusSchema>;
export type ZipCheck = Json<typeof ZipCheckSchema>;

// Server-sent events (GET /api/v1/events, documented as a text/event-stream): staff receive
// `incident` as an IncidentSummary and `reports` as this.
export type { ReportVolume } from '../incidents/changes.js';
