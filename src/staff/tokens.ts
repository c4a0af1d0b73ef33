// API tokens for scripts: named, expiring, revocable. The secret is shown once and stored only
// as a SHA-256 hash (it is 256 random bits, so a fast hash is safe); the id is the public handle.
import type { Kysely } from 'kysely';
import { storedDate, storedDateOrNull, uuidv7 } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { newSecret, secretHash } from './credentials.js';

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 366;

/** Last use is written at most this often per token: a script polling every second writes once a minute. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function issueApiToken(db: Kysely<Database>, userId: string, name: string, days = DEFAULT_TOKEN_DAYS, now = new Date()): Promise<{ token: ApiToken; secret: string }> {
  const secret = newSecret('odt');
  const token: ApiToken = { id: uuidv7(now.getTime()), userId, name, createdAt: now, expiresAt: new Date(now.getTime() + days * 86_400_000), lastUsedAt: null };
  await db
    .insertInto('api_tokens')
    .values({ token_hash: secretHash(secret), id: token.id, user_id: userId, label: name, created_at: now, expires_at: token.expiresAt })
    .execute();
  return { token, secret };
}

/** Last-use stamps not yet written, per store: the token list waits for them. */
const touching = new WeakMap<Kysely<Database>, Promise<void>>();
/** Tokens whose stamp is queued: a burst of requests before it is written queues one. */
const queued = new Set<string>();

/**
 * Stamps the token's last use after the request that used it: the write (an fsync on SQLite)
 * no longer delays the request, and a stamp that fails is only a stamp (the next use retries).
 */
function touchLater(db: Kysely<Database>, hash: string, now: Date): void {
  if (queued.has(hash)) return;
  queued.add(hash);
  const prior = touching.get(db) ?? Promise.resolve();
  const next = prior.then(() => new Promise<void>((resolve) => setImmediate(resolve)))
    .then(async () => { await db.updateTable('api_tokens').set({ last_used_at: now }).where('token_hash', '=', hash).execute(); })
    .catch(() => {})
    .finally(() => queued.delete(hash));
  touching.set(db, next);
}

export async function listTokens(db: Kysely<Database>, userId: string): Promise<ApiToken[]> {
  await touching.get(db);
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: r.label,
    createdAt: storedDate(r.created_at),
    expiresAt: storedDateOrNull(r.expires_at),
    lastUsedAt: storedDateOrNull(r.last_used_at),
  }));
}

/** Deletes the token if it is this user's; true when there was one. */
export async function revokeToken(db: Kysely<Database>, userId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('api_tokens').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The user id and token id behind a secret, if it is known, unexpired and its account active. */
export async function resolveToken(db: Kysely<Database>, secret: string, now = new Date()): Promise<{ userId: string; tokenId: string } | undefined> {
  const hash = secretHash(secret);
  const r = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.user_id', 'api_tokens.expires_at', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', hash)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!r) return undefined;
  if (r.expires_at !== null && storedDate(r.expires_at) <= now) return undefined;
  const last = storedDateOrNull(r.last_used_at);
  if (!last || now.getTime() - last.getTime() >= LAST_USED_RESOLUTION_MS) touchLater(db, hash, now);
  return { userId: r.user_id, tokenId: r.id };
}
