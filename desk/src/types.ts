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
