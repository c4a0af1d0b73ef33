// Who is acting: a signed-in staff member, and how they proved it. Every command takes one.
import type { Role } from './roles.js';

export interface Actor {
  id: string;
  email: string;
  role: Role;
  /** Signed in with a printed one-time password: may only choose a new one (policy). */
  mustChangePassword: boolean;
  via: 'session' | 'token' | 'cli';
  /** The session's hash or the token's id: what "sign out" or "revoke" ends. */
  credential: string;
}

/** The CLI acts as an admin on the store it opened (whoever can open the store owns it). */
export const CLI_ACTOR: Actor = { id: 'cli', email: 'cli', role: 'admin', mustChangePassword: false, via: 'cli', credential: 'cli' };
