// Admins manage staff: list, add (with a printed one-time password), change role, disable
// (its sessions end and its tokens stop working at once), reset a password.
import { recordAudit } from '../audit/index.js';
import { authorize } from '../policy/index.js';
import { presentUser, type UserView } from '../presenters/index.js';
import { fail, failInvalid } from '../problems/index.js';
import {
  countActiveAdmins, createUser, endAllSessions, findUserByEmail, getUser, listUsers, newPassword, setPassword, updateUser, UserExistsError,
  type Actor, type Role, type StaffAccount,
} from '../staff/index.js';
import type { CommandContext } from './context.js';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

export async function listStaff(cx: CommandContext, actor: Actor): Promise<UserView[]> {
  authorize(actor, 'user.list');
  return (await listUsers(cx.store.db)).map(presentUser);
}

export async function addStaff(cx: CommandContext, actor: Actor, input: { email: string; role: Role }): Promise<{ user: UserView; password: string }> {
  authorize(actor, 'user.add');
  if (!EMAIL_PATTERN.test(input.email.trim())) failInvalid('email', 'is not an email address');
  try {
    const { user, password } = await createUser(cx.store.db, input.email, input.role);
    await recordAudit(cx.store, { actor: actor.email, action: 'user.add', target: user.id, detail: { email: user.email, role: user.role } });
    return { user: presentUser(user), password };
  } catch (err) {
    if (err instanceof UserExistsError) fail('user-exists', err.message);
    throw err;
  }
}

async function existing(cx: CommandContext, id: string): Promise<StaffAccount> {
  const u = await getUser(cx.store.db, id);
  return u ?? fail('user-not-found', `No staff account ${id}.`);
}

/** An install must keep one admin who can sign in, or nobody can manage staff again. */
async function keepAnAdmin(cx: CommandContext, u: StaffAccount, change: { role?: Role | undefined; disabled?: boolean | undefined }): Promise<void> {
  const losesAdmin = u.role === 'admin' && !u.disabled && ((change.role && change.role !== 'admin') || change.disabled === true);
  if (losesAdmin && (await countActiveAdmins(cx.store.db)) <= 1) fail('last-admin', `${u.email} is the last active admin: make another admin first.`);
}

export async function updateStaff(cx: CommandContext, actor: Actor, id: string, change: { role?: Role | undefined; disabled?: boolean | undefined }): Promise<UserView> {
  authorize(actor, 'user.update');
  const before = await existing(cx, id);
  await keepAnAdmin(cx, before, change);
  await updateUser(cx.store.db, id, change);
  const endedSessions = change.disabled ? await endAllSessions(cx.store.db, id) : 0;
  const after = await existing(cx, id);
  await recordAudit(cx.store, {
    actor: actor.email, action: 'user.update', target: id,
    detail: { email: after.email, ...(change.role ? { role: [before.role, after.role] } : {}), ...(change.disabled === undefined ? {} : { disabled: after.disabled, endedSessions }) },
  });
  return presentUser(after);
}

/** A new printed one-time password (the account must choose its own at next sign-in). */
export async function resetStaffPassword(cx: CommandContext, actor: Actor, id: string): Promise<{ user: UserView; password: string }> {
  authorize(actor, 'user.update');
  const u = await existing(cx, id);
  const password = newPassword();
  await setPassword(cx.store.db, id, password, true);
  await endAllSessions(cx.store.db, id);
  await recordAudit(cx.store, { actor: actor.email, action: 'user.password-reset', target: id, detail: { email: u.email } });
  return { user: presentUser(await existing(cx, id)), password };
}

export async function findStaffByEmail(cx: CommandContext, actor: Actor, email: string): Promise<UserView> {
  authorize(actor, 'user.list');
  const u = await findUserByEmail(cx.store.db, email);
  return u ? presentUser(u) : fail('user-not-found', `No staff account ${email}.`);
}
