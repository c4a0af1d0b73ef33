// Statements and claims of responsibility on an incident: list, create, edit, attach (each change
// audited), and the timeline with every claim's assessment, recomputed on each read from the
// current incident and statements so it follows their changes.
import { recordAudit } from '../audit/index.js';
import { assessClaim, incidentMarkers, markerList, type Claim, type Statement } from '../attribution/index.js';
import { incidentFacts, regionName } from '../attribution/facts.js';
import * as q from '../attribution/queries.js';
import type { ClaimBody, ClaimPatch, StatementBody, StatementPatch } from '../attribution/schema.js';
import { getIncident as queryIncident, type StoredIncident } from '../incidents/index.js';
import { authorize } from '../policy/index.js';
import { presentClaim, presentStatement, type AttributionView, type ClaimView, type StatementView } from '../presenters/index.js';
import { fail, failInvalid } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import { uuidv7 } from '../store/index.js';
import type { CommandContext } from './context.js';

async function incidentOrFail(cx: CommandContext, id: string): Promise<StoredIncident> {
  return (await queryIncident(cx.store.db, id)) ?? fail('incident-not-found', `No incident ${id}`);
}

const REGION_PATTERN = { county: /^\d{5}$/, state: /^\d{2}$/, nation: /^US$/ } as const;

/** What the schema cannot say: a link is really http(s), regions fit their level. `at` prefixes the field path. */
function checkLink(url: string | null | undefined, at = ''): void {
  if (!url) return;
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch { /* not a URL */ }
  if (!ok) failInvalid(`${at}url`, 'must be an http or https link');
}

function checkPatch(patch: object): void {
  if (Object.keys(patch).length === 0) failInvalid('(body)', 'must name at least one field to change');
}

function checkScope(scope: Claim['claimedScope'], at = ''): void {
  if (!scope) return;
  const bad = scope.regions.find((r) => !REGION_PATTERN[scope.level].test(r));
  if (bad !== undefined) failInvalid(`${at}claimedScope.regions`, `${bad} is not a ${scope.level === 'nation' ? '"US"' : `${scope.level} FIPS code`} for a ${scope.level} scope`);
}

/** PostgreSQL text cannot hold NUL; neither should SQLite, so neither store ever sees one. */
function checkNul(fields: Record<string, unknown>, at: string): void {
  for (const [name, v] of Object.entries(fields)) if (typeof v === 'string' && v.includes('\u0000')) failInvalid(`${at}${name}`, 'contains a NUL character');
}

export function checkStatementBody(b: Partial<StatementBody>, at = ''): void {
  checkNul({ speaker: b.speaker, text: b.text, url: b.url, 'asserts.creditOffered.description': b.asserts?.creditOffered?.description }, at);
  checkLink(b.url, at);
}

export function checkClaimBody(b: Partial<ClaimBody>, at = ''): void {
  checkNul({ actor: b.actor, channel: b.channel, text: b.text, url: b.url }, at);
  checkLink(b.url, at);
  checkScope(b.claimedScope ?? null, at);
}

const statementOf = (id: string, b: StatementBody, now: Date): Statement => ({
  id, source: b.source, speaker: b.speaker.trim(), saidAt: new Date(b.saidAt).toISOString(), seenAt: new Date(b.seenAt ?? now).toISOString(),
  url: b.url ?? null, text: b.text, asserts: b.asserts ?? {},
});

const claimOf = (id: string, b: ClaimBody): Claim => ({
  id, actor: b.actor.trim(), channel: b.channel.trim(), url: b.url ?? null, claimedAt: new Date(b.claimedAt).toISOString(), text: b.text,
  claimedMethod: b.claimedMethod ?? 'unspecified', claimedScope: b.claimedScope ?? null,
  claimedAttackAt: b.claimedAttackAt ? new Date(b.claimedAttackAt).toISOString() : null,
});

/** Field by field, what an edit changed: [before, after]. */
function changes<T extends object>(before: T, after: T): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[String(k)] = [before[k], after[k]];
  }
  return out;
}

async function assessor(cx: CommandContext, incident: StoredIncident) {
  const statements = await q.incidentStatements(cx.store.db, incident.id);
  const facts = incidentFacts(incident, await q.firstReportAt(cx.store.db, incident));
  const markers = incidentMarkers(facts, statements);
  return { statements, markers, present: (c: q.StoredClaim): ClaimView => presentClaim(c, assessClaim(c, facts, statements, regionName, markers)) };
}

export async function listStatements(cx: CommandContext, actor: Actor, incidentId: string): Promise<{ items: StatementView[] }> {
  authorize(actor, 'attribution.read');
  await incidentOrFail(cx, incidentId);
  return { items: (await q.incidentStatements(cx.store.db, incidentId)).map(presentStatement) };
}

export async function createStatement(cx: CommandContext, actor: Actor, incidentId: string, body: StatementBody, now = new Date()): Promise<StatementView> {
  authorize(actor, 'attribution.write');
  await incidentOrFail(cx, incidentId);
  checkStatementBody(body);
  const s = statementOf(uuidv7(), body, now);
  await q.insertStatement(cx.store.db, incidentId, s, actor.email, now);
  await recordAudit(cx.store, { actor: actor.email, action: 'statement.create', target: s.id, detail: { incidentId, source: s.source, speaker: s.speaker, saidAt: s.saidAt } });
  return presentStatement((await q.getStatement(cx.store.db, s.id))!);
}

