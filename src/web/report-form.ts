// The public report form as data: what the browser posts (flat, urlencoded fields), how it
// becomes the report body the API also takes, and the human wording of field errors.
import type { FieldError } from '../intake/field-errors.js';
import { DESCRIPTION_MAX, SERVICES } from '../intake/schema.js';

export const STARTED_CHOICES = [
  { value: 'now', label: 'Just now', minutesAgo: 0 },
  { value: '15m', label: 'About 15 minutes ago', minutesAgo: 15 },
  { value: '1h', label: 'About 1 hour ago', minutesAgo: 60 },
  { value: 'earlier', label: 'Earlier', minutesAgo: null },
] as const;

export const SERVICE_LABELS: Record<(typeof SERVICES)[number], string> = {
  voice: 'Calls (voice)',
  sms: 'Texts (SMS)',
  data: 'Mobile data / internet',
  '911': 'Calling 911',
};

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
  tzOffset: '0', calledCarrier: '', description: '', name: '', email: '', phone: '', consentToContact: false, website: '',
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
    tzOffset: one('tzOffset', '0'), calledCarrier: one('calledCarrier'), description: one('description'),
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

/** The report body of the JSON API, plus errors only the form can have (a missing "earlier" time). */
export function toReportBody(f: ReportForm, now: Date): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const body: Record<string, unknown> = { carrier: f.carrier, services: f.services, sosMode: f.sosMode, zip: f.zip };
  const choice = STARTED_CHOICES.find((c) => c.value === f.started) ?? STARTED_CHOICES[0];
  if (choice.minutesAgo !== null) body.startedAt = new Date(now.getTime() - choice.minutesAgo * 60_000).toISOString();
  else {
    const at = localToUtc(f.startedAtLocal, f.tzOffset);
    if (at) body.startedAt = at.toISOString();
    else errors.push({ path: 'startedAt', message: 'Enter the date and time it started, or choose one of the quick answers.' });
  }
  if (f.ended === 'yes') {
    // "Yes" without a time means it is back now, as the field's hint says.
    const at = f.endedAtLocal === '' ? now : localToUtc(f.endedAtLocal, f.tzOffset);
    if (at) body.endedAt = at.toISOString();
    else errors.push({ path: 'endedAt', message: 'Enter the date and time service came back, or leave it empty if it just came back.' });
  }
  if (f.calledCarrier) body.calledCarrier = f.calledCarrier;
  if (f.description) body.description = f.description;
  const contact = Object.fromEntries(Object.entries({ name: f.name.trim(), email: f.email, phone: f.phone }).filter(([, v]) => v !== ''));
  if (Object.keys(contact).length > 0) body.contact = contact;
  if (f.consentToContact) body.consentToContact = true;
  if (f.website) body.website = f.website;
  return { body, errors };
}

/** Where each report field lives in the form: the input an error links to, and what to tell the person. */
const FIELD_ERRORS: Record<string, { field: keyof ReportForm; message: string }> = {
  carrier: { field: 'carrier', message: 'Choose your mobile carrier.' },
  services: { field: 'services', message: 'Choose at least one thing that does not work.' },
  sosMode: { field: 'sosMode', message: 'Check the box only if your phone showed SOS.' },
  zip: { field: 'zip', message: 'Enter the 5-digit U.S. ZIP code where it happened, for example 30303.' },
  startedAt: { field: 'startedAtLocal', message: 'Enter when it started: within the last 30 days and not in the future.' },
  endedAt: { field: 'endedAtLocal', message: 'Enter when service came back: after it started and not in the future.' },
  calledCarrier: { field: 'calledCarrier', message: 'Choose a carrier from the list, or "I don’t know".' },
  description: { field: 'description', message: `Keep the description to ${DESCRIPTION_MAX} characters or fewer.` },
  'contact.name': { field: 'name', message: 'Keep your name to 200 characters or fewer.' },
  'contact.email': { field: 'email', message: 'Enter an email address like name@example.com.' },
  'contact.phone': { field: 'phone', message: 'Enter a phone number like 404-555-0123.' },
  consentToContact: { field: 'consentToContact', message: 'Check the box only if we may contact you.' },
  website: { field: 'website', message: 'Leave this field empty.' },
};

/**
 * One message per form field. The validator's own wording is for API clients; people get the
 * field's guidance instead, except for the form's own errors, which are already worded for them.
 */
export function formErrors(formOwn: FieldError[], validator: FieldError[]): Map<keyof ReportForm, string> {
  const out = new Map<keyof ReportForm, string>();
  for (const e of formOwn) {
    const target = FIELD_ERRORS[e.path];
    if (target && !out.has(target.field)) out.set(target.field, e.message);
  }
  for (const e of validator) {
    const target = FIELD_ERRORS[e.path];
    if (target && !out.has(target.field)) out.set(target.field, target.message);
  }
  return out;
}
