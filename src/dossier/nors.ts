// A NORS-style notification drafted from the public evidence, with the fields 47 CFR 4.11 asks
// a provider's notification to carry, so the office can set it beside what the carrier filed.
// Pure: every value comes in as a plain argument.
import type { Impact } from './impact.js';

export interface NorsDraft {
  reportType: 'notification';
  carrier: string;
  onsetAt: string; // ISO UTC
  onsetLocal: string; // the same instant in US Eastern time, as filings commonly give it
  description: string;
  servicesAffected: string[];
  affects911: boolean;
  geographicArea: string;
  estimatedUsersAffected: number;
  estimatedUserMinutes: number;
  durationMinutes: number;
  resolved: boolean;
  contact: string;
}

export interface NorsInput {
  networkName: string;
  onsetAt: string;
  /** Services and the share of reporters naming each (0..1). */
  services: Record<string, number>;
  area: string;
  impact: Impact;
  resolved: boolean;
  contact: string;
}

const SERVICE_NAMES: Record<string, string> = { voice: 'voice calls', sms: 'text messages', data: 'mobile data', '911': '911 calls' };
/** A service counts as affected when at least this share of reporters named it. */
export const SERVICE_SHARE_MIN = 0.1;

const eastern = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

export function draftNors(x: NorsInput): NorsDraft {
  const affected = Object.entries(x.services).filter(([, share]) => share >= SERVICE_SHARE_MIN).sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const names = affected.map((s) => SERVICE_NAMES[s] ?? s);
  const m = x.impact;
  const hours = (m.durationMinutes / 60).toFixed(1);
  const description =
    `Public reports show a loss of ${names.join(', ') || 'service'} on the ${x.networkName} network in ${x.area}, ` +
    `${x.resolved ? `lasting ${hours} hours` : `ongoing after ${hours} hours`}; ${m.reports.toLocaleString('en-US')} reports, ` +
    `${m.reportsSos.toLocaleString('en-US')} of phones in SOS mode, ${m.reports911.toLocaleString('en-US')} naming 911.`;
  return {
    reportType: 'notification',
    carrier: x.networkName,
    onsetAt: x.onsetAt,
    onsetLocal: eastern.format(new Date(x.onsetAt)),
    description,
    servicesAffected: affected,
    affects911: m.fcc.affects911,
    geographicArea: x.area,
    estimatedUsersAffected: Math.round(m.userMinutes.usersAffected),
    estimatedUserMinutes: Math.round(m.userMinutes.estimated),
    durationMinutes: Math.round(m.durationMinutes),
    resolved: x.resolved,
    contact: x.contact,
  };
}
