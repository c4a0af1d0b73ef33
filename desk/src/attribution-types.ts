// The attribution API's shapes (GET /api/v1/incidents/:id/attribution), hand-copied from
// src/presenters/attribution.ts and src/attribution/types.ts.
export type Timing = 'pre-onset' | 'before-public' | 'after-public' | 'after-restoration';
export type Verdict = 'corroborated' | 'unverified' | 'doubtful' | 'contradicted';
export type MarkerKind = 'onset' | 'first-report' | 'detection' | 'first-media' | 'first-official' | 'restoration';

export interface Marker {
  kind: MarkerKind;
  at: string;
  by: string;
}

export interface StatementAsserts {
  cause?: string;
  maliciousActivity?: 'none-seen' | 'possible' | 'confirmed';
  restoration?: boolean;
  creditOffered?: { amountUsd: number | null; description: string };
}

export interface Statement {
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

export interface Claim {
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
  assessment: { timing: Timing; postEvent: boolean; verdict: Verdict; reasons: string[] };
}

export interface AttributionView {
  incidentId: string;
  markers: Marker[];
  publicFrom: Marker;
  statements: Statement[];
  claims: Claim[];
}
