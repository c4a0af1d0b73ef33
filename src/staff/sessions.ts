// Browser sessions: an HttpOnly cookie holding a random id, stored hashed. A session ends when
// it has been idle too long or has lasted too long, whichever comes first, and at once when
// its account is disabled or its owner signs out everywhere.
import type { Kysely } from 'kysely';
import { storedDate } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { newSecret, secretHash } from './credentials.js';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** Activity is written at most this often per session, so a busy desk does not write per request. */
const SEEN_RESOLUTION_MS = 60_000;

export async function startSession(db: Kysely<Database>, userId: string, limits: SessionLimits, now = new Date()): Promise<string> {
  const id = newSecret('ods');
  await db
    .insertInto('sessions')
    .values({ session_hash: secretHash(id), user_id: userId, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + limits.absoluteMs) })
    .execute();
  return id;
}

/** The user and session hash behind a cookie, if the session is live; touches its last use. */
export async function resolveSession(db: Kysely<Database>, sessionId: string, limits: SessionLimits, now = new Date()): Promise<{ userId: string; sessionHash: string } | undefined> {
  const hash = secretHash(sessionId);
  const r = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.user_id', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.session_hash', '=', hash)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!r) return undefined;
  const seen = storedDate(r.last_seen_at).getTime();
  if (storedDate(r.expires_at) <= now || now.getTime() - seen > limits.idleMs) {
    await db.deleteFrom('sessions').where('session_hash', '=', hash).execute();
    return undefined;
  }
  if (now.getTime() - seen >= SEEN_RESOLUTION_MS) await db.updateTable('sessions').set({ last_seen_at: now }).where('session_hash', '=', hash).execute();
  return { userId: r.user_id, sessionHash: hash };
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('session_hash', '=', secretHash(sessionId)).execute();
}

/** Ends every session of the account (sign out everywhere, password change, disable). */
export async function endAllSessions(db: Kysely<Database>, userId: string, keepHash?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepHash) q = q.where('session_hash', '!=', keepHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
