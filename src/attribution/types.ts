// The words of attribution: what authorities said (statements), who claimed responsibility
// (claims), and the assessment of each claim against the incident's timeline. Plain values only.
import type { Scope, ScopeLevel, ServiceMix } from '../detect/index.js';

export const STATEMENT_SOURCES = ['carrier', 'agency', 'expert', 'media', 'other'] as const;
export type StatementSource = (typeof STATEMENT_SOURCES)[number];

/** Cause as a statement names it; `configuration` and `software` are both an operator's own error. */
export const CAUSES = ['configuration', 'software', 'hardware', 'power', 'cyberattack', 'unknown'] as const;
export type Cause = (typeof CAUSES)[number];
export const NON_MALICIOUS_CAUSES: ReadonlySet<Cause> = new Set<Cause>(['configuration', 'software', 'hardware', 'power']);

export const MALICIOUS_ACTIVITY = ['none-seen', 'possible', 'confirmed'] as const;
export type MaliciousActivity = (typeof MALICIOUS_ACTIVITY)[number];

export const CLAIMED_METHODS = ['ddos', 'intrusion', 'malware', 'ransomware', 'sabotage', 'unspecified'] as const;
export type ClaimedMethod = (typeof CLAIMED_METHODS)[number];

export const TIMINGS = ['pre-onset', 'before-public', 'after-public', 'after-restoration'] as const;
export type Timing = (typeof TIMINGS)[number];

export const VERDICTS = ['corroborated', 'unverified', 'doubtful', 'contradicted'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CreditOffer {
  amountUsd: number | null;
  description: string;
}

export interface StatementAsserts {
  cause?: Cause | undefined;
  maliciousActivity?: MaliciousActivity | undefined;
  /** The statement says service is restored. */
  restoration?: boolean | undefined;
  creditOffered?: CreditOffer | undefined;
}

export interface Statement {
  id: string;
  source: StatementSource;
  speaker: string;
  saidAt: string; // ISO UTC
  seenAt: string; // when the desk learnt of it
  url: string | null;
  text: string;
  asserts: StatementAsserts;
}

export interface Claim {
  id: string;
  actor: string;
  channel: string;
  url: string | null;
  claimedAt: string;
  text: string;
  claimedMethod: ClaimedMethod;
  /** Where the claim says it struck (same shape as an incident's scope), if it says. */
  claimedScope: Scope | null;
  /** When the claim says the attack began, if it says. */
  claimedAttackAt: string | null;
}

/** What the assessment needs of an incident: detection's facts plus the first report of its network. */
export interface IncidentFacts {
  id: string;
  network: string;
  kind: 'primary' | 'collateral';
  primaryIncidentId: string | null;
  primaryNetwork: string | null;
  scope: Scope;
  services: ServiceMix;
  onsetAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  /** Observed / expected reports in the window that opened the incident. */
  openingRatio: number;
  firstReportAt: string | null;
}

export const MARKER_KINDS = ['onset', 'first-report', 'detection', 'first-media', 'first-official', 'restoration'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface Marker {
  kind: MarkerKind;
  at: string;
  /** What set it, in words (`detection`, `CISA (agency)`, …). */
  by: string;
}

export interface Assessment {
  timing: Timing;
  postEvent: boolean;
  verdict: Verdict;
  reasons: string[];
}

/** Names a region code for people (`TX`, `Lake, IL`); the default leaves codes as they are. */
export type RegionNamer = (level: ScopeLevel, region: string) => string;
