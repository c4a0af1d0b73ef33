// The signed-in member's own account: who am I, choose a new password.
import { recordAudit } from '../audit/index.js';
import { authorize } from '../policy/index.js';
import { presentUser, type UserView } from '../presenters/index.js';
import { fail, failInvalid } from '../problems/index.js';
import { endAllSessions, getUser, passwordMatches, setPassword, type Actor } from '../staff/index.js';
import type { CommandContext } from './context.js';

export const PASSWORD_MIN = 12;

export async function readMe(cx: CommandContext, actor: Actor): Promise<UserView> {
  authorize(actor, 'account.read');
  const u = await getUser(cx.store.db, actor.id);
  if (!u) return fail('unauthenticated', 'This account no longer exists.');
  return presentUser(u);
}

/** Why a new password will not do, or undefined. */
export function newPasswordProblem(newPassword: string, current: string): string | undefined {
  if ([...newPassword].length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (newPassword === current) return 'must differ from the current password';
  return undefined;
}

/**
 * Changes the actor's password. Other sessions end (someone who knew the old password is out);
 * the one making the change stays signed in.
 */
export async function changeOwnPassword(cx: CommandContext, actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
  authorize(actor, 'account.change-password');
  if (!(await passwordMatches(cx.store.db, actor.id, input.currentPassword))) failInvalid('currentPassword', 'is not your current password');
  const why = newPasswordProblem(input.newPassword, input.currentPassword);
  if (why) failInvalid('newPassword', why);
  await setPassword(cx.store.db, actor.id, input.newPassword, false);
  const ended = await endAllSessions(cx.store.db, actor.id, actor.via === 'session' ? actor.credential : undefined);
  await recordAudit(cx.store, { actor: actor.email, action: 'account.password-change', target: actor.id, detail: { otherSessionsEnded: ended } });
}
