// The path every public report takes, whether it comes as JSON (API) or as a form post (web):
// rate limit -> validate -> honeypot -> durable commit. Routes only translate the outcome.
import { AbandonedError, findReportByIdempotencyKey, reportReference, uuidv7 } from '../store/index.js';
import type { FieldError } from '../intake/field-errors.js';
import type { RateDecision } from '../intake/rate-limit.js';
import { requestHash, type Accepted } from '../intake/intake.js';
import { validateReport, type Source } from '../intake/validate.js';
import { IDEMPOTENCY_TTL_MS, idempotencyScope, scopedIdempotencyKey } from '../intake/idempotency.js';
import type { AppContext } from './context.js';

export type SubmissionOutcome =
  | { kind: 'accepted'; accepted: Accepted }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'overloaded'; retryAfterSeconds: number }
  | { kind: 'idempotency-mismatch' }
  /** The client went away before its report was committed: nothing was stored, nobody to answer. */
  | { kind: 'client-gone' };

export interface SubmissionMeta {
  ip: string;
  userAgent: string;
  source: Extract<Source, 'web' | 'api'>;
  /** The client's key as sent (at most IDEMPOTENCY_KEY_MAX characters: the route refuses longer). */
  idempotencyKey?: string | undefined;
  /** The Authorization header or session cookie, if any: the client an idempotency key belongs to. */
  credential?: string | undefined;
  /** True once the client has hung up (checked until the commit starts). */
  clientGone?: (() => boolean) | undefined;
  /** True once the request has waited past its queue deadline: not committed, answered 503. */
  late?: (() => boolean) | undefined;
}

/**
 * A client over its limit in this process is over it everywhere: answered before its body is
 * read (no parse, no validation, no slot held for them), which under a flood is most requests.
 * Only without an Idempotency-Key: a retry of a stored report is answered even over the limit.
 */
export function refusedBeforeBody(ctx: AppContext, ip: string, userAgent: string, hasIdempotencyKey: boolean, now = ctx.clock()): RateDecision | undefined {
  if (hasIdempotencyKey || !ctx.intakeLimits.refusedHere) return undefined;
  const client = ctx.salts.loadedFingerprint(ip, userAgent, now);
  const address = ctx.salts.loadedFingerprint(ip, '', now);
  if (client === undefined || address === undefined) return undefined;
  const refused = ctx.intakeLimits.refusedHere(client, address, now.getTime());
  if (refused) ctx.count.rejected('rate-limited');
  return refused;
}

export async function submitReport(ctx: AppContext, body: unknown, meta: SubmissionMeta, now = ctx.clock()): Promise<SubmissionOutcome> {
  const fingerprint = await ctx.salts.fingerprint(meta.ip, meta.userAgent, now);
  const validation = validateReport(body, { receivedAt: now });
  if (!validation.ok) {
    ctx.count.rejected('invalid');
    return { kind: 'invalid', errors: validation.errors };
  }
  if (validation.honeypot) {
    // Bots get an answer indistinguishable from success, so they do not adapt; nothing is stored.
    ctx.count.rejected('honeypot');
    return { kind: 'accepted', accepted: { id: uuidv7(now.getTime()), receivedAt: now, reference: reportReference(), created: true, sameRequest: true } };
  }
  // At MAX_PENDING_REPORTS waiting, shed with 503 rather than queue without bound.
  if (ctx.intake.pending >= ctx.config.admission.maxPendingReports) {
    ctx.count.rejected('overloaded');
    return { kind: 'overloaded', retryAfterSeconds: ctx.config.admission.retryAfterSeconds };
  }
  // Every request counts toward the limit (a fresh key per request must not be a way around
  // it), but a retry of a report already stored is answered even over the limit: it stores nothing.
  // The address is counted by its own salted fingerprint: no raw address reaches a counter store.
  const rate = await ctx.intakeLimits.take(fingerprint, await ctx.salts.fingerprint(meta.ip, '', now), now.getTime());
  const idempotencyKey = meta.idempotencyKey === undefined ? undefined : scopedIdempotencyKey(idempotencyScope(meta.credential, fingerprint), meta.idempotencyKey);
  if (!rate.allowed && !(idempotencyKey && (await findReportByIdempotencyKey(ctx.store.db, idempotencyKey, new Date(now.getTime() - IDEMPOTENCY_TTL_MS))))) {
    ctx.count.rejected('rate-limited');
    return { kind: 'rate-limited', retryAfterSeconds: rate.retryAfterSeconds };
  }
  let accepted;
  try {
    accepted = await ctx.intake.accept({
      report: validation.report,
      source: meta.source,
      fingerprint,
      receivedAt: now,
      idempotencyKey,
      requestHash: idempotencyKey ? requestHash(body) : undefined,
    }, () => meta.clientGone?.() === true || meta.late?.() === true);
  } catch (err) {
    if (!(err instanceof AbandonedError)) throw err;
    if (meta.clientGone?.() !== true) {
      ctx.count.rejected('late');
      return { kind: 'overloaded', retryAfterSeconds: ctx.config.admission.retryAfterSeconds };
    }
    ctx.count.rejected('client-gone');
    return { kind: 'client-gone' };
  }
  if (!accepted.sameRequest) return { kind: 'idempotency-mismatch' };
  if (accepted.created) ctx.count.accepted(meta.source);
  return { kind: 'accepted', accepted };
}
