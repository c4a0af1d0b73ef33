// A batch of statements and claims for one incident (`outage-desk attribution import`), through
// the same audited commands as the API. Items already on record (same speaker, time and text;
// same actor, time and text) are skipped, so importing a file twice adds nothing.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import * as q from '../attribution/queries.js';
import { AttributionBatch } from '../attribution/schema.js';
import { listIncidents as queryIncidents } from '../incidents/index.js';
import type { ClaimView } from '../presenters/index.js';
import { fail, invalid, ProblemError } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import { checkClaimBody, checkStatementBody, createClaim, createStatement, listClaims } from './attribution.js';
import type { CommandContext } from './context.js';

const ajv = (addFormatsModule as unknown as (a: Ajv) => Ajv)(new Ajv({ allErrors: true, strict: false }));
const validateBatch = ajv.compile<AttributionBatch>(AttributionBatch);

/** `statements[2].url`: where in the file, with the item's index (a batch has many). */
function where(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const child = e.keyword === 'required' ? String(p.missingProperty) : e.keyword === 'additionalProperties' ? String(p.additionalProperty) : '';
  const base = e.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.');
  return [base, child].filter(Boolean).join('.') || '(file)';
}

export function parseBatch(value: unknown): AttributionBatch {
  if (validateBatch(value)) return value;
  const errors = (validateBatch.errors ?? []).map((e) => ({ path: where(e), message: e.message ?? 'is not valid' }));
  throw new ProblemError(invalid(errors));
}

async function resolveIncident(cx: CommandContext, batch: AttributionBatch, override?: string): Promise<string> {
  const id = override ?? batch.incidentId;
  if (id) return id;
  const i = batch.incident ?? fail('bad-request', 'The file names no incident: give "incidentId", "incident": { network, kind, activeAt }, or --incident ID.');
  const at = new Date(i.activeAt);
  const found = await queryIncidents(cx.store.db, { network: i.network, kind: i.kind, since: at, until: new Date(at.getTime() + 1), limit: 1 });
  return found[0]?.id ?? fail('incident-not-found', `No ${i.kind ?? ''} ${i.network} incident active at ${i.activeAt}`.replace('  ', ' '));
}

export interface ImportResult {
  incidentId: string;
  statements: { added: number; skipped: number };
  claims: { added: number; skipped: number; items: ClaimView[] };
}

export async function importAttribution(cx: CommandContext, actor: Actor, batch: AttributionBatch, opts: { incidentId?: string; now?: Date } = {}): Promise<ImportResult> {
  // Every item is checked before any is stored: a bad file changes nothing.
  batch.statements?.forEach((s, k) => checkStatementBody(s, `statements[${k}].`));
  batch.claims?.forEach((c, k) => checkClaimBody(c, `claims[${k}].`));
  const incidentId = await resolveIncident(cx, batch, opts.incidentId);
  const said = new Set((await q.incidentStatements(cx.store.db, incidentId)).map((s) => `${s.speaker}|${Date.parse(s.saidAt)}|${s.text}`));
  const claimed = new Set((await q.incidentClaims(cx.store.db, incidentId)).map((c) => `${c.actor}|${Date.parse(c.claimedAt)}|${c.text}`));
  const r: ImportResult = { incidentId, statements: { added: 0, skipped: 0 }, claims: { added: 0, skipped: 0, items: [] } };
  for (const s of batch.statements ?? []) {
    const key = `${s.speaker.trim()}|${Date.parse(s.saidAt)}|${s.text}`;
    if (said.has(key)) r.statements.skipped++;
    else {
      await createStatement(cx, actor, incidentId, s, opts.now);
      said.add(key);
      r.statements.added++;
    }
  }
  for (const c of batch.claims ?? []) {
    const key = `${c.actor.trim()}|${Date.parse(c.claimedAt)}|${c.text}`;
    if (claimed.has(key)) r.claims.skipped++;
    else {
      await createClaim(cx, actor, incidentId, c, opts.now);
      claimed.add(key);
      r.claims.added++;
    }
  }
  // Assessed once everything is on record: a claim's verdict depends on every statement.
  r.claims.items = (await listClaims(cx, actor, incidentId)).items;
  return r;
}
