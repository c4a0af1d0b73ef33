// The investigation of one incident: its detail with impact, FCC checklist, credits, NORS draft
// and case file (a read of aggregates, not audited), and the staff actions on it (audited, and
// on the incident's timeline with who and when).
import { recordAudit } from '../audit/index.js';
import {
  applyCaseChange, caseEvents, computeImpact, defaultAssumptions, draftNors, incidentRow, readCaseFile, withOverrides, writeTransaction,
  type AssumptionOverrides, type ImpactTallies, type NorsDraft,
} from '../dossier/index.js';
import { getIncident as queryIncident, type StoredIncident } from '../incidents/index.js';
import type { Decision } from '../incidents/staff-decisions.js';
import { authorize } from '../policy/index.js';
import { presentCase, presentImpact, presentIncident, type CaseView, type ImpactView, type IncidentDetail } from '../presenters/index.js';
import { fail, failInvalid } from '../problems/index.js';
import { countyName, findCarrier, stateAbbr } from '../reference/index.js';
import type { Actor } from '../staff/index.js';
import type { CommandContext } from './context.js';

export interface IncidentCaseView extends IncidentDetail {
  impact: ImpactView;
  nors: NorsDraft;
  case: CaseView;
}

export function areaName(i: StoredIncident): string {
  const r = i.scope.regions;
  const list = (names: string[]) => (names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', '));
  if (i.scope.level === 'county') return list(r.map((c) => `${countyName(c) ?? c} (${stateAbbr(c.slice(0, 2)) ?? c.slice(0, 2)})`));
  if (i.scope.level === 'state') return list(r.map((s) => stateAbbr(s) ?? s));
  return 'the United States (nationwide)';
}

export const networkName = (network: string): string => findCarrier(network)?.name ?? network;

export async function loadIncident(cx: CommandContext, id: string): Promise<StoredIncident> {
  return (await queryIncident(cx.store.db, id)) ?? fail('incident-not-found', `No incident ${id}`);
}

/** The figures of an incident as of `now`, from its tally and its assumptions. */
export async function incidentImpact(cx: CommandContext, i: StoredIncident, tallies: ImpactTallies, now: Date, overrides: AssumptionOverrides): Promise<{ impact: ImpactView; nors: NorsDraft }> {
  const tally = await tallies.of(i, now);
  const a = withOverrides(defaultAssumptions(i, cx.config), overrides);
  const bounds = { onsetMs: Date.parse(i.onsetAt), detectedMs: Date.parse(i.detectedAt), endMs: tally.endMs, resolved: i.resolvedAt !== null };
  const m = computeImpact(bounds, tally, a, i.network);
  const nors = draftNors({
    networkName: networkName(i.network), onsetAt: i.onsetAt, services: i.services, area: areaName(i), impact: m, resolved: i.resolvedAt !== null,
    contact: 'to be given by the carrier (name, title, phone, email of its outage contact)',
  });
  return { impact: presentImpact(m, tally, a, cx.config.jurisdiction), nors };
}

export async function readIncidentCase(cx: CommandContext, actor: Actor, id: string, tallies: ImpactTallies, now: Date): Promise<IncidentCaseView> {
  authorize(actor, 'incident.read');
  const i = await loadIncident(cx, id);
  const file = await readCaseFile(cx.store.db, id);
  const { impact, nors } = await incidentImpact(cx, i, tallies, now, file.assumptions);
  return { ...presentIncident(i), impact, nors, case: presentCase(file, await caseEvents(cx.store.db, id)) };
}

export const CASE_ACTIONS = ['confirm', 'dismiss', 'resolve', 'reopen', 'assign', 'note'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CaseActionInput {
  action: CaseAction;
  note?: string | undefined;
  /** resolve: when it ended (default now). */
  resolvedAt?: Date | undefined;
  /** assign: the investigator's email, or null to unassign. */
  assignee?: string | null | undefined;
}

const DECISION_OF: Partial<Record<CaseAction, Decision>> = { confirm: 'confirmed', dismiss: 'dismissed', resolve: 'resolved', reopen: 'reopened' };

/** Which actions make sense from which status: anything else is a 409 naming both. */
const ALLOWED_FROM: Partial<Record<CaseAction, readonly string[]>> = {
  confirm: ['suspected', 'confirmed', 'resolved'],
  dismiss: ['suspected', 'confirmed', 'resolved'],
  resolve: ['suspected', 'confirmed'],
  reopen: ['resolved', 'dismissed'],
};

export async function actOnIncident(cx: CommandContext, actor: Actor, id: string, input: CaseActionInput, now: Date): Promise<CaseView> {
  authorize(actor, input.action === 'note' ? 'incident.note' : 'incident.act');
  if (input.action === 'note' && !input.note?.trim()) failInvalid('body.note', 'a note needs text');
  if (input.action === 'assign' && input.assignee === undefined) failInvalid('body.assignee', 'give the email of the person to assign, or null');
  await writeTransaction(cx.store, async (db) => {
    const row = await incidentRow(db, id);
    if (!row) return fail('incident-not-found', `No incident ${id}`);
    const decision = DECISION_OF[input.action];
    const from = ALLOWED_FROM[input.action];
    if (from && !from.includes(row.shown.status)) fail('invalid-transition', `Cannot ${input.action} an incident that is ${row.shown.status}.`);
    let resolvedAt: Date | null = null;
    if (input.action === 'resolve') {
      resolvedAt = input.resolvedAt ?? now;
      if (resolvedAt.getTime() < Date.parse(row.shown.onsetAt) || resolvedAt.getTime() > now.getTime()) failInvalid('body.resolvedAt', 'must be between the onset and now');
    }
    await applyCaseChange(db, {
      incidentId: id, actor: actor.email, action: input.action, note: input.note, at: now,
      detail: { from: row.shown.status, ...(resolvedAt ? { resolvedAt: resolvedAt.toISOString() } : {}), ...(input.action === 'assign' ? { assignee: input.assignee } : {}) },
      ...(decision ? { decision: { decision, resolvedAt } } : {}),
      ...(input.action === 'assign' ? { assignee: input.assignee ?? null } : {}),
    });
  });
  await recordAudit(cx.store, { actor: actor.email, action: `incident.${input.action}`, target: id, detail: { note: input.note ?? null, ...(input.assignee !== undefined ? { assignee: input.assignee } : {}) } }, now);
  return caseView(cx, id);
}

/** The case file as staff see it, right after a change they made (the change was authorized). */
export async function caseView(cx: CommandContext, id: string): Promise<CaseView> {
  return presentCase(await readCaseFile(cx.store.db, id), await caseEvents(cx.store.db, id));
}

/** Staff change the assumptions of one incident's figures (merged over what was set before). */
export async function setAssumptions(cx: CommandContext, actor: Actor, id: string, changes: AssumptionOverrides, now: Date): Promise<AssumptionOverrides> {
  authorize(actor, 'incident.act');
  const merged = await writeTransaction(cx.store, async (db) => {
    if (!(await incidentRow(db, id))) fail('incident-not-found', `No incident ${id}`);
    const before = (await readCaseFile(db, id)).assumptions;
    const after: AssumptionOverrides = { ...before, ...changes, ...(changes.monthlyPrices ? { monthlyPrices: { ...before.monthlyPrices, ...changes.monthlyPrices } } : {}) };
    await applyCaseChange(db, { incidentId: id, actor: actor.email, action: 'assumptions', note: changes.note, at: now, detail: { changes }, assumptions: after });
    return after;
  });
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.assumptions', target: id, detail: { changes } }, now);
  return merged;
}
