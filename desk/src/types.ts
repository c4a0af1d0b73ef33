// The JSON shapes the desk reads: the API's contract, written down once for the client.
export type { Incident, SeriesPoint, Scope, ServiceMix, IncidentEvidence, OpeningEvidence, CollateralEvidence, ScopeEvidence } from '../../src/detect/engine/types.js';
import type { Incident, SeriesPoint } from '../../src/detect/engine/types.js';

export type Role = 'admin' | 'investigator' | 'analyst';

export interface Me {
  id?: string;
  email: string;
  role: Role;
  mustChangePassword?: boolean;
}

export type IncidentSummary = Omit<Incident, 'evidence'>;
export interface IncidentDetail extends Incident {
  series: SeriesPoint[];
  impact: Impact;
  nors: Nors;
  case: CaseFile;
}

// Hand-copied from src/http/routes/dossier.schema.ts (Impact, CaseFile, NORS draft).
export interface Impact {
  asOf: string;
  durationMinutes: number;
  reports: number;
  reports911: number;
  reportsSos: number;
  jurisdiction: { state: string; reports: number; share: number } | null;
  userMinutes: { reported: number; estimated: number; usersAffected: number };
  fcc: {
    reportable: boolean;
    thresholdCrossedAt: string | null;
    affects911: boolean;
    deadlines: { notification: string; initialReport: string; finalReport: string } | null;
    psapNoticeDue: string | null;
    timeline: Array<{ at: string; what: string }>;
  };
  credits: {
    policy: 'pro-rata';
    owedTotal: number;
    offeredTotal: number;
    owed: { proRata: number; wholeDays: number; nyA8369: number };
    estimatedOwedTotal: number;
    offeredPerAccount: number;
    distribution: Array<{ from: number; to: number; reports: number }>;
  };
  assumptions: {
    peopleInScope: number;
    peopleSource: string;
    networkShare: number;
    shareSource: string;
    affectedShare: number;
    monthlyPrices: Record<string, number>;
    priceSource: string;
    offeredCreditPerAccount: number;
    offerSource: string;
  };
}

export interface CaseFile {
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  assignee: string | null;
  timeline: CaseEvent[];
}

export interface CaseEvent {
  at: string;
  actor: string;
  action: string;
  note: string | null;
  /** The report an attach, detach or move was about. */
  report: { id: string; reference: string } | null;
  /** The other incident a merge, split or move touched. */
  otherIncident: string | null;
  /** The counties or states a split took off. */
  region: { level: string; regions: string[] } | null;
}

export interface Nors {
  carrier: string;
  onsetAt: string;
  onsetLocal: string;
  description: string;
  servicesAffected: string[];
  affects911: boolean;
  geographicArea: string;
  estimatedUsersAffected: number;
  estimatedUserMinutes: number;
  durationMinutes: number;
  resolved: boolean;
  contact: string;
}

export interface IncidentPage {
  items: IncidentSummary[];
  nextOffset: number | null;
}

export interface CountyCount {
  county: string;
  count: number;
}

export interface IncidentCounties {
  incidentId: string;
  total: number;
  items: CountyCount[];
}

export interface Report {
  id: string;
  reference: string;
  receivedAt: string;
  carrier: string;
  network: string;
  services: string[];
  sosMode: boolean;
  zip: string;
  county: string;
  state: string;
  startedAt: string;
  endedAt: string | null;
  calledCarrier: string | null;
  calledNetwork: string | null;
  description: string;
  source: string;
  fingerprint: string;
  consentToContact: boolean;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  contactRedacted: boolean;
}

export interface ReportPage {
  items: Report[];
  nextCursor: string | null;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface NewApiToken {
  id: string;
  name: string;
  token: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface StaffUser {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface ReportVolume {
  since: string;
  until: string;
  total: number;
  byNetwork: Record<string, number>;
}

/** RFC 9457 problem details, as every API error is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}
