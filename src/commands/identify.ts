// Turns a presented credential (session cookie, bearer token) into the acting staff member.
import { getUser, resolveSession, resolveToken, type Actor, type StaffAccount } from '../staff/index.js';
import { sessionLimits, type CommandContext } from './context.js';

/**
 * The forced password change guards the printed password, which only ever opens sessions: a
 * token an admin issued beside it (`user add --token`) is a credential of its own and works.
 */
const actorOf = (u: StaffAccount, via: Actor['via'], credential: string): Actor | undefined =>
  u.disabled ? undefined : { id: u.id, email: u.email, role: u.role, mustChangePassword: u.mustChangePassword && via === 'session', via, credential };

export async function actorFromSession(cx: CommandContext, sessionId: string, now = new Date()): Promise<Actor | undefined> {
  const s = await resolveSession(cx.store.db, sessionId, sessionLimits(cx), now);
  const u = s && (await getUser(cx.store.db, s.userId));
  return u && actorOf(u, 'session', s.sessionHash);
}

export async function actorFromToken(cx: CommandContext, secret: string, now = new Date()): Promise<Actor | undefined> {
  const t = await resolveToken(cx.store.db, secret, now);
  const u = t && (await getUser(cx.store.db, t.userId));
  return u && actorOf(u, 'token', t.tokenId);
}