async function attachedStatement(cx: CommandContext, incidentId: string, id: string): Promise<q.StoredStatement> {
  const s = (await q.statementIsAttached(cx.store.db, incidentId, id)) ? await q.getStatement(cx.store.db, id) : undefined;
  return s ?? fail('statement-not-found', `No statement ${id} on incident ${incidentId}`);
}

export async function editStatement(cx: CommandContext, actor: Actor, incidentId: string, id: string, patch: StatementPatch, now = new Date()): Promise<StatementView> {
  authorize(actor, 'attribution.write');
  checkPatch(patch);
  await incidentOrFail(cx, incidentId);
  const before = await attachedStatement(cx, incidentId, id);
  checkStatementBody(patch);
  const after = statementOf(id, { ...before, ...patch }, now);
  const changed = changes<Statement>(before, after);
  await q.updateStatement(cx.store.db, after, now);
  await recordAudit(cx.store, { actor: actor.email, action: 'statement.edit', target: id, detail: { incidentId, changed } });
  return presentStatement((await q.getStatement(cx.store.db, id))!);
}

/** Puts a statement already on record (about another incident) on this one's timeline too. */
export async function attachStatement(cx: CommandContext, actor: Actor, incidentId: string, id: string, now = new Date()): Promise<StatementView> {
  authorize(actor, 'attribution.write');
  await incidentOrFail(cx, incidentId);
  const s = (await q.getStatement(cx.store.db, id)) ?? fail('statement-not-found', `No statement ${id}`);
  if (await q.attachStatement(cx.store.db, incidentId, id, now)) await recordAudit(cx.store, { actor: actor.email, action: 'statement.attach', target: id, detail: { incidentId } });
  return presentStatement(s);
}

export async function listClaims(cx: CommandContext, actor: Actor, incidentId: string): Promise<{ items: ClaimView[] }> {
  authorize(actor, 'attribution.read');
  const a = await assessor(cx, await incidentOrFail(cx, incidentId));
  return { items: (await q.incidentClaims(cx.store.db, incidentId)).map(a.present) };
}

async function presentOne(cx: CommandContext, incident: StoredIncident, id: string): Promise<ClaimView> {
  return (await assessor(cx, incident)).present((await q.getClaim(cx.store.db, id))!);
}

export async function createClaim(cx: CommandContext, actor: Actor, incidentId: string, body: ClaimBody, now = new Date()): Promise<ClaimView> {
  authorize(actor, 'attribution.write');
  const incident = await incidentOrFail(cx, incidentId);
  checkClaimBody(body);
  const c = claimOf(uuidv7(), body);
  await q.insertClaim(cx.store.db, incidentId, c, actor.email, now);
  await recordAudit(cx.store, { actor: actor.email, action: 'claim.create', target: c.id, detail: { incidentId, actor: c.actor, claimedAt: c.claimedAt, claimedMethod: c.claimedMethod } });
  return presentOne(cx, incident, c.id);
}

export async function editClaim(cx: CommandContext, actor: Actor, incidentId: string, id: string, patch: ClaimPatch, now = new Date()): Promise<ClaimView> {
  authorize(actor, 'attribution.write');
  checkPatch(patch);
  const incident = await incidentOrFail(cx, incidentId);
  const before = (await q.claimIsAttached(cx.store.db, incidentId, id)) ? await q.getClaim(cx.store.db, id) : undefined;
  if (!before) return fail('claim-not-found', `No claim ${id} on incident ${incidentId}`);
  checkClaimBody(patch);
  const after = claimOf(id, { ...before, ...patch });
  await q.updateClaim(cx.store.db, after, now);
  await recordAudit(cx.store, { actor: actor.email, action: 'claim.edit', target: id, detail: { incidentId, changed: changes<Claim>(before, after) } });
  return presentOne(cx, incident, id);
}

export async function attachClaim(cx: CommandContext, actor: Actor, incidentId: string, id: string, now = new Date()): Promise<ClaimView> {
  authorize(actor, 'attribution.write');
  const incident = await incidentOrFail(cx, incidentId);
  if (!(await q.getClaim(cx.store.db, id))) fail('claim-not-found', `No claim ${id}`);
  if (await q.attachClaim(cx.store.db, incidentId, id, now)) await recordAudit(cx.store, { actor: actor.email, action: 'claim.attach', target: id, detail: { incidentId } });
  return presentOne(cx, incident, id);
}

/** The attribution timeline: markers, statements and claims with their assessments. */
export async function readAttribution(cx: CommandContext, actor: Actor, incidentId: string): Promise<AttributionView> {
  authorize(actor, 'attribution.read');
  const a = await assessor(cx, await incidentOrFail(cx, incidentId));
  return {
    incidentId, markers: markerList(a.markers), publicFrom: a.markers.publicFrom,
    statements: a.statements.map(presentStatement), claims: (await q.incidentClaims(cx.store.db, incidentId)).map(a.present),
  };
}
