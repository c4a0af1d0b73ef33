// Contracts of the attribution routes: statements and claims on an incident, each claim with its
// assessment, and the timeline of markers the desk and the dossier draw.
import { Type } from 'typebox';
import { Asserts, ClaimBody, ClaimedScope, ClaimPatch, StatementBody, StatementPatch } from '../../attribution/schema.js';
import { CLAIMED_METHODS, MARKER_KINDS, STATEMENT_SOURCES, TIMINGS, VERDICTS } from '../../attribution/types.js';
import { IsoTime, NullableIsoTime, problems, STAFF_PROBLEMS } from '../schemas.js';

const Url = Type.Union([Type.String(), Type.Null()], { description: 'A link, to be shown as text' });

export const StatementView = Type.Object(
  {
    id: Type.String(),
    source: Type.Enum([...STATEMENT_SOURCES]),
    speaker: Type.String(),
    saidAt: IsoTime,
    seenAt: IsoTime,
    url: Url,
    text: Type.String(),
    asserts: Asserts,
    updatedAt: IsoTime,
  },
  { $id: 'Statement' },
);

export const Assessment = Type.Object(
  {
    timing: Type.Enum([...TIMINGS], { description: 'When the claim was first made, against onset, public knowledge and restoration' }),
    postEvent: Type.Boolean({ description: 'First made only after the outage was public knowledge' }),
    verdict: Type.Enum([...VERDICTS]),
    reasons: Type.Array(Type.String(), { description: 'What led to the verdict, in words (README "Attribution")' }),
  },
  { $id: 'ClaimAssessment' },
);

export const ClaimView = Type.Object(
  {
    id: Type.String(),
    actor: Type.String(),
    channel: Type.String(),
    url: Url,
    claimedAt: IsoTime,
    text: Type.String(),
    claimedMethod: Type.Enum([...CLAIMED_METHODS]),
    claimedScope: Type.Union([ClaimedScope, Type.Null()]),
    claimedAttackAt: NullableIsoTime,
    updatedAt: IsoTime,
    assessment: Type.Ref('ClaimAssessment'),
  },
  { $id: 'Claim' },
);

const Marker = Type.Object({ kind: Type.Enum([...MARKER_KINDS]), at: IsoTime, by: Type.String() });

const IncidentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const ItemParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), itemId: Type.String({ minLength: 1, maxLength: 100 }) });

const tags = ['attribution'];
const read = problems(...STAFF_PROBLEMS, 404);

export const listStatementsSchema = {
  tags, summary: 'Statements on the incident (carrier, agencies, experts, media), in the order they were said',
  params: IncidentParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('Statement')) }), ...read },
};
export const createStatementSchema = {
  tags, summary: 'Record a statement on the incident (audited)', params: IncidentParams, body: StatementBody,
  response: { 201: Type.Ref('Statement'), ...read },
};
export const editStatementSchema = {
  tags, summary: 'Edit a statement (audited, with what changed); claims are reassessed on their next read', params: ItemParams, body: StatementPatch,
  response: { 200: Type.Ref('Statement'), ...read },
};
export const attachStatementSchema = {
  tags, summary: 'Attach a statement already on record (about another incident) to this one too (audited)', params: ItemParams,
  response: { 200: Type.Ref('Statement'), ...read },
};
export const listClaimsSchema = {
  tags, summary: 'Claims of responsibility on the incident, each with its assessment computed now',
  params: IncidentParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('Claim')) }), ...read },
};
export const createClaimSchema = {
  tags, summary: 'Record a claim of responsibility (audited); answers it with its assessment', params: IncidentParams, body: ClaimBody,
  response: { 201: Type.Ref('Claim'), ...read },
};
export const editClaimSchema = { tags, summary: 'Edit a claim (audited)', params: ItemParams, body: ClaimPatch, response: { 200: Type.Ref('Claim'), ...read } };
export const attachClaimSchema = {
  tags, summary: 'Attach a claim already on record to this incident too (audited)', params: ItemParams, response: { 200: Type.Ref('Claim'), ...read },
};
export const attributionSchema = {
  tags, summary: 'The attribution timeline: markers (onset … restoration), statements, claims with assessments',
  params: IncidentParams,
  response: {
    200: Type.Object({
      incidentId: Type.String(),
      markers: Type.Array(Marker, { description: 'onset, first-report, detection, first-media, first-official, restoration — those known, in time order' }),
      publicFrom: Marker,
      statements: Type.Array(Type.Ref('Statement')),
      claims: Type.Array(Type.Ref('Claim')),
    }),
    ...read,
  },
};
