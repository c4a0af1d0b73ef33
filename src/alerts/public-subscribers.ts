// The public's e-mail subscriptions: per network and state, double opt-in, one-click
// unsubscribe. The address is stored only to send these alerts; tokens are kept hashed; a row
// is deleted on unsubscribe. Nothing here logs or lists an address.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { uuidv7, type Database } from '../store/index.js';
import { forgetPublicMail } from './public-mail.js';

const hash = (token: string): string => createHash('sha256').update(token).digest('base64url');
const newToken = (): string => randomBytes(24).toString('base64url');

export interface PublicSubscriber {
  id: string;
  email: string;
  network: string;
  state: string;
  lang: string;
}

/**
 * Adds an unconfirmed sign-up and returns its id, or undefined when this address already asked
 * for this. Its confirmation token is derived from the id (confirmToken), so the e-mail can be
 * sent, and retried, from an outbox row that holds no secret; only its hash is stored.
 */
export async function addSubscriber(db: Kysely<Database>, secret: string, s: { email: string; network: string; state: string; lang: string }, now = new Date()): Promise<string | undefined> {
  const id = uuidv7(now.getTime());
  const r = await db
    .insertInto('public_subscribers')
    .values({ id, email: s.email.toLowerCase(), network: s.network, state: s.state, lang: s.lang, confirm_hash: hash(confirmToken(secret, id)), unsubscribe_hash: hash(newToken()), confirmed_at: null, created_at: now })
    .onConflict((oc) => oc.columns(['email', 'network', 'state']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0 ? id : undefined;
}

/** The token of a subscriber's confirmation link: its id and an HMAC of it (see unsubscribeToken). */
export const confirmToken = (secret: string, id: string): string => `${id}.${createHmac('sha256', secret).update(`confirm:${id}`).digest('base64url')}`;

export async function findSubscriber(db: Kysely<Database>, id: string): Promise<PublicSubscriber | undefined> {
  return db.selectFrom('public_subscribers').select(['id', 'email', 'network', 'state', 'lang']).where('id', '=', id).executeTakeFirst();
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
  await forgetPublicMail(db, id);
  return Number(r.numDeletedRows) > 0;
}

/** Unconfirmed sign-ups older than this are deleted: an address nobody confirmed is not kept. */
export const UNCONFIRMED_KEPT_MS = 7 * 24 * 3_600_000;

export async function forgetUnconfirmed(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db.deleteFrom('public_subscribers').where('confirmed_at', 'is', null).where('created_at', '<', new Date(now.getTime() - UNCONFIRMED_KEPT_MS)).execute();
}

export async function countConfirmedSubscribers(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('public_subscribers').select((eb) => eb.fn.countAll().as('n')).where('confirmed_at', 'is not', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}
