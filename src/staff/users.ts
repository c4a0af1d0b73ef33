// Staff accounts in the store. Passwords are argon2id hashes; an account made with a printed
// one-time password must choose its own at first sign-in.
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation, storedDate, storedDateOrNull, uuidv7 } from '../store/index.js';
import type { Database, UsersTable } from '../store/schema.js';
import { hashPassword, newPassword, verifyPassword } from './credentials.js';
import { isRole, type Role } from './roles.js';

export interface StaffAccount {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  passwordChangedAt: Date | null;
  lastSignInAt: Date | null;
}

export class UserExistsError extends Error {}

export function toAccount(r: Selectable<UsersTable>): StaffAccount {
  return {
    id: r.id,
    email: r.email,
    role: isRole(r.role) ? r.role : 'analyst',
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: storedDate(r.created_at),
    passwordChangedAt: storedDateOrNull(r.password_changed_at),
    lastSignInAt: storedDateOrNull(r.last_sign_in_at),
  };
}

const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** A new account with a printed one-time password, to be changed at first sign-in. */
export async function createUser(db: Kysely<Database>, email: string, role: Role, now = new Date()): Promise<{ user: StaffAccount; password: string }> {
  const password = newPassword();
  const row = { id: uuidv7(), email: normalizeEmail(email), role, password_hash: await hashPassword(password), created_at: now, disabled: 0, must_change_password: 1 };
  try {
    await db.insertInto('users').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new UserExistsError(`an account with email ${row.email} already exists`);
    throw err;
  }
  return { user: (await getUser(db, row.id))!, password };
}

export async function getUser(db: Kysely<Database>, id: string): Promise<StaffAccount | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toAccount(r);
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<StaffAccount | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return r && toAccount(r);
}

export async function listUsers(db: Kysely<Database>): Promise<StaffAccount[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  return rows.map(toAccount);
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('users').where('role', '=', 'admin').where('disabled', '=', 0).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateUser(db: Kysely<Database>, id: string, change: { role?: Role; disabled?: boolean }): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...(change.role ? { role: change.role } : {}), ...(change.disabled === undefined ? {} : { disabled: change.disabled ? 1 : 0 }) })
    .where('id', '=', id)
    .execute();
}

/** A password the account chose (mustChange false) or a printed one-time one (true). */
export async function setPassword(db: Kysely<Database>, id: string, password: string, mustChange: boolean, now = new Date()): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: mustChange ? 1 : 0, password_changed_at: now })
    .where('id', '=', id)
    .execute();
}

export async function passwordMatches(db: Kysely<Database>, id: string, password: string): Promise<boolean> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return Boolean(r?.password_hash) && (await verifyPassword(r!.password_hash!, password));
}

// A hash to check against when the email is unknown, so an unknown account costs as long as a
// known one and accounts cannot be found by timing the answer.
let decoy: Promise<string> | undefined;

/** Hashes the decoy ahead of the first sign-in, so the first unknown email costs no more than later ones. */
export function prepareDecoy(): Promise<string> {
  decoy ??= hashPassword(newPassword());
  decoy.catch(() => (decoy = undefined));
  return decoy;
}

/** The active account with this email and password, or undefined (same cost either way). */
export async function checkLogin(db: Kysely<Database>, email: string, password: string, now = new Date()): Promise<StaffAccount | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  const hash = r?.password_hash ?? (await prepareDecoy());
  const ok = await verifyPassword(hash, password);
  if (!r || !ok || r.disabled === 1 || !r.password_hash) return undefined;
  await db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', r.id).execute();
  return toAccount(r);
}

/**
 * The first start of an install without an admin creates one, so someone can sign in and
 * manage staff — also when `user add` made an analyst before the server ever started.
 */
export async function ensureFirstAdmin(db: Kysely<Database>, email: string): Promise<{ email: string; password: string } | undefined> {
  if ((await countActiveAdmins(db)) > 0) return undefined;
  try {
    const { user, password } = await createUser(db, email, 'admin');
    return { email: user.email, password };
  } catch (err) {
    if (err instanceof UserExistsError) return undefined; // another process won the race
    throw err;
  }
}
