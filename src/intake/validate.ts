// Everything a report must satisfy, as one pure function: structure (the shared JSON Schema)
// and domain rules (known carrier and ZIP, sane times, contact formats). Used by the API, the
// web form and the importer alike; the clock comes in as `receivedAt`.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { findCarrier, lookupZip } from '../reference/index.js';
import { fieldErrorsFromAjv, type FieldError } from './field-errors.js';
import { isRealInstant, isStorableText } from './text-rules.js';
import { importRowSchema, reportBodySchema, SERVICES, type Service } from './schema.js';

export type Source = 'web' | 'api' | 'import' | 'sim';

export interface ValidReport {
  carrier: string;
  network: string;
  services: Service[];
  sosMode: boolean;
  zip: string;
  county: string;
  state: string;
  /** Null when the reporter did not say: the problem started when they reported it. */
  startedAt: Date | null;
  endedAt: Date | null;
  calledCarrier: string | null;
  calledNetwork: string | null;
  description: string;
  contact: { name: string | null; email: string | null; phone: string | null };
  consentToContact: boolean;
  /** Import only: a replayed row's own receipt time and client id. */
  receivedAt: Date | null;
  fingerprint: string | null;
  source: Source | null;
}

export type Validation =
  | { ok: true; report: ValidReport; honeypot: boolean }
  | { ok: false; errors: FieldError[] };

/** Phones and servers disagree on the time by a little; a report "from the future" within this is fine. */
const CLOCK_SKEW_MS = 5 * 60_000;
const MAX_REPORT_AGE_MS = 30 * 24 * 3600_000;
/** Replayed rows older than this are a wrong column or unit, not history (UUIDv7 needs >= 1970). */
const EARLIEST_RECEIVED_AT = Date.UTC(2000, 0, 1);

/** Free-text fields that are stored. PostgreSQL text cannot hold NUL; neither should SQLite. */
const TEXT_FIELDS = ['description', 'fingerprint'] as const;
const CONTACT_FIELDS = ['name', 'email', 'phone'] as const;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
ajv.addFormat('date-time', { type: 'string', validate: isRealInstant });
const checkBody = ajv.compile(reportBodySchema);
const checkImportRow = ajv.compile(importRowSchema);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{7,40}$/;

type Body = Record<string, unknown> & { contact?: Record<string, string> };

export function validateReport(input: unknown, ctx: { receivedAt: Date; importRow?: boolean }): Validation {
  const check = ctx.importRow ? checkImportRow : checkBody;
  const structural = check(input) ? [] : fieldErrorsFromAjv(check.errors ?? []);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, errors: structural };
  const body = input as Body;
  const broken = new Set(structural.map((e) => e.path));
  const errors = [...structural, ...domainErrors(body, ctx.receivedAt).filter((e) => !broken.has(e.path))];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, report: toValidReport(body), honeypot: typeof body.website === 'string' && body.website.trim() !== '' };
}

function time(v: unknown): Date | null {
  if (typeof v !== 'string') return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

function domainErrors(body: Body, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  // One message per field: the first rule it breaks.
  const add = (path: string, message: string) => {
    if (!errors.some((e) => e.path === path)) errors.push({ path, message });
  };
  if (typeof body.carrier === 'string' && body.carrier && !findCarrier(body.carrier)) add('carrier', `unknown carrier "${body.carrier}"`);
  if (typeof body.calledCarrier === 'string' && !findCarrier(body.calledCarrier)) add('calledCarrier', `unknown carrier "${body.calledCarrier}"`);
  if (typeof body.zip === 'string' && /^\d{5}$/.test(body.zip) && !lookupZip(body.zip)) add('zip', `unknown ZIP code "${body.zip}"`);
  for (const f of TEXT_FIELDS) if (unstorable(body[f])) add(f, UNSTORABLE_MESSAGE);
  for (const f of CONTACT_FIELDS) if (unstorable(body.contact?.[f])) add(`contact.${f}`, UNSTORABLE_MESSAGE);
  const receivedAt = time(body.receivedAt) ?? now;
  if (body.receivedAt !== undefined && receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) add('receivedAt', 'is in the future');
  if (receivedAt.getTime() < EARLIEST_RECEIVED_AT) add('receivedAt', 'is before 2000-01-01');
  const startedAt = time(body.startedAt);
  const endedAt = time(body.endedAt);
  if (startedAt && startedAt.getTime() > receivedAt.getTime() + CLOCK_SKEW_MS) add('startedAt', 'is after the report was received');
  if (startedAt && startedAt.getTime() < receivedAt.getTime() - MAX_REPORT_AGE_MS) add('startedAt', 'is more than 30 days before the report');
  if (endedAt && endedAt.getTime() > receivedAt.getTime() + CLOCK_SKEW_MS) add('endedAt', 'is after the report was received');
  if (endedAt && endedAt.getTime() < (startedAt ?? receivedAt).getTime()) add('endedAt', 'is before startedAt');
  const email = body.contact?.email;
  if (typeof email === 'string' && email !== '' && !EMAIL.test(email)) add('contact.email', 'is not an email address');
  const phone = body.contact?.phone;
  if (typeof phone === 'string' && phone !== '' && !PHONE.test(phone)) add('contact.phone', 'is not a phone number');
  return errors;
}

const UNSTORABLE_MESSAGE = 'must not contain NUL or unpaired surrogate characters';
const unstorable = (v: unknown): boolean => typeof v === 'string' && !isStorableText(v);

const orNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

function toValidReport(body: Body): ValidReport {
  const carrier = findCarrier(body.carrier as string)!;
  const place = lookupZip(body.zip as string)!;
  const called = typeof body.calledCarrier === 'string' ? findCarrier(body.calledCarrier) : undefined;
  const receivedAt = time(body.receivedAt);
  const services = SERVICES.filter((s) => (body.services as string[]).includes(s));
  return {
    carrier: carrier.id,
    network: carrier.network,
    services,
    sosMode: body.sosMode === true,
    zip: place.zip,
    county: place.county,
    state: place.state,
    startedAt: time(body.startedAt),
    endedAt: time(body.endedAt),
    calledCarrier: called?.id ?? null,
    calledNetwork: called?.network ?? null,
    description: typeof body.description === 'string' ? body.description : '',
    contact: { name: orNull(body.contact?.name), email: orNull(body.contact?.email), phone: orNull(body.contact?.phone) },
    consentToContact: body.consentToContact === true,
    receivedAt,
    fingerprint: orNull(body.fingerprint),
    source: (body.source as Source | undefined) ?? null,
  };
}
