// Does what the claim says (method, place, time) fit what detection observed? Each mismatch is
// a reason in words; an empty list means nothing the claim says conflicts with the observations.
import type { ScopeLevel } from '../detect/index.js';
import type { IncidentMarkers } from './markers.js';
import type { Claim, IncidentFacts, RegionNamer, Statement } from './types.js';
import { NON_MALICIOUS_CAUSES } from './types.js';
import { span, utc } from './words.js';

/** Detection opened within this of onset at this many times the expected count: an abrupt loss. */
const ABRUPT_MS = 15 * 60_000;
const ABRUPT_RATIO = 5;
/** A claimed attack time fits when it is this close before / after the estimated onset. */
const ATTACK_LEAD_MS = 60 * 60_000;
const ATTACK_LAG_MS = 30 * 60_000;

export const isAbrupt = (i: IncidentFacts): boolean =>
  Date.parse(i.detectedAt) - Date.parse(i.onsetAt) <= ABRUPT_MS && i.openingRatio >= ABRUPT_RATIO;

function restoredByCarrier(statements: Statement[]): Statement | undefined {
  return statements.find((s) => s.source === 'carrier' && (s.asserts.restoration === true || (s.asserts.cause !== undefined && NON_MALICIOUS_CAUSES.has(s.asserts.cause))));
}

function methodMismatch(claim: Claim, i: IncidentFacts, statements: Statement[]): string | null {
  const wide = i.scope.level === 'nation';
  if (claim.claimedMethod === 'ddos' && wide && isAbrupt(i)) {
    const carrier = restoredByCarrier(statements);
    const fix = carrier ? `, ended by the carrier's own action (${carrier.speaker}, ${utc(carrier.saidAt)})` : '';
    return `A DDoS does not fit what detection saw: an abrupt loss of service across the whole network (nation scope, ${Math.round(i.openingRatio)}× the expected reports within ${span(Date.parse(i.detectedAt) - Date.parse(i.onsetAt))} of onset)${fix}; a flood of traffic degrades service under load rather than cutting a whole network off at once.`;
  }
  if (claim.claimedMethod === 'sabotage' && wide) return 'Physical sabotage strikes sites or cables in one area; detection saw the whole network fail at once (nation scope).';
  return null;
}

const stateOf = (level: ScopeLevel, region: string): string => (level === 'county' ? region.slice(0, 2) : region);

/** Two regions overlap when one contains the other (a county lies in its state, everything in the nation). */
function overlaps(aLevel: ScopeLevel, a: string, bLevel: ScopeLevel, b: string): boolean {
  if (aLevel === 'nation' || bLevel === 'nation') return true;
  if (aLevel === 'county' && bLevel === 'county') return a === b;
  return stateOf(aLevel, a) === stateOf(bLevel, b);
}

function regionMismatch(claim: Claim, i: IncidentFacts, name: RegionNamer): string | null {
  const c = claim.claimedScope;
  if (!c) return null;
  const seen = i.scope.regions.map((r) => name(i.scope.level, r)).join(', ');
  const claimed = c.regions.map((r) => name(c.level, r)).join(', ');
  if (c.level === 'nation' && i.scope.level !== 'nation') return `Claims the whole country; detection saw the outage only in ${seen} (${i.scope.level} scope).`;
  const hit = c.regions.some((r) => i.scope.regions.some((s) => overlaps(c.level, r, i.scope.level, s)));
  return hit ? null : `Claims ${claimed}; detection saw the outage in ${seen}, which does not include it.`;
}

function timeMismatch(claim: Claim, m: IncidentMarkers): string | null {
  if (!claim.claimedAttackAt) return null;
  const d = Date.parse(claim.claimedAttackAt) - Date.parse(m.onset.at);
  if (d >= -ATTACK_LEAD_MS && d <= ATTACK_LAG_MS) return null;
  return `Says the attack began ${utc(claim.claimedAttackAt)}, ${span(d)} ${d < 0 ? 'before' : 'after'} the outage began (${utc(m.onset.at)}).`;
}

export function signatureMismatches(claim: Claim, i: IncidentFacts, m: IncidentMarkers, statements: Statement[], name: RegionNamer): string[] {
  return [methodMismatch(claim, i, statements), regionMismatch(claim, i, name), timeMismatch(claim, m)].filter((r): r is string => r !== null);
}
