// What official sources (the carrier, agencies) said about an attack: ruled it out, confirmed
// one, or neither. Experts, media and others are heard but do not decide a verdict.
import { isOfficial, sourceLabel } from './markers.js';
import type { Statement } from './types.js';
import { NON_MALICIOUS_CAUSES } from './types.js';
import { utc } from './words.js';

export interface OfficialWord {
  rulesOut: string[];
  confirms: string[];
  /** Said but not deciding: unknown causes, "possible", unofficial voices. */
  notes: string[];
}

const when = (s: Statement) => utc(s.saidAt);

export function officialWord(statements: Statement[]): OfficialWord {
  const w: OfficialWord = { rulesOut: [], confirms: [], notes: [] };
  const ordered = [...statements].sort((a, b) => Date.parse(a.saidAt) - Date.parse(b.saidAt));
  for (const s of ordered) {
    const who = sourceLabel(s);
    const { cause, maliciousActivity: mal } = s.asserts;
    const attack = cause === 'cyberattack' || mal === 'confirmed';
    const noAttack = (cause !== undefined && NON_MALICIOUS_CAUSES.has(cause)) || mal === 'none-seen';
    if (!isOfficial(s)) {
      if (attack || mal === 'possible') w.notes.push(`${who} spoke of an attack (${when(s)}); not an official source, so it does not decide the verdict.`);
      continue;
    }
    if (noAttack) {
      const parts = [cause && NON_MALICIOUS_CAUSES.has(cause) ? `gave a non-malicious cause (${cause})` : '', mal === 'none-seen' ? 'saw no indication of malicious activity' : ''];
      w.rulesOut.push(`${who} ${parts.filter(Boolean).join(' and ')} (${when(s)}).`);
    }
    if (attack) w.confirms.push(`${who} ${cause === 'cyberattack' ? 'named a cyberattack as the cause' : 'confirmed malicious activity'} (${when(s)}).`);
    if (mal === 'possible') w.notes.push(`${who} called malicious activity possible (${when(s)}).`);
  }
  return w;
}
