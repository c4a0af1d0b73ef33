// Who may do what: the one table the command layer checks. A role not listed for an action
// gets `403 forbidden`; an account still on its printed one-time password gets
// `403 password-change-required` for everything but choosing a new one and signing out.
import { fail } from '../problems/index.js';
import type { Actor, Role } from '../staff/index.js';

const ALL: readonly Role[] = ['admin', 'investigator', 'analyst'];
const CONTACT: readonly Role[] = ['admin', 'investigator'];
const ADMIN: readonly Role[] = ['admin'];

export const POLICY = {
  'report.list': ALL,
  'report.read': ALL,
  /** Names, emails and phone numbers of reporters who left them. */
  'report.read-contact': CONTACT,
  'incident.list': ALL,
  'incident.read': ALL,
  'events.watch': ALL,
  /** Statements, claims of responsibility and their assessments (public words, no personal data). */
  'attribution.read': ALL,
  'attribution.write': CONTACT,
  'account.read': ALL,
  'account.change-password': ALL,
  'account.sign-out': ALL,
  'token.manage-own': ALL,
  'user.list': ADMIN,
  'user.add': ADMIN,
  'user.update': ADMIN,
  'audit.list': ADMIN,
  /** Confirm, dismiss, resolve, reopen, assign; change an incident's impact assumptions. */
  'incident.act': CONTACT,
  'incident.note': CONTACT,
  /** The complaints of an incident (redacted like the reports list) and their export without contact details. */
  'incident.reports': ALL,
  'incident.export': ALL,
  /** Exports with reporters' contact details. */
  'incident.export-contact': CONTACT,
  'store.backup': ADMIN,
  'store.restore': ADMIN,
  /** Erases old contact details and deletes old reports. */
  'store.retention': ADMIN,
  /** Partner alert subscriptions, their deliveries, and the count of public subscribers. */
  'alert.list': ADMIN,
  'alert.manage': ADMIN,
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** What an account with a printed password may still do. */
const BEFORE_PASSWORD_CHANGE: ReadonlySet<Action> = new Set<Action>(['account.change-password', 'account.sign-out']);

export function may(actor: Actor, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(actor.role);
}

/** Throws the problem the actor gets for this action, or returns when it is allowed. */
export function authorize(actor: Actor, action: Action): void {
  if (actor.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(action)) {
    fail('password-change-required', 'This account still has its one-time password: choose a new one with POST /api/v1/me/password.');
  }
  if (!may(actor, action)) fail('forbidden', `Your role (${actor.role}) may not do this (${action}); it needs: ${POLICY[action].join(', ')}.`);
}
