// Why detection opened an incident, and why it calls it collateral, in the words staff use on the phone.
import { count, percent } from '../format.js';
import { networkName, stateName } from '../names.js';
import type { CollateralEvidence, OpeningEvidence } from '../types.js';

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
  return c.rule === 'called-network'
    ? `${percent(c.calledShare)} of its extra reporters said they were calling ${primary} customers; ${tracking}.`
    : `Its excess is small (${percent(c.excessRatio)} of ${primary}'s); ${tracking}.`;
}
