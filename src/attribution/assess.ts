// The assessment of one claim: its timing, whether it is post-event, and a verdict with the
// reasons that led there. Pure and deterministic: the same incident, statements and claim
// always give the same answer, so it is recomputed on every read and follows their changes.
//
// Verdict rules, first that applies wins (listed in the README):
//   1. contradicted — the claim is about a collateral incident: that network did not fail.
//   2. contradicted — an official source (carrier, agency) ruled an attack out and none confirmed one.
//   3. corroborated — an official source confirmed an attack, none ruled it out, and nothing the
//      claim says about method, place or time conflicts with what detection saw.
//   4. doubtful     — the claim is post-event, or its method, place or time conflicts with detection.
//   5. unverified   — nothing confirms it or rules it out.
import { incidentMarkers, type IncidentMarkers } from './markers.js';
import { officialWord } from './official-word.js';
import { signatureMismatches } from './signature.js';
import { claimTiming } from './timing.js';
import type { Assessment, Claim, IncidentFacts, RegionNamer, Statement, Verdict } from './types.js';

const asIs: RegionNamer = (_level, region) => region;

export function assessClaim(claim: Claim, incident: IncidentFacts, statements: Statement[], name: RegionNamer = asIs, markers?: IncidentMarkers): Assessment {
  const m = markers ?? incidentMarkers(incident, statements);
  const t = claimTiming(claim.claimedAt, m);
  const mismatches = signatureMismatches(claim, incident, m, statements, name);
  const word = officialWord(statements);
  const reasons = [...t.reasons, ...mismatches, ...word.rulesOut, ...word.confirms, ...word.notes];
  const verdict = decide(incident, t.postEvent, mismatches, word.rulesOut.length > 0, word.confirms.length > 0, reasons);
  return { timing: t.timing, postEvent: t.postEvent, verdict, reasons };
}

function decide(i: IncidentFacts, postEvent: boolean, mismatches: string[], ruledOut: boolean, confirmed: boolean, reasons: string[]): Verdict {
  if (i.kind === 'collateral') {
    const primary = i.primaryNetwork ? `${i.primaryNetwork}'s` : 'another network’s';
    reasons.push(`Contradicted: detection found ${i.network}'s network working; its reports came from people trying to reach ${primary} customers (collateral of ${i.primaryIncidentId ?? 'another incident'}).`);
    return 'contradicted';
  }
  if (ruledOut && !confirmed) {
    reasons.push('Contradicted: official statements rule out an attack and none confirms one.');
    return 'contradicted';
  }
  if (confirmed && !ruledOut && mismatches.length === 0) {
    reasons.push('Corroborated: an official statement confirms an attack, none rules it out, and the claim fits what detection saw.');
    return 'corroborated';
  }
  const disagree = confirmed && ruledOut ? 'Official statements disagree. ' : '';
  if (postEvent || mismatches.length > 0) {
    const why = [postEvent ? 'made only after the outage was public' : '', mismatches.length ? 'conflicts with what detection saw' : ''].filter(Boolean).join(' and ');
    const settle = confirmed && !ruledOut ? 'an official statement confirms an attack, but not this claim of it' : 'no official statement settles it';
    reasons.push(`${disagree}Doubtful: the claim is ${why}, and ${settle}.`);
    return 'doubtful';
  }
  if (!confirmed && !ruledOut) reasons.push('No official statement confirms or rules out an attack.');
  reasons.push(`${disagree}Unverified: nothing on record confirms the claim or rules it out.`);
  return 'unverified';
}
