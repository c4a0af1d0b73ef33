// The public's e-mail subscriptions: per network and state, double opt-in, one-click
// unsubscribe. The address is stored only to send these alerts; tokens are kept hashed; a row
// is deleted on unsubscribe. Nothing here logs or lists an address.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isUniqueViolation, uuidv7, type Database } from '../store/index.js';

const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');
const newToken = (): string => randomBytes(24).toString('base64url');

export interface PublicSubscriber {
  id: string;
  email: string;
  network: string;
  state: string;
  lang: string;
}

/** Returns the confirmation token (to mail), or undefined when this address already asked for this. */
export async function addSubscriber(db: Kysely<Database>, s: { email: string; network: string; state: string; lang: string }, now = new Date()): Promise<string | undefined> {
  const confirm = newToken();
  try {
    await db
      .insertInto('public_subscribers')
      .values({ id: uuidv7(now.getTime()), email: s.email.toLowerCase(), network: s.network, state: s.state, lang: s.lang, confirm_hash: hash(confirm), unsubscribe_hash: hash(newToken()), confirmed_at: null, created_at: now })
      .execute();
    return confirm;
  } catch (err) {
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
}

/** Nothing is sent to an address before its owner opened the confirmation link. */
export async function confirmSubscriber(db: Kysely<Database>, confirmToken: string, now = new Date()): Promise<boolean> {
  const r = await db.updateTable('public_subscribers').set({ confirmed_at: now }).where('confirm_hash', '=', hash(confirmToken)).where('confirmed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * The unsubscribe token of a subscriber: its id and an HMAC of it, so every e-mail carries the
 * same working link without the token being stored anywhere.
 */
export const unsubscribeToken = (secret: string, id: string): string => `${id}.${createHmac('sha256', secret).update(`unsubscribe:${id}`).digest('base64url')}`;

export async function unsubscribe(db: Kysely<Database>, secret: string, token: string): Promise<boolean> {
  const id = token.split('.')[0] ?? '';
  const want = Buffer.from(unsubscribeToken(secret, id));
  const got = Buffer.from(token);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return false;
  const r = await db.deleteFrom('public_subscribers').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Unconfirmed sign-ups older than this are deleted: an address nobody confirmed is not kept. */
export const UNCONFIRMED_KEPT_MS = 7 * 24 * 3_600_000;

export async function forgetUnconfirmed(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom('public_subscribers').where('confirmed_at', 'is', null).where('created_at', '<', new Date(now.getTime() - UNCONFIRMED_KEPT_MS)).execute();
}

export async function confirmedSubscribers(db: Kysely<Database>, network: string, states: Set<string> | undefined): Promise<PublicSubscriber[]> {
  let q = db.selectFrom('public_subscribers').select(['id', 'email', 'network', 'state', 'lang']).where('confirmed_at', 'is not', null).where('network', '=', network);
  if (states) q = q.where('state', 'in', [...states]);
  return q.execute();
}

export async function countConfirmedSubscribers(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('public_subscribers').select((eb) => eb.fn.countAll().as('n')).where('confirmed_at', 'is not', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}
