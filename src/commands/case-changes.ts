// Staff reshaping incidents: declare one by hand, merge one into another, split one by region.
// Each keeps every report in exactly one place (see dossier/membership.ts), is audited, and is on
// the timelines of the incidents it touches.
import { recordAudit } from '../audit/index.js';
import { applyCaseChange, incidentRow, moveLinks, storedSources, writeTransaction, type RegionSet } from '../dossier/index.js';
import { upsertIncidents, type StoredIncident } from '../incidents/index.js';
import { authorize } from '../policy/index.js';
import { fail, failInvalid } from '../problems/index.js';
import { networks } from '../reference/index.js';
import type { Actor } from '../staff/index.js';
import { uuidv7 } from '../store/index.js';
import type { CommandContext } from './context.js';

export interface DeclareInput {
  network: string;
  scope: { level: 'county' | 'state' | 'nation'; regions: string[] };
  onsetAt: Date;
  services?: Partial<Record<'voice' | 'sms' | 'data' | '911', number>> | undefined;
  note?: string | undefined;
}

const stamp = (d: Date) => d.toISOString().slice(0, 16).replace(/[-:]/g, '');

function checkScope(scope: DeclareInput['scope']): void {
  const pattern = scope.level === 'county' ? /^[0-9]{5}$/ : scope.level === 'state' ? /^[0-9]{2}$/ : /^US$/;
  if (scope.regions.length === 0 || !scope.regions.every((r) => pattern.test(r))) {
    failInvalid('body.scope.regions', scope.level === 'nation' ? 'a nation scope is ["US"]' : `are ${scope.level === 'county' ? '5' : '2'}-digit FIPS codes`);
  }
}

/** An incident staff saw before detection did (or that detection cannot see): confirmed from the start. */
export async function declareIncident(cx: CommandContext, actor: Actor, input: DeclareInput, now: Date): Promise<{ id: string }> {
  authorize(actor, 'incident.act');
  if (!networks().has(input.network)) failInvalid('body.network', `is not a network (${[...networks().keys()].join(', ')})`);
  checkScope(input.scope);
  if (input.onsetAt.getTime() > now.getTime()) failInvalid('body.onsetAt', 'is in the future');
  const id = `staff-${input.network}-${stamp(input.onsetAt)}Z-${uuidv7(now.getTime()).slice(-4)}`;
  const services = { voice: 0, sms: 0, data: 0, '911': 0, ...input.services };
  const incident: StoredIncident = {
    id, network: input.network, status: 'confirmed', kind: 'primary', primaryIncidentId: null, scope: { level: input.scope.level, regions: [...input.scope.regions].sort() },
    services, onsetAt: input.onsetAt.toISOString(), detectedAt: now.toISOString(), resolvedAt: null, reportCount: 0,
    peak: { at: input.onsetAt.toISOString(), count: 0 },
    evidence: { opening: { level: input.scope.level, region: input.scope.regions[0]!, windowMinutes: 0, observed: 0, expected: 0, tested: 0, llr: 0, ratio: 0, duplicateShare: 0, elevatedMinutes: 0 }, collateral: null },
    series: [],
  };
  await writeTransaction(cx.store, async (db) => {
    await applyCaseChange(db, { incidentId: id, actor: actor.email, action: 'declare', note: input.note, at: now, detail: { scope: incident.scope }, decision: { decision: 'confirmed', resolvedAt: null } });
    await upsertIncidents(db, [incident], now);
  });
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.declare', target: id, detail: { network: input.network, scope: incident.scope } }, now);
  return { id };
}

/** `from`'s reports join `into` (each once); `from` is dismissed as merged and keeps none. */
export async function mergeIncidents(cx: CommandContext, actor: Actor, into: string, from: string, note: string | undefined, now: Date): Promise<void> {
  authorize(actor, 'incident.act');
  if (into === from) failInvalid('body.from', 'is this incident');
  await writeTransaction(cx.store, async (db) => {
    const a = await incidentRow(db, into);
    const b = await incidentRow(db, from);
    if (!a) return fail('incident-not-found', `No incident ${into}`);
    if (!b) return fail('incident-not-found', `No incident ${from}`);
    if (a.shown.network !== b.shown.network) fail('invalid-transition', `Cannot merge a ${b.shown.network} incident into a ${a.shown.network} one.`);
    const bSources = await storedSources(db, from);
    if (bSources.length === 0) fail('invalid-transition', `${from} was merged already.`);
    const aSources = await storedSources(db, into);
    await applyCaseChange(db, { incidentId: into, actor: actor.email, action: 'merge', note, at: now, detail: { merged: from }, membership: [...aSources, ...bSources] });
    await applyCaseChange(db, { incidentId: from, actor: actor.email, action: 'merged', note, at: now, detail: { into }, membership: [], decision: { decision: 'dismissed', resolvedAt: null } });
    // The reports staff attached to or detached from `from` stay so in `into`.
    await moveLinks(db, from, into);
  });
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.merge', target: into, detail: { from, note: note ?? null } }, now);
}

/** The reports of `region` leave `id` for a new incident (same network, bounds and status). */
export async function splitIncident(cx: CommandContext, actor: Actor, id: string, region: RegionSet, note: string | undefined, now: Date): Promise<{ id: string }> {
  authorize(actor, 'incident.act');
  checkScope({ level: region.level, regions: region.regions });
  const newId = `${id}-split-${uuidv7(now.getTime()).slice(-4)}`;
  await writeTransaction(cx.store, async (db) => {
    const a = await incidentRow(db, id);
    if (!a) return fail('incident-not-found', `No incident ${id}`);
    const sources = await storedSources(db, id);
    if (sources.length === 0) fail('invalid-transition', `${id} was merged away; split the incident it went into.`);
    const shownStatus: string = a.shown.status;
    const resolved = shownStatus === 'resolved' || shownStatus === 'dismissed';
    const part: StoredIncident = { ...a.shown, id: newId, status: resolved ? 'resolved' : 'confirmed', scope: { level: region.level, regions: [...region.regions].sort() }, reportCount: 0, detectedAt: now.toISOString() };
    await applyCaseChange(db, {
      incidentId: newId, actor: actor.email, action: 'split-from', note, at: now, detail: { from: id, region },
      membership: sources.map((s) => ({ ...s, only: [...s.only, region] })),
      decision: resolved ? { decision: 'resolved', resolvedAt: a.shown.resolvedAt ? new Date(a.shown.resolvedAt) : now } : { decision: 'confirmed', resolvedAt: null },
    });
    await upsertIncidents(db, [part], now);
    await applyCaseChange(db, { incidentId: id, actor: actor.email, action: 'split', note, at: now, detail: { into: newId, region }, membership: sources.map((s) => ({ ...s, exclude: [...s.exclude, region] })) });
    // The region's attached and detached reports go with it.
    await moveLinks(db, id, newId, region);
  });
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.split', target: id, detail: { into: newId, region, note: note ?? null } }, now);
  return { id: newId };
}
