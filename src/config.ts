// The one place that reads the environment. Validated once, fails fast with a clear message.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: how long a CSV export waits for one of the exports' connections before it is refused (503). */
  exportWaitMs: number;
  /** `redis://…`: the intake and sign-in rate limits count there instead of in the database. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key this install writes (several installs or tests may share a Redis). */
  redisKeyPrefix: string;
  intakeRateLimit: number; // reports accepted per client per minute; 0 = unlimited
  adminEmail: string;
  publicMinCount: number;
  trustProxy: boolean;
  logLevel: string;
  detect: boolean;
  /** Sign-in attempts per network address per minute, the form and the API together. */
  loginRateLimit: number;
  /** Sign-in attempts per account (existing or not) per 15 minutes, from any number of addresses. */
  loginAccountLimit: number;
  /** Sign-in attempts per minute over the whole install (every process), a ceiling on argon2 work. */
  loginGlobalLimit: number;
  /** Sign-ups on the public subscribe form per network address per hour, across every process. */
  subscribeRateLimit: number;
  /** Sign-ups per e-mail address per day: no one's inbox is flooded with confirmation e-mails. */
  subscribeEmailLimit: number;
  /** Sign-ups per hour over the whole install: a ceiling on confirmation e-mails sent. */
  subscribeGlobalLimit: number;
  /** A session ends after this long without use… */
  sessionIdleMinutes: number;
  /** …or this long after sign-in, however active. */
  sessionMaxHours: number;
  /** Monthly price per carrier brand in US dollars, for the credits owed (`MONTHLY_PRICES`). */
  monthlyPrices: Record<string, number>;
  /** Credit per account a network's carrier offers by default, until staff set the offer of an incident (`OFFERED_CREDITS`). */
  offeredCredits: Record<string, number>;
  /** The office's own state (2-digit FIPS), from `JURISDICTION` (postal code or FIPS); undefined = none. */
  jurisdiction: string | undefined;
  /** The office that runs this desk, shown in the public pages' header and footer. */
  office: OfficeConfig;
  /** Bearer token that /metrics requires; unset: /metrics always answers 401. */
  metricsToken: string | undefined;
  /** A separate listener for /metrics without the token (`METRICS_PORT`; undefined: none)… */
  metricsPort: number | undefined;
  /** …on this interface (`METRICS_HOST`, loopback by default). */
  metricsHost: string;
  /** Connection limits (src/http/connections.ts): slow or idle clients cannot hold sockets. */
  connections: ConnectionLimits;
  /** Load shedding (src/http/admission.ts). */
  admission: AdmissionLimits;
  /** Partner alerts and the public's e-mail subscriptions (README "Alerts and subscriptions"). */
  alerts: AlertsConfig;
}

/**
 * Default monthly prices: a typical single-line unlimited plan of each brand, rounded (published
 * list prices, 2024). Edit with MONTHLY_PRICES=att=75,cricket=40,… or per incident in the desk.
 */
export const DEFAULT_MONTHLY_PRICES: Readonly<Record<string, number>> = {
  att: 75, verizon: 75, tmobile: 70, uscellular: 60, cricket: 40, metro: 40, visible: 25, mint: 20, boost: 25, other: 50,
};

/** AT&T's offer after the 22 Feb 2024 outage: one day of service, reported as $5 per account. */
export const DEFAULT_OFFERED_CREDITS: Readonly<Record<string, number>> = { att: 5 };

function pricesFrom(env: NodeJS.ProcessEnv, name: string, fallback: Readonly<Record<string, number>>): Record<string, number> {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return { ...fallback };
  const out: Record<string, number> = { ...fallback };
  for (const pair of raw.split(',')) {
    const [key, value] = pair.split('=').map((x) => x.trim());
    const n = Number(value);
    if (!key || !/^[a-z0-9-]+$/.test(key) || value === undefined || value === '' || !Number.isFinite(n) || n < 0) {
      throw new ConfigError(`${name} must look like att=75,verizon=70 (dollars >= 0), got "${raw}"`);
    }
    out[key] = n;
  }
  return out;
}

