// Row types as the query layer sees them. A time is written as a Date and read back as a
// StoredTime (a Date on Postgres, epoch ms on SQLite) that each query maps with storedDate —
// see store/time.ts.
import type { ColumnType, Generated } from 'kysely';
import type { StoredTime } from './time.js';

type Timestamp = ColumnType<StoredTime, Date, Date>;
type NullableTimestamp = ColumnType<StoredTime | null, Date | null | undefined, Date | null>;

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
  /** 1 while the account still has a printed one-time password. */
  must_change_password: ColumnType<number, number | undefined, number>;
  password_changed_at: NullableTimestamp;
  last_sign_in_at: NullableTimestamp;
}

export interface ApiTokensTable {
  token_hash: string;
  /** Public handle (list, revoke); the secret is only ever stored hashed. */
  id: string;
  user_id: string;
  label: string;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
}

export interface SessionsTable {
  session_hash: string;
  user_id: string;
  created_at: Timestamp;
  /** Absolute end, however active the session is. */
  expires_at: Timestamp;
  /** Idle end moves on with use (see staff/sessions.ts). */
  last_seen_at: Timestamp;
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

export interface StatementsTable {
  id: string;
  source: string;
  speaker: string;
  said_at: Timestamp;
  seen_at: Timestamp;
  url: string | null;
  text: string;
  asserts: string; // JSON
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface ClaimsTable {
  id: string;
  actor: string;
  channel: string;
  url: string | null;
  claimed_at: Timestamp;
  text: string;
  claimed_method: string;
  claimed_scope: string | null; // JSON
  claimed_attack_at: NullableTimestamp;
  created_at: Timestamp;
  created_by: string;
  updated_at: Timestamp;
}

export interface IncidentStatementsTable {
  incident_id: string;
  statement_id: string;
  attached_at: Timestamp;
}

export interface IncidentClaimsTable {
  incident_id: string;
  claim_id: string;
  attached_at: Timestamp;
}

/** Staff decisions and inputs per incident (never rewritten by detection or a replay). */
export interface CaseFilesTable {
  incident_id: string;
  /** confirmed | dismissed | resolved | reopened; null = detection's status stands. */
  decision: string | null;
  decided_resolved_at: NullableTimestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  assignee: string | null;
  assumptions: string; // JSON: the impact assumptions staff changed for this incident
  /** JSON: the incident's report sources after a merge or split (dossier/membership.ts); null = its own window and scope. */
  membership: string | null;
  updated_at: Timestamp;
}

/** The case timeline: every staff change to an incident, who and when. */
export interface CaseEventsTable {
  id: string;
  incident_id: string;
  at: Timestamp;
  actor: string;
  action: string;
  note: string | null;
  detail: string; // JSON
}

/** A report staff attached to an incident (`attached`) or took out of it (`detached`); detection never writes these. */
export interface CaseReportsTable {
  incident_id: string;
  report_id: string;
  kind: 'attached' | 'detached';
  actor: string;
  at: Timestamp;
}

/** Cached outage tallies of an incident's reports (a national incident has ~1 M), keyed by what they depend on. */
export interface ImpactTalliesTable {
  incident_id: string;
  key: string;
  computed_at: Timestamp;
  body: string;
}

/** One random salt per UTC day (YYYY-MM-DD), deleted after the dedupe window (intake/fingerprint.ts). */
export interface FingerprintSaltsTable {
  day: string;
  salt: string;
}

/** A fixed-window counter shared by every process (http/rate-limit-store.ts); the key is a hash. */
export interface RateLimitHitsTable {
  key: string;
  hits: number;
  /** Epoch ms (a counter's own clock, not a domain time: no StoredTime mapping). */
  window_ends_ms: ColumnType<number | string, number, number>;
}

/** An intake token bucket shared by every process (intake/shared-rate-limit.ts); the key is a hash. */
export interface RateBucketsTable {
  key: string;
  tokens: number;
  /** Epoch ms of the last take (the bucket's own clock, like rate_limit_hits). */
  at_ms: ColumnType<number | string, number, number>;
  allowed: ColumnType<boolean | number, boolean, boolean>;
}

/** A partner's subscription: a webhook (url, secret) or an e-mail address, with its filters. */
export interface AlertSubscriptionsTable {
  id: string;
  name: string;
  channel: string; // webhook | email
  url: string | null;
  email: string | null;
  lang: ColumnType<string, string | undefined, string>;
  secret: string | null; // whsec_…, needed in clear to sign
  networks: string; // comma list; '' = every network
  states: string; // comma list of state abbreviations; '' = every state
  min_severity: string;
  status: string; // active | paused
  paused_reason: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** What was last alerted of an incident; `version` moves with each alerted change. */
export interface AlertIncidentsTable {
  incident_id: string;
  version: number;
  state: string;
}

export interface AlertDeliveriesTable {
  id: string; // msg_…, the webhook-id (the same on every attempt)
  subscription_id: string;
  incident_id: string;
  event: string;
  incident_version: number;
  payload: string;
  status: string; // pending | delivered | failed
  attempts: ColumnType<number, number | undefined, number>;
  next_at: Timestamp;
  claimed_until: NullableTimestamp;
  last_status_code: number | null;
  created_at: Timestamp;
  delivered_at: NullableTimestamp;
}

export interface AlertAttemptsTable {
  seq: Generated<number>;
  delivery_id: string;
  at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** A member of the public's e-mail subscription: the address is for sending these alerts only. */
export interface PublicSubscribersTable {
  id: string;
  email: string;
  network: string;
  state: string;
  lang: string;
  confirm_hash: string;
  unsubscribe_hash: string;
  confirmed_at: NullableTimestamp;
  created_at: Timestamp;
}

/** The public's e-mails waiting, sent or given up (migration 0011): no address, no token. */
export interface PublicMailTable {
  id: string;
  subscriber_id: string;
  incident_id: string; // '' for a confirmation
  event: string; // 'confirm' or an alert event
  incident_version: number;
  payload: string; // the alert payload (the public incident), or {} for a confirmation
  status: string; // pending | delivered | failed
  attempts: ColumnType<number, number | undefined, number>;
  next_at: Timestamp;
  claimed_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: NullableTimestamp;
}

export interface Database {
  reports: ReportsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  incidents: IncidentsTable;
  audit_events: AuditEventsTable;
  statements: StatementsTable;
  claims: ClaimsTable;
  incident_statements: IncidentStatementsTable;
  incident_claims: IncidentClaimsTable;
  case_files: CaseFilesTable;
  case_events: CaseEventsTable;
  case_reports: CaseReportsTable;
  impact_tallies: ImpactTalliesTable;
  fingerprint_salts: FingerprintSaltsTable;
  rate_limit_hits: RateLimitHitsTable;
  rate_buckets: RateBucketsTable;
  alert_subscriptions: AlertSubscriptionsTable;
  alert_incidents: AlertIncidentsTable;
  alert_deliveries: AlertDeliveriesTable;
  alert_attempts: AlertAttemptsTable;
  public_subscribers: PublicSubscribersTable;
  public_mail: PublicMailTable;
}
