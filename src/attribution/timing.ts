// When a claim was first made, against the incident's markers.
import type { IncidentMarkers } from './markers.js';
import type { Timing } from './types.js';
import { span, utc } from './words.js';

export interface TimingFinding {
  timing: Timing;
  postEvent: boolean;
  reasons: string[];
}

export function claimTiming(claimedAt: string, m: IncidentMarkers): TimingFinding {
  const at = Date.parse(claimedAt);
  const onset = Date.parse(m.onset.at);
  const publicAt = Date.parse(m.publicFrom.at);
  const restored = m.restoration ? Date.parse(m.restoration.at) : null;
  const postEvent = at >= publicAt;
  const reasons: string[] = [];
  let timing: Timing;
  if (at < onset) {
    timing = 'pre-onset';
    reasons.push(`Claimed ${utc(claimedAt)}, ${span(onset - at)} before the outage began (${utc(m.onset.at)}).`);
  } else if (restored !== null && at >= restored) {
    timing = 'after-restoration';
    reasons.push(`Claimed ${utc(claimedAt)}, ${span(at - restored)} after service was restored (${utc(m.restoration!.at)}, ${m.restoration!.by}).`);
  } else if (!postEvent) {
    timing = 'before-public';
    reasons.push(`Claimed ${utc(claimedAt)}, during the outage but ${span(publicAt - at)} before it was public (${utc(m.publicFrom.at)}, ${m.publicFrom.by}).`);
  } else {
    timing = 'after-public';
    reasons.push(`Claimed ${utc(claimedAt)}, during the outage, ${span(at - publicAt)} after it was public (${utc(m.publicFrom.at)}, ${m.publicFrom.by}).`);
  }
  if (postEvent) reasons.push('First made only after the outage was public knowledge: post-event claiming, the pattern of false claims of responsibility.');
  return { timing, postEvent, reasons };
}
