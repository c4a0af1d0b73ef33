// The public report form as data: what the browser posts (flat, urlencoded fields), how it
// becomes the report body the API also takes, and the human wording of field errors.
import type { FieldError } from '../intake/field-errors.js';
import { DESCRIPTION_MAX, SERVICES } from '../intake/schema.js';
import { lookupZip, timeZoneOf } from '../reference/index.js';
import { en } from './i18n/en.js';
import type { Messages } from './i18n/index.js';

export const STARTED_CHOICES = [
  { value: 'now', minutesAgo: 0 },
  { value: '15m', minutesAgo: 15 },
  { value: '1h', minutesAgo: 60 },
  { value: 'earlier', minutesAgo: null },
] as const;

export const SERVICE_LABELS: Record<(typeof SERVICES)[number], string> = en.services;

export interface ReportForm {
  carrier: string;
  services: string[];
  sosMode: boolean;
  zip: string;
  started: string;
  startedAtLocal: string;
  ended: string;
  endedAtLocal: string;
  /** Minutes to add to the browser's local time to get UTC (JavaScript getTimezoneOffset). */
  tzOffset: string;
  calledCarrier: string;
  description: string;
  name: string;
  email: string;
  phone: string;
  consentToContact: boolean;
  website: string;
}

export const EMPTY_FORM: ReportForm = {
  carrier: '', services: [], sosMode: false, zip: '', started: 'now', startedAtLocal: '', ended: 'no', endedAtLocal: '',
  tzOffset: '', calledCarrier: '', description: '', name: '', email: '', phone: '', consentToContact: false, website: '',
};

/** Reads a parsed urlencoded body defensively: anything may arrive, not only what the form sends. */
export function readForm(body: unknown): ReportForm {
  const b = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const one = (k: string, fallback = ''): string => {
    const v = b[k];
    const s = Array.isArray(v) ? v[0] : v;
    return typeof s === 'string' ? s : fallback;
  };
  const many = (k: string): string[] => {
    const v = b[k];
    return (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string');
  };
  return {
    carrier: one('carrier'), services: many('services'), sosMode: one('sosMode') === 'yes', zip: one('zip').trim(),
    started: one('started', 'now'), startedAtLocal: one('startedAtLocal'), ended: one('ended', 'no'), endedAtLocal: one('endedAtLocal'),
    tzOffset: one('tzOffset', ''), calledCarrier: one('calledCarrier'), description: one('description'),
    name: one('name'), email: one('email').trim(), phone: one('phone').trim(), consentToContact: one('consentToContact') === 'yes',
    website: one('website'),
  };
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A datetime-local value read in the browser's zone, as UTC. The offset is the browser's
 * offset at the time of filling in; across a DST change within the 30-day window that can be
 * an hour off, which is finer than anyone remembers when an outage began.
 */
export function localToUtc(local: string, tzOffset: string): Date | undefined {
  const m = LOCAL_TIME.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const offset = Number.parseInt(tzOffset, 10);
  const minutes = Number.isFinite(offset) && Math.abs(offset) <= 14 * 60 ? offset : 0;
  const t = Date.UTC(y, mo - 1, d, h, mi, s) + minutes * 60_000;
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** Minutes to add to local time in `timeZone` to get UTC, at about the instant `utcGuess`. */
function zoneOffsetMinutes(timeZone: string, utcGuess: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcGuess));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asLocal = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour') % 24, n('minute'), n('second'));
  return Math.round((utcGuess - asLocal) / 60_000);
}

/**
 * A datetime-local value read in the ZIP's time zone: what a form sent without JavaScript (no
 * browser offset) means by "03:45". Checked twice so a time next to a DST change lands right.
 */
export function zonedToUtc(local: string, timeZone: string): Date | undefined {
  const naive = localToUtc(local, '0');
  if (!naive) return undefined;
  let t = naive.getTime() + zoneOffsetMinutes(timeZone, naive.getTime()) * 60_000;
  t = naive.getTime() + zoneOffsetMinutes(timeZone, t) * 60_000;
  return new Date(t);
}

/** The browser's offset when its script ran; else the ZIP's zone; else UTC. */
function readLocal(local: string, f: ReportForm): Date | undefined {
  if (f.tzOffset !== '') return localToUtc(local, f.tzOffset);
  const place = /^\d{5}$/.test(f.zip) ? lookupZip(f.zip) : undefined;
  return place ? zonedToUtc(local, timeZoneOf(place)) : localToUtc(local, '0');
}

/** The report body of the JSON API, plus errors only the form can have (a missing "earlier" time). */
export function toReportBody(f: ReportForm, now: Date, m: Messages = en): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body: Record<string, unknown> = { carrier: f.carrier, services: f.services, sosMode: f.sosMode, zip: f.zip };
  const choice = STARTED_CHOICES.find((c) => c.value === f.started) ?? STARTED_CHOICES[0];
  if (choice.minutesAgo !== null) body.startedAt = new Date(now.getTime() - choice.minutesAgo * 60_000).toISOString();
  else {
    const at = readLocal(f.startedAtLocal, f);
    if (at) body.startedAt = at.toISOString();
    else errors.push({ path: 'startedAt', message: m.form.errors.startedAtMissing });
  }
  if (f.ended === 'yes') {
    // "Yes" without a time means it is back now, as the field's hint says.
    const at = f.endedAtLocal === '' ? now : readLocal(f.endedAtLocal, f);
    if (at) body.endedAt = at.toISOString();
    else errors.push({ path: 'endedAt', message: m.form.errors.endedAtMissing });
  }
  if (f.calledCarrier) body.calledCarrier = f.calledCarrier;
  if (f.description) body.description = f.description;
  const contact = Object.fromEntries(Object.entries({ name: f.name.trim(), email: f.email, phone: f.phone }).filter(([, v]) => v !== ''));
  if (Object.keys(contact).length > 0) body.contact = contact;
  if (f.consentToContact) body.consentToContact = true;
  if (f.website) body.website = f.website;
  return { body, errors };
}

