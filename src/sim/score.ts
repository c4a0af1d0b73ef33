// Scores detected incidents against a run's ground truth, strictly: each incident belongs to
// at most one true outage; the first incident of an outage is its hit; a second incident of
// the same outage is a duplicate while the first is still open, a fragment after it closed;
// an incident matching no outage is false. Only hits count as found (bench:detect).
import type { Scope, Truth, TruthOutage } from './types.js';

/** What the scorer needs of an incident (the engine's Incident has these fields). */
export interface ScoredIncident {
  id: string;
  network: string;
  kind: 'primary' | 'collateral';
  primaryIncidentId: string | null;
  scope: Scope;
  onsetAt: string;
  detectedAt: string;
  resolvedAt: string | null;
}

export type Verdict = 'hit' | 'duplicate' | 'fragment' | 'false';

export interface OutageResult {
  outage: TruthOutage;
  hit: ScoredIncident | null;
  /** Minutes from the true onset to the hit's detection. */
  delayMinutes: number | null;
  scopeExact: boolean;
  /** Kind right, and a collateral points at its true primary's hit. */
  kindRight: boolean;
}

export interface DetectionScore {
  outages: OutageResult[];
  verdicts: Map<string, Verdict>;
  hits: number;
  missed: TruthOutage[];
  duplicates: ScoredIncident[];
  fragments: ScoredIncident[];
  falseIncidents: ScoredIncident[];
}

const TAIL_MS = 60 * 60_000; // reports trail on after restoration
const EARLY_MS = 30 * 60_000; // a detection may estimate its onset a little early

const ms = (iso: string | null): number => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

const statesOf = (s: Scope): Set<string> => new Set(s.regions.map((r) => r.slice(0, 2)));

export function scopesOverlap(a: Scope, b: Scope): boolean {
  if (a.level === 'nation' || b.level === 'nation') return true;
  if (a.level === 'county' && b.level === 'county') return a.regions.some((r) => b.regions.includes(r));
  const sa = statesOf(a);
  return [...statesOf(b)].some((s) => sa.has(s));
}

/** Share of the outage's states the incident covers (1 for nation vs nation), to pick between overlapping outages. */
function placeFit(inc: ScoredIncident, o: TruthOutage): number {
  if (o.scope.level === 'nation') return inc.scope.level === 'nation' ? 1 : 0.5;
  if (inc.scope.level === 'nation') return 0.5;
  const mine = statesOf(inc.scope);
  const theirs = [...statesOf(o.scope)];
  return theirs.filter((s) => mine.has(s)).length / theirs.length;
}

/** The true outage an incident belongs to: same network, overlapping time and place; the best fit of several. */
export function matchOutage(inc: ScoredIncident, truth: Truth): TruthOutage | undefined {
  const start = ms(inc.onsetAt);
  const end = Math.max(ms(inc.resolvedAt), ms(inc.detectedAt));
  let best: { o: TruthOutage; fit: number; gap: number } | undefined;
  for (const o of truth.outages) {
    const oStart = Date.parse(o.onsetAt);
    if (o.network !== inc.network || !(start < Date.parse(o.endAt) + TAIL_MS && end > oStart - EARLY_MS) || !scopesOverlap(inc.scope, o.scope)) continue;
    const fit = placeFit(inc, o);
    const gap = Math.abs(start - oStart);
    if (!best || fit > best.fit || (fit === best.fit && gap < best.gap)) best = { o, fit, gap };
  }
  return best?.o;
}

function scopeExact(inc: ScoredIncident, o: TruthOutage): boolean {
  if (o.scope.level === 'nation') return inc.scope.level === 'nation';
  if (o.scope.level === 'county') return inc.scope.level === 'county' && inc.scope.regions.includes(o.scope.regions[0]!);
  if (inc.scope.level !== 'state') return false;
  const found = statesOf(inc.scope);
  const want = statesOf(o.scope);
  return found.size === want.size && [...want].every((s) => found.has(s));
}

export function scoreDetection(truth: Truth, incidents: readonly ScoredIncident[]): DetectionScore {
  const verdicts = new Map<string, Verdict>();
  const byOutage = new Map<string, ScoredIncident[]>();
  const outageOf = new Map<string, TruthOutage>();
  const falseIncidents: ScoredIncident[] = [];
  for (const inc of incidents) {
    const o = matchOutage(inc, truth);
    if (!o) {
      verdicts.set(inc.id, 'false');
      falseIncidents.push(inc);
      continue;
    }
    outageOf.set(inc.id, o);
    byOutage.set(o.id, [...(byOutage.get(o.id) ?? []), inc]);
  }
  const duplicates: ScoredIncident[] = [];
  const fragments: ScoredIncident[] = [];
  const hitOf = new Map<string, ScoredIncident>();
  for (const [outageId, found] of byOutage) {
    const sorted = [...found].sort((a, b) => ms(a.detectedAt) - ms(b.detectedAt));
    const first = sorted[0]!;
    hitOf.set(outageId, first);
    verdicts.set(first.id, 'hit');
    let openUntil = ms(first.resolvedAt);
    for (const extra of sorted.slice(1)) {
      // Open while an earlier incident of the outage was still open: two incidents for one outage at once.
      if (ms(extra.onsetAt) < openUntil) {
        verdicts.set(extra.id, 'duplicate');
        duplicates.push(extra);
      } else {
        verdicts.set(extra.id, 'fragment');
        fragments.push(extra);
      }
      openUntil = Math.max(openUntil, ms(extra.resolvedAt));
    }
  }
  const outages = truth.outages.map((o): OutageResult => {
    const hit = hitOf.get(o.id) ?? null;
    if (!hit) return { outage: o, hit, delayMinutes: null, scopeExact: false, kindRight: false };
    const primaryRight = o.kind === 'primary' || (hit.primaryIncidentId !== null && outageOf.get(hit.primaryIncidentId)?.id === o.primaryId);
    return { outage: o, hit, delayMinutes: (ms(hit.detectedAt) - Date.parse(o.onsetAt)) / 60_000, scopeExact: scopeExact(hit, o), kindRight: hit.kind === o.kind && primaryRight };
  });
  return { outages, verdicts, hits: hitOf.size, missed: outages.filter((r) => !r.hit).map((r) => r.outage), duplicates, fragments, falseIncidents };
}