const STATE_CODES: Record<string, string> = {
  AL: '01', AK: '02', AZ: '04', AR: '05', CA: '06', CO: '08', CT: '09', DE: '10', DC: '11', FL: '12', GA: '13', HI: '15', ID: '16', IL: '17',
  IN: '18', IA: '19', KS: '20', KY: '21', LA: '22', ME: '23', MD: '24', MA: '25', MI: '26', MN: '27', MS: '28', MO: '29', MT: '30', NE: '31',
  NV: '32', NH: '33', NJ: '34', NM: '35', NY: '36', NC: '37', ND: '38', OH: '39', OK: '40', OR: '41', PA: '42', RI: '44', SC: '45', SD: '46',
  TN: '47', TX: '48', UT: '49', VT: '50', VA: '51', WA: '53', WV: '54', WI: '55', WY: '56', PR: '72', VI: '78', GU: '66', AS: '60', MP: '69',
};

function jurisdictionFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.JURISDICTION?.trim();
  if (!raw) return undefined;
  const fips = /^[0-9]{2}$/.test(raw) ? raw : STATE_CODES[raw.toUpperCase()];
  if (!fips || !Object.values(STATE_CODES).includes(fips)) throw new ConfigError(`JURISDICTION must be a state code such as NY or 36, got "${raw}"`);
  return fips;
}

export interface AlertsConfig {
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  pauseAfter: number;
  pollMs: number;
  /** smtp:// or smtps:// URL of the mail server; '' = no e-mail is sent. */
  smtpUrl: string;
  mailFrom: string;
  /** This server's address as the public reach it, for links in e-mails. */
  publicUrl: string;
}

function alertsFrom(env: NodeJS.ProcessEnv): AlertsConfig {
  const smtpUrl = env.SMTP_URL || '';
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${env.PORT || 8080}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('PUBLIC_URL must be an http:// or https:// URL');
  return {
    retryBaseMs: intFrom(env, 'ALERT_RETRY_BASE_MS', 30_000, 1),
    retryMaxMs: intFrom(env, 'ALERT_RETRY_MAX_MS', 6 * 3_600_000, 1),
    maxAttempts: intFrom(env, 'ALERT_MAX_ATTEMPTS', 8, 1),
    pauseAfter: intFrom(env, 'ALERT_PAUSE_AFTER', 10, 1),
    pollMs: intFrom(env, 'ALERT_POLL_MS', 1_000, 10),
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Outage Desk <alerts@localhost>',
    publicUrl,
  };
}

export interface OfficeConfig {
  name: string;
  /** A path on this server (the pages' CSP loads images from their own origin only), or ''. */
  logoUrl: string;
  contact: string;
  /** How the footer names whom the office serves (`OFFICE_JURISDICTION_NAME`); '' = the name of `JURISDICTION`'s state, if any. */
  jurisdiction: string;
  /** `JURISDICTION` (2-digit FIPS): the footer names this state unless `jurisdiction` words it otherwise. */
  jurisdictionState: string | undefined;
  /** Times on public pages without a ZIP to place them are shown in this zone. */
  timeZone: string;
}

function officeFrom(env: NodeJS.ProcessEnv): OfficeConfig {
  const logoUrl = env.OFFICE_LOGO_URL || '';
  if (logoUrl && !logoUrl.startsWith('/')) throw new ConfigError('OFFICE_LOGO_URL must be a path on this server, like /assets/logo.svg');
  const timeZone = env.OFFICE_TIME_ZONE || 'America/New_York';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ConfigError(`OFFICE_TIME_ZONE must be an IANA time zone like America/Chicago, got "${timeZone}"`);
  }
  // OFFICE_JURISDICTION was this variable's first name; it still works.
  const jurisdiction = env.OFFICE_JURISDICTION_NAME || env.OFFICE_JURISDICTION || '';
  return { name: env.OFFICE_NAME || 'Outage Desk', logoUrl, contact: env.OFFICE_CONTACT || '', jurisdiction, jurisdictionState: jurisdictionFrom(env), timeZone };
}

