// What staff see of an incident's impact: figures in dollars (cents) and ISO times, every
// assumption with its source, and the case file's timeline. No personal data here.
import type { CaseEvent, CaseFile, Impact, ImpactAssumptions, IncidentTally, NorsDraft } from '../dossier/index.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const cents = (x: number): number => Math.round(x * 100) / 100;

export interface ImpactView {
  asOf: string;
  durationMinutes: number;
  reports: number;
  reports911: number;
  reportsSos: number;
  jurisdiction: { state: string; reports: number; share: number } | null;
  userMinutes: { reported: number; estimated: number; usersAffected: number };
  fcc: {
    reportable: boolean;
    thresholdCrossedAt: string | null;
    affects911: boolean;
    deadlines: { notification: string; initialReport: string; finalReport: string } | null;
    psapNoticeDue: string | null;
    timeline: Array<{ at: string; what: string }>;
  };
  credits: {
    policy: 'pro-rata';
    owedTotal: number;
    offeredTotal: number;
    owed: { proRata: number; wholeDays: number; nyA8369: number };
    estimatedOwedTotal: number;
    offeredPerAccount: number;
    distribution: Array<{ from: number; to: number; reports: number }>;
  };
  assumptions: ImpactAssumptions;
}

export function presentImpact(m: Impact, t: IncidentTally, a: ImpactAssumptions, jurisdiction: string | undefined): ImpactView {
  const d = m.fcc.deadlines;
  return {
    asOf: new Date(t.endMs).toISOString(),
    durationMinutes: Math.round(m.durationMinutes * 10) / 10,
    reports: m.reports,
    reports911: m.reports911,
    reportsSos: m.reportsSos,
    jurisdiction: jurisdiction && t.reportsInJurisdiction !== null ? { state: jurisdiction, reports: t.reportsInJurisdiction, share: m.reports ? t.reportsInJurisdiction / m.reports : 0 } : null,
    userMinutes: { reported: Math.round(m.userMinutes.reported), estimated: Math.round(m.userMinutes.estimated), usersAffected: Math.round(m.userMinutes.usersAffected) },
    fcc: {
      reportable: m.fcc.reportable,
      thresholdCrossedAt: iso(m.fcc.thresholdCrossedAt),
      affects911: m.fcc.affects911,
      deadlines: d ? { notification: iso(d.notification)!, initialReport: iso(d.initialReport)!, finalReport: iso(d.finalReport)! } : null,
      psapNoticeDue: iso(m.fcc.psapNoticeDue),
      timeline: m.fcc.timeline.map((e) => ({ at: iso(e.at)!, what: e.what })),
    },
    credits: {
      policy: 'pro-rata',
      owedTotal: cents(m.credits.owedTotal),
      offeredTotal: cents(m.credits.offeredTotal),
      owed: { proRata: cents(m.credits.owed.proRata), wholeDays: cents(m.credits.owed.wholeDays), nyA8369: cents(m.credits.owed.nyA8369) },
      estimatedOwedTotal: cents(m.credits.estimatedOwedTotal),
      offeredPerAccount: a.offeredCreditPerAccount,
      distribution: m.credits.distribution.map((b) => ({ from: cents(b.from), to: cents(b.to), reports: b.reports })),
    },
    assumptions: { ...a, monthlyPrices: { ...a.monthlyPrices } },
  };
}

export interface CaseView {
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  assignee: string | null;
  timeline: CaseEventView[];
}

export interface CaseEventView {
  at: string;
  actor: string;
  action: string;
  note: string | null;
  /** The single report the change was about (attach, detach, moved), if any. */
  report: { id: string; reference: string } | null;
  /** The other incident the change touched (merge, split, moved), if any. */
  otherIncident: string | null;
  /** The counties or states a split took off (split, split-from). */
  region: { level: string; regions: string[] } | null;
}

function regionOf(v: unknown): CaseEventView['region'] {
  if (!v || typeof v !== 'object') return null;
  const r = v as { level?: unknown; regions?: unknown };
  return typeof r.level === 'string' && Array.isArray(r.regions) ? { level: r.level, regions: r.regions.filter((x): x is string => typeof x === 'string') } : null;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function presentEvent(e: CaseEvent): CaseEventView {
  const d = e.detail;
  const reportId = text(d.reportId);
  return {
    at: e.at, actor: e.actor, action: e.action, note: e.note,
    report: reportId ? { id: reportId, reference: text(d.reference) ?? reportId } : null,
    otherIncident: text(d.merged) ?? text(d.into) ?? (e.action === 'split-from' || e.action === 'attach-report' ? text(d.from) : null),
    region: regionOf(d.region),
  };
}

export function presentCase(c: CaseFile, events: CaseEvent[]): CaseView {
  return {
    decision: c.decision,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt,
    assignee: c.assignee,
    timeline: events.map(presentEvent),
  };
}

export const presentNors = (n: NorsDraft): NorsDraft => ({ ...n, servicesAffected: [...n.servicesAffected] });
