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
  /** Monthly price per carrier brand in US dollars, for the credits owed (`MONTHLY_PRICES`). */
  monthlyPrices: Record<string, number>;
  /** Credit per account a network's carrier offers by default, until staff set the offer of an incident (`OFFERED_CREDITS`). */
  offeredCredits: Record<string, number>;
  /** The office's own state (2-digit FIPS), from `JURISDICTION` (postal code or FIPS); undefined = none. */
  jurisdiction: string | undefined;
  /** The office that runs this desk, shown in the public pages' header and footer. */
  office: OfficeConfig;
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
    monthlyPrices: pricesFrom(env, 'MONTHLY_PRICES', DEFAULT_MONTHLY_PRICES),
    offeredCredits: pricesFrom(env, 'OFFERED_CREDITS', DEFAULT_OFFERED_CREDITS),
    jurisdiction: jurisdictionFrom(env),
    office: officeFrom(env),
    ...overrides,
  };
}