export interface AdmissionLimits {
  /** Mean event-loop delay (ms, over a 1 s sample) past which load is shed; 0 = not checked. */
  maxEventLoopDelayMs: number;
  /** Resident memory past which load is shed (bytes); 0 = not checked. */
  memoryCapBytes: number;
  /** Reports waiting for a commit at which intake answers 503. */
  maxPendingReports: number;
  /** Intake and staff requests in flight per process past which a new one answers 503; 0 = no cap. */
  maxInFlight: number;
  /** A request that waited longer than this (ms) between arriving and its handler is shed; 0 = off. */
  maxQueueWaitMs: number;
  /** A request whose body is still arriving after this (ms) gives its in-flight slot back until its body is in. */
  bodyGraceMs: number;
  retryAfterSeconds: number;
}

export interface ConnectionLimits {
  /** Whole request (headers and body) must arrive within this; a slow body gets 408. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic at all (either way) is closed after this (event streams ping every 15 s). */
  socketIdleTimeoutMs: number;
  /** Open connections past this are answered 503 and closed; 0 = derived from the file-descriptor limit. */
  maxConnections: number;
}

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function redisUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.REDIS_URL || undefined;
  if (url && !/^rediss?:\/\//.test(url)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  return url;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return {
    port: intFrom(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    exportWaitMs: intFrom(env, 'EXPORT_WAIT_MS', 10_000, 1),
    redisUrl: redisUrlFrom(env),
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'outage-desk:',
    intakeRateLimit: intFrom(env, 'INTAKE_RATE_LIMIT', 10),
    adminEmail: env.ADMIN_EMAIL || 'admin@localhost',
    publicMinCount: intFrom(env, 'PUBLIC_MIN_COUNT', 10, 1),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    logLevel: env.LOG_LEVEL || 'info',
    detect: boolFrom(env, 'DETECT', true),
    loginRateLimit: intFrom(env, 'LOGIN_RATE_LIMIT', 10, 1),
    loginAccountLimit: intFrom(env, 'LOGIN_ACCOUNT_LIMIT', 10, 1),
    loginGlobalLimit: intFrom(env, 'LOGIN_GLOBAL_LIMIT', 120, 1),
    subscribeRateLimit: intFrom(env, 'SUBSCRIBE_RATE_LIMIT', 10, 1),
    subscribeEmailLimit: intFrom(env, 'SUBSCRIBE_EMAIL_LIMIT', 3, 1),
    subscribeGlobalLimit: intFrom(env, 'SUBSCRIBE_GLOBAL_LIMIT', 1_000, 1),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 120, 1),
    sessionMaxHours: intFrom(env, 'SESSION_MAX_HOURS', 12, 1),
    monthlyPrices: pricesFrom(env, 'MONTHLY_PRICES', DEFAULT_MONTHLY_PRICES),
    offeredCredits: pricesFrom(env, 'OFFERED_CREDITS', DEFAULT_OFFERED_CREDITS),
    jurisdiction: jurisdictionFrom(env),
    office: officeFrom(env),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsPort: env.METRICS_PORT ? intFrom(env, 'METRICS_PORT', 0) : undefined,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    connections: {
      requestTimeoutMs: intFrom(env, 'REQUEST_TIMEOUT_MS', 10_000, 100),
      headersTimeoutMs: intFrom(env, 'HEADERS_TIMEOUT_MS', 5_000, 100),
      keepAliveTimeoutMs: intFrom(env, 'KEEPALIVE_TIMEOUT_MS', 5_000, 100),
      socketIdleTimeoutMs: intFrom(env, 'SOCKET_IDLE_TIMEOUT_MS', 60_000, 1_000),
      maxConnections: intFrom(env, 'MAX_CONNECTIONS', 0),
    },
    admission: {
      maxEventLoopDelayMs: intFrom(env, 'MAX_EVENT_LOOP_DELAY_MS', 500),
      memoryCapBytes: intFrom(env, 'MEMORY_CAP_MB', 1024) * 1024 * 1024,
      maxPendingReports: intFrom(env, 'MAX_PENDING_REPORTS', 2000, 1),
      maxInFlight: intFrom(env, 'MAX_IN_FLIGHT', 64),
      maxQueueWaitMs: intFrom(env, 'MAX_QUEUE_WAIT_MS', 500),
      bodyGraceMs: intFrom(env, 'IN_FLIGHT_BODY_GRACE_MS', 250),
      retryAfterSeconds: intFrom(env, 'SHED_RETRY_AFTER_SECONDS', 2, 1),
    },
    alerts: alertsFrom(env),
    ...overrides,
  };
}
