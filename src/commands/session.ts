// Signing in and out. One path for the sign-in form and the API, behind one limiter.
import { recordAudit } from '../audit/index.js';
import { authorize } from '../policy/index.js';
import { presentUser, type UserView } from '../presenters/index.js';
import { fail } from '../problems/index.js';
import { checkLogin, endAllSessions, endSession, startSession, type Actor } from '../staff/index.js';
import { sessionLimits, type CommandContext } from './context.js';

export interface SignedIn {
  user: UserView;
  /** The cookie's value; stored only hashed. */
  sessionId: string;
  maxAgeSeconds: number;
}

export interface SignInAttempt {
  email: string;
  password: string;
  /**
   * Counts the attempt against the sign-in limits (per address, per account, overall; shared by
   * every process) and throws `login-rate-limited` past one: the HTTP layer's, which knows the address.
   */
  countAttempt(): Promise<void>;
}

export async function signIn(cx: CommandContext, input: SignInAttempt, now = new Date()): Promise<SignedIn> {
  await input.countAttempt();
  // The same argon2 work whether or not the account exists; at most a few at once.
  const user = await checkLogin(cx.store.db, input.email, input.password, now);
  if (!user) fail('bad-credentials', 'Email or password is wrong.');
  const sessionId = await startSession(cx.store.db, user!.id, sessionLimits(cx), now);
  await recordAudit(cx.store, { actor: user!.email, action: 'session.start', target: user!.id }, now);
  return { user: presentUser(user!), sessionId, maxAgeSeconds: cx.config.sessionMaxHours * 3600 };
}

export async function signOut(cx: CommandContext, sessionId: string): Promise<void> {
  await endSession(cx.store.db, sessionId);
}

/** Ends every browser session of the actor (API tokens stay: revoke those one by one). */
export async function signOutEverywhere(cx: CommandContext, actor: Actor): Promise<{ ended: number }> {
  authorize(actor, 'account.sign-out');
  const ended = await endAllSessions(cx.store.db, actor.id);
  await recordAudit(cx.store, { actor: actor.email, action: 'session.end-all', target: actor.id, detail: { ended } });
  return { ended };
}
