// Row types as the query layer sees them. Timestamps are Date in code; the dialect decides how
// they are stored (timestamptz in Postgres, epoch milliseconds in SQLite) — see store/time.ts.
import type { Generated } from 'kysely';

type Timestamp = Date;
type NullableTimestamp = Date | null;

export interface ReportsTable {
  id: string;
  reference: string;
  received_at: Timestamp;
  carrier: string;
  network: string;
  services: string; // comma list in canonical order: voice,sms,data,911
  sos_mode: number; // 0/1 on both stores, so the query layer needs no boolean mapping
  zip: string;
  county: string;
  state: string;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  called_carrier: string | null;
  called_network: string | null;
  description: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  consent_to_contact: number;
  source: string;
  fingerprint: string;
  idempotency_key: string | null;
  request_hash: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  role: string;
  password_hash: string | null;
  created_at: Timestamp;
  disabled: number;
}

export interface ApiTokensTable {
  token_hash: string;
  user_id: string;
  label: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  session_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SettingsTable {
  name: string;
  value: string;
}

export interface IncidentsTable {
  id: string;
  network: string;
  status: string;
  kind: string;
  onset_at: Timestamp;
  detected_at: Timestamp;
  resolved_at: NullableTimestamp;
  updated_at: Timestamp;
  body: string; // the whole incident as JSON; the columns above exist for filtering
}

export interface AuditEventsTable {
  seq: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  target: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface Database {
  reports: ReportsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  incidents: IncidentsTable;
  audit_events: AuditEventsTable;
}
