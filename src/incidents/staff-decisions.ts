// Staff decisions on an incident, laid over what detection found. Detection keeps writing its
// own view (the stored body); the status and resolved time that clients see are the detector's
// unless staff decided otherwise, and a decision stands until staff change it:
// - confirmed: real; detection may still resolve it when counts return to baseline;
// - dismissed: not an outage, whatever detection says later;
// - resolved: over at the time staff gave, even if detection still sees it open;
// - reopened: open again (confirmed) until staff resolve it.
import type { Kysely } from 'kysely';
import { storedDateOrNull } from '../store/index.js';
import type { Database } from '../store/schema.js';

export const DECISIONS = ['confirmed', 'dismissed', 'resolved', 'reopened'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface StaffDecision {
  decision: Decision;
  /** For `resolved`: when staff say it ended. */
  resolvedAt: string | null;
  decidedAt: string;
}

export interface EffectiveState {
  status: string;
  resolvedAt: string | null;
}

export function effectiveState(detected: EffectiveState, d: StaffDecision | undefined): EffectiveState {
  if (!d) return detected;
  switch (d.decision) {
    case 'confirmed':
      return detected.status === 'resolved' ? detected : { status: 'confirmed', resolvedAt: null };
    case 'dismissed':
      return { status: 'dismissed', resolvedAt: detected.resolvedAt ?? d.decidedAt };
    case 'resolved':
      return { status: 'resolved', resolvedAt: d.resolvedAt ?? d.decidedAt };
    case 'reopened':
      return { status: 'confirmed', resolvedAt: null };
  }
}

export async function staffDecisions(db: Kysely<Database>, ids: string[]): Promise<Map<string, StaffDecision>> {
  const out = new Map<string, StaffDecision>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('case_files')
      .select(['incident_id', 'decision', 'decided_resolved_at', 'decided_at'])
      .where('incident_id', 'in', ids.slice(i, i + 500))
      .where('decision', 'is not', null)
      .execute();
    for (const r of rows) {
      out.set(r.incident_id, {
        decision: r.decision as Decision,
        resolvedAt: storedDateOrNull(r.decided_resolved_at)?.toISOString() ?? null,
        decidedAt: storedDateOrNull(r.decided_at)?.toISOString() ?? new Date(0).toISOString(),
      });
    }
  }
  return out;
}
