// Idempotency keys belong to the client that sent them: the stored key is a hash of the key and
// the client's scope (its API token or session, or its fingerprint when anonymous), so another
// client sending the same key gets its own report, never the first one's answer. Keys are
// kept 24 h: then the stored hash is cleared (the report stays) and the key may be used again.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

export const IDEMPOTENCY_KEY_MAX = 200;
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/**
 * The scope of an anonymous client is its fingerprint, whose salt changes at midnight UTC: a
 * retry that crosses midnight is a new report to the dedupe as well, so it is counted once anyway.
 */
export function idempotencyScope(credential: string | undefined, fingerprint: string): string {
  return credential ? `credential:${createHash('sha256').update(credential).digest('base64url')}` : `client:${fingerprint}`;
}

export function scopedIdempotencyKey(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\n${key}`).digest('base64url');
}

/** Clears keys older than 24 h (the reports stay); returns how many. */
export async function expireIdempotencyKeys(db: Kysely<Database>, now: Date): Promise<number> {
  const r = await db
    .updateTable('reports')
    .set({ idempotency_key: null, request_hash: null })
    .where('idempotency_key', 'is not', null)
    .where('received_at', '<', new Date(now.getTime() - IDEMPOTENCY_TTL_MS))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
