// Why detection opened an incident, and why it calls it collateral, in the words staff use on the phone.
import { count, percent, utc } from '../format.js';
import { networkName, stateName } from '../names.js';
import type { CollateralEvidence, IncidentEvidence, OpeningEvidence, ScopeEvidence } from '../types.js';

function regionWords(o: OpeningEvidence, counties: Map<string, string> | undefined): string {
  if (o.level === 'nation') return 'across the country';
  if (o.level === 'state') return `in ${stateName(o.region)}`;
  return `in ${counties?.get(o.region) ?? `county ${o.region}`}`;
}

export function openingWords(o: OpeningEvidence, counties: Map<string, string> | undefined): string {
  const who = o.calledNetwork ? `people calling ${networkName(o.calledNetwork)} customers reported` : 'people reported';
  return (
    `In ${o.windowMinutes} minutes ${count(o.observed)} ${who} a problem ${regionWords(o, counties)} where ${count(Math.round(o.expected))} ${Math.round(o.expected) === 1 ? 'was' : 'were'} expected ` +
    `for that time of week: ${o.ratio.toFixed(1)} times as many. It was tested against ${count(Math.round(o.tested))} (the expected count with a safety margin), ` +
    `log-likelihood ratio ${Math.round(o.llr).toLocaleString('en-US')}; ${o.elevatedMinutes} of those minutes were above the margin, and ${percent(o.duplicateShare)} of raw reports were dropped as repeats from one person.`
  );
}

export function collateralWords(c: CollateralEvidence): string {
  const primary = networkName(c.primaryNetwork);
  const tracking = `it began ${c.lagMinutes} min after ${primary}'s outage and tracks it (correlation ${c.correlation.toFixed(2)})`;
  const judged = c.rule === 'called-network'
    ? `When it was classified, ${percent(c.calledShare)} of its extra reporters said they were calling ${primary} customers; ${tracking}.`
    : `When it was classified, its excess was small (${percent(c.excessRatio)} of ${primary}'s); ${tracking}.`;
  if (c.lifeCalledShare === undefined) return judged;
  return `${judged} Since its onset, ${percent(c.lifeCalledShare)} of its reporters there named ${primary} as the network they were calling.`;
}

const levelWords = (s: ScopeEvidence): string =>
  s.level === 'nation' ? 'the whole country' : `${count(s.regions)} ${s.level === 'state' ? (s.regions === 1 ? 'state' : 'states') : s.regions === 1 ? 'county' : 'counties'}`;

const BASIS: Record<ScopeEvidence['basis'], (s: ScopeEvidence) => string> = {
  nation: () => 'the excess was spread across the country',
  'confined-states': (s) => `the national count stood out, but its excess sat in ${levelWords(s)} (fewer than 25), so it covers those states`,
  states: (s) => `${levelWords(s)} stood out`,
  counties: (s) => `${levelWords(s)} held their state's excess`,
  trigger: () => 'only the place whose count crossed stood out',
  primary: () => "it was found from calls to the failed network, at that network's scope",
};

/** Why the incident has its scope: where it opened and, if it grew, what it is now. */
export function scopeEvidenceWords(e: IncidentEvidence): string | null {
  const first = e.openingScope;
  if (!first) return null;
  const opened = `It opened covering ${levelWords(first)} (${first.level} level): ${BASIS[first.basis](first)}.`;
  const now = e.scope;
  if (!now || (now.since === first.since && now.level === first.level && now.regions === first.regions)) return opened;
  return `${opened} It grew to ${levelWords(now)} (${now.level} level) at ${utc(now.since)}: ${BASIS[now.basis](now)}.`;
}