/** Where each report field lives in the form: the input an error links to. */
const FIELD_OF: Record<string, keyof ReportForm> = {
  carrier: 'carrier', services: 'services', sosMode: 'sosMode', zip: 'zip', startedAt: 'startedAtLocal', endedAt: 'endedAtLocal',
  calledCarrier: 'calledCarrier', description: 'description', 'contact.name': 'name', 'contact.email': 'email', 'contact.phone': 'phone',
  consentToContact: 'consentToContact', website: 'website',
};

/** What to tell the person about a field, in their language. */
function guidance(m: Messages, field: keyof ReportForm, form: ReportForm | undefined): string {
  const e = m.form.errors;
  switch (field) {
    case 'zip':
      // A well-formed ZIP the validator refused is one we do not know: say so, not "enter 5 digits".
      return form && /^\d{5}$/.test(form.zip) && !lookupZip(form.zip) ? e.zipUnknown(form.zip) : e.zip;
    case 'startedAtLocal':
      return e.startedAt;
    case 'endedAtLocal':
      return e.endedAt;
    case 'description':
      return e.description(DESCRIPTION_MAX);
    default:
      return (e as Record<string, unknown>)[field] as string;
  }
}

/**
 * One message per form field. The validator's own wording is for API clients; people get the
 * field's guidance instead, except for the form's own errors, which are already worded for them.
 */
export function formErrors(formOwn: FieldError[], validator: FieldError[], m: Messages = en, form?: ReportForm): Map<keyof ReportForm, string> {
  const out = new Map<keyof ReportForm, string>();
  for (const e of formOwn) {
    const target = FIELD_OF[e.path];
    if (target && !out.has(target)) out.set(target, e.message);
  }
  for (const e of validator) {
    const target = FIELD_OF[e.path];
    if (target && !out.has(target)) out.set(target, guidance(m, target, form));
  }
  return out;
}
