// The one place that reads the environment. Validated once, fails fast with a clear message.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
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
  /** A session ends after this long without use… */
  sessionIdleMinutes: number;
  /** …or this long after sign-in, however active. */
  sessionMaxHours: number;
  /** Bearer token that /metrics requires; unset: /metrics always answers 401. */
  metricsToken: string | undefined;
  /** Connection limits (src/http/connections.ts): slow or idle clients cannot hold sockets. */
  connections: ConnectionLimits;
  /** Load shedding (src/http/admission.ts). */
  admission: AdmissionLimits;
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
    intakeRateLimit: intFrom(env, 'INTAKE_RATE_LIMIT', 10),
    adminEmail: env.ADMIN_EMAIL || 'admin@localhost',
    publicMinCount: intFrom(env, 'PUBLIC_MIN_COUNT', 10, 1),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    logLevel: env.LOG_LEVEL || 'info',
    detect: boolFrom(env, 'DETECT', true),
    loginRateLimit: intFrom(env, 'LOGIN_RATE_LIMIT', 10, 1),
    loginAccountLimit: intFrom(env, 'LOGIN_ACCOUNT_LIMIT', 10, 1),
    loginGlobalLimit: intFrom(env, 'LOGIN_GLOBAL_LIMIT', 120, 1),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 120, 1),
    sessionMaxHours: intFrom(env, 'SESSION_MAX_HOURS', 12, 1),
    metricsToken: env.METRICS_TOKEN || undefined,
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
      retryAfterSeconds: intFrom(env, 'SHED_RETRY_AFTER_SECONDS', 2, 1),
    },
    ...overrides,
  };
}
