// One time-ordered list of the markers, statements and claims: what the desk panel and the PDF
// section draw. Plain values in, plain values out.
import type { AttributionView, ClaimView, StatementView } from '../presenters/attribution.js';
import type { Marker } from './types.js';

export type TimelineEntry =
  | { type: 'marker'; at: string; marker: Marker }
  | { type: 'statement'; at: string; statement: StatementView }
  | { type: 'claim'; at: string; claim: ClaimView };

export const MARKER_LABELS: Record<Marker['kind'], string> = {
  onset: 'Outage began',
  'first-report': 'First crowd report',
  detection: 'Detected',
  'first-media': 'First media item',
  'first-official': 'First official statement',
  restoration: 'Service restored',
};

/** Markers first among equal times: a statement at the moment of restoration follows it. */
const RANK = { marker: 0, statement: 1, claim: 2 } as const;

export function attributionTimeline(v: Pick<AttributionView, 'markers' | 'statements' | 'claims'>): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...v.markers.map((marker) => ({ type: 'marker' as const, at: marker.at, marker })),
    ...v.statements.map((statement) => ({ type: 'statement' as const, at: statement.saidAt, statement })),
    ...v.claims.map((claim) => ({ type: 'claim' as const, at: claim.claimedAt, claim })),
  ];
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || RANK[a.type] - RANK[b.type]);
}

/** What a statement asserts, in words ("cause: configuration; no malicious activity seen"). */
export function assertsInWords(s: StatementView): string {
  const a = s.asserts;
  const mal = { 'none-seen': 'no malicious activity seen', possible: 'malicious activity possible', confirmed: 'malicious activity confirmed' } as const;
  return [
    a.cause ? `cause: ${a.cause}` : '',
    a.maliciousActivity ? mal[a.maliciousActivity] : '',
    a.restoration ? 'service restored' : '',
    a.creditOffered ? `credit offered: ${a.creditOffered.description}${a.creditOffered.amountUsd !== null ? ` ($${a.creditOffered.amountUsd})` : ''}` : '',
  ].filter(Boolean).join('; ');
}
