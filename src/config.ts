// The one place that reads the environment. Validated once, fails fast with a clear message.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  intakeRateLimit: number; // reports accepted per client per minute; 0 = unlimited
  fingerprintSecret: string | undefined;
  adminEmail: string;
  publicMinCount: number;
  trustProxy: boolean;
  logLevel: string;
  detect: boolean;
  /** Sign-in attempts per network address per minute, the form and the API together. */
  loginRateLimit: number;
  /** A session ends after this long without use… */
  sessionIdleMinutes: number;
  /** …or this long after sign-in, however active. */
  sessionMaxHours: number;
  /** The office that runs this desk, shown in the public pages' header and footer. */
  office: OfficeConfig;
  /** Partner alerts and the public's e-mail subscriptions (README "Alerts and subscriptions"). */
  alerts: AlertsConfig;
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
  jurisdiction: string;
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
  return { name: env.OFFICE_NAME || 'Outage Desk', logoUrl, contact: env.OFFICE_CONTACT || '', jurisdiction: env.OFFICE_JURISDICTION || '', timeZone };
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
    fingerprintSecret: env.FINGERPRINT_SECRET || undefined,
    adminEmail: env.ADMIN_EMAIL || 'admin@localhost',
    publicMinCount: intFrom(env, 'PUBLIC_MIN_COUNT', 10, 1),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    logLevel: env.LOG_LEVEL || 'info',
    detect: boolFrom(env, 'DETECT', true),
    loginRateLimit: intFrom(env, 'LOGIN_RATE_LIMIT', 10, 1),
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 120, 1),
    sessionMaxHours: intFrom(env, 'SESSION_MAX_HOURS', 12, 1),
    office: officeFrom(env),
    alerts: alertsFrom(env),
    ...overrides,
  };
}
