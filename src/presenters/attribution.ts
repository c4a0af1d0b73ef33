// What leaves the API of statements, claims and their timeline: public words and our
// assessment, built field by field. Who recorded them stays in the audit trail.
import type { Assessment, Marker, StatementAsserts } from '../attribution/index.js';
import type { StoredClaim, StoredStatement } from '../attribution/queries.js';

export interface StatementView {
  id: string;
  source: string;
  speaker: string;
  saidAt: string;
  seenAt: string;
  url: string | null;
  text: string;
  asserts: StatementAsserts;
  updatedAt: string;
}

export interface ClaimView {
  id: string;
  actor: string;
  channel: string;
  url: string | null;
  claimedAt: string;
  text: string;
  claimedMethod: string;
  claimedScope: { level: string; regions: string[] } | null;
  claimedAttackAt: string | null;
  updatedAt: string;
  assessment: Assessment;
}

export interface AttributionView {
  incidentId: string;
  /** Onset, first report, detection, first media item, first official statement, restoration: time order. */
  markers: Marker[];
  publicFrom: Marker;
  statements: StatementView[];
  claims: ClaimView[];
}

export function presentStatement(s: StoredStatement): StatementView {
  const a = s.asserts;
  const asserts: StatementAsserts = {
    ...(a.cause ? { cause: a.cause } : {}),
    ...(a.maliciousActivity ? { maliciousActivity: a.maliciousActivity } : {}),
    ...(a.restoration !== undefined ? { restoration: a.restoration } : {}),
    ...(a.creditOffered ? { creditOffered: { amountUsd: a.creditOffered.amountUsd, description: a.creditOffered.description } } : {}),
  };
  return { id: s.id, source: s.source, speaker: s.speaker, saidAt: s.saidAt, seenAt: s.seenAt, url: s.url, text: s.text, asserts, updatedAt: s.updatedAt };
}

export function presentClaim(c: StoredClaim, assessment: Assessment): ClaimView {
  return {
    id: c.id, actor: c.actor, channel: c.channel, url: c.url, claimedAt: c.claimedAt, text: c.text, claimedMethod: c.claimedMethod,
    claimedScope: c.claimedScope && { level: c.claimedScope.level, regions: [...c.claimedScope.regions] },
    claimedAttackAt: c.claimedAttackAt, updatedAt: c.updatedAt,
    assessment: { timing: assessment.timing, postEvent: assessment.postEvent, verdict: assessment.verdict, reasons: [...assessment.reasons] },
  };
}
