// Incidents in plain words, in the reader's language and time zone:
// "AT&T: calls, texts and data failing nationwide since 3:45 a.m. ET".
import type { PublicIncident } from '../../status/index.js';
import type { Messages } from '../i18n/index.js';
import { stateNameOf } from './atlas.js';

export function whereWords(m: Messages, i: PublicIncident): string {
  if (i.scope.level === 'nation') return m.status.nationwide;
  if (i.scope.level === 'state') return m.status.inStates(m.list(i.scope.regions.map(stateNameOf)));
  const states = [...new Set(i.scope.regions.map((c) => c.slice(0, 2)))];
  return states.length === 1 ? m.status.inCounties(i.scope.regions.length, stateNameOf(states[0]!)) : m.status.inCountiesMany(i.scope.regions.length);
}

/** A time with its zone, as every public time is shown: "3:45 a.m. ET", or "Feb 22, 3:45 a.m. ET" when not today. */
export function timeWords(m: Messages, iso: string, timeZone: string, now: number): string {
  const d = new Date(iso);
  const sameDay = m.time.format(d, timeZone).split(',')[0] === m.time.format(new Date(now), timeZone).split(',')[0];
  return `${sameDay ? m.time.clock(d, timeZone) : m.time.format(d, timeZone)} ${m.time.zone(d, timeZone)}`;
}

export function incidentWords(m: Messages, i: PublicIncident, timeZone: string, now: number): string {
  const where = whereWords(m, i);
  if (i.resolvedAt) return m.status.incidentResolved(i.networkName, where, timeWords(m, i.onsetAt, timeZone, now), timeWords(m, i.resolvedAt, timeZone, now));
  const services = i.services.length > 0 ? m.list(i.services.map((s) => m.serviceWords[s])) : m.status.someServices;
  return m.status.incidentWords(i.networkName, services, where, timeWords(m, i.onsetAt, timeZone, now));
}
