// Staff accounts, API tokens and browser sessions.
import type { Kysely } from 'kysely';
import { uuidv7 } from '../store/index.js';
import type { Database } from '../store/schema.js';
import { hashPassword, newPassword, newSecret, secretHash, verifyPassword } from './credentials.js';

export const ROLES = ['admin', 'investigator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  id: string;
  email: string;
  role: Role;
}

export const SESSION_TTL_MS = 12 * 3600_000;

export class UserExistsError extends Error {}

export async function createUser(db: Kysely<Database>, email: string, role: Role): Promise<{ user: StaffUser; password: string }> {
  const password = newPassword();
  const user: StaffUser = { id: uuidv7(), email: email.toLowerCase(), role };
  try {
    await db
      .insertInto('users')
      .values({ id: user.id, email: user.email, role, password_hash: await hashPassword(password), created_at: new Date(), disabled: 0 })
      .execute();
  } catch (err) {
    if (await findUserByEmail(db, user.email)) throw new UserExistsError(`a user with email ${user.email} already exists`);
    throw err;
  }
  return { user, password };
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('users').select(['id', 'email', 'role']).where('email', '=', email.toLowerCase()).where('disabled', '=', 0).executeTakeFirst();
  return row as StaffUser | undefined;
}

export async function countAdmins(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('users').where('role', '=', 'admin').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function issueApiToken(db: Kysely<Database>, userId: string, label: string): Promise<string> {
  const token = newSecret('odt');
  await db.insertInto('api_tokens').values({ token_hash: secretHash(token), user_id: userId, label, created_at: new Date() }).execute();
  return token;
}

export async function userByToken(db: Kysely<Database>, token: string): Promise<StaffUser | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.email', 'users.role'])
    .where('api_tokens.token_hash', '=', secretHash(token))
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  return row as StaffUser | undefined;
}

export async function checkLogin(db: Kysely<Database>, email: string, password: string): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).where('disabled', '=', 0).executeTakeFirst();
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, password))) return undefined;
  return { id: row.id, email: row.email, role: row.role as Role };
}

export async function startSession(db: Kysely<Database>, userId: string, now = new Date()): Promise<string> {
  const id = newSecret('ods');
  await db
    .insertInto('sessions')
    .values({ session_hash: secretHash(id), user_id: userId, created_at: now, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
    .execute();
  return id;
}

export async function userBySession(db: Kysely<Database>, sessionId: string, now = new Date()): Promise<StaffUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.email', 'users.role'])
    .where('sessions.session_hash', '=', secretHash(sessionId))
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  return row as StaffUser | undefined;
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('session_hash', '=', secretHash(sessionId)).execute();
}

/**
 * The first start of an install without an admin creates one, so someone can sign in and
 * manage staff — also when `user add` made an analyst before the server ever started.
 */
export async function ensureFirstAdmin(db: Kysely<Database>, email: string): Promise<{ email: string; password: string } | undefined> {
  if ((await countAdmins(db)) > 0) return undefined;
  try {
    const { user, password } = await createUser(db, email, 'admin');
    return { email: user.email, password };
  } catch (err) {
    if (err instanceof UserExistsError) return undefined; // another process won the race
    throw err;
  }
}
