// The policy table, written out here by hand so a change to it is a visible change to this test.
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problems/index.js';
import { ROLES, type Actor, type Role } from '../staff/index.js';
import { ACTIONS, authorize, type Action } from './index.js';

const EXPECTED: Record<Action, Role[]> = {
  'report.list': ['admin', 'investigator', 'analyst'],
  'report.read': ['admin', 'investigator', 'analyst'],
  'report.read-contact': ['admin', 'investigator'],
  'incident.list': ['admin', 'investigator', 'analyst'],
  'incident.read': ['admin', 'investigator', 'analyst'],
  'events.watch': ['admin', 'investigator', 'analyst'],
  'attribution.read': ['admin', 'investigator', 'analyst'],
  'attribution.write': ['admin', 'investigator'],
  'account.read': ['admin', 'investigator', 'analyst'],
  'account.change-password': ['admin', 'investigator', 'analyst'],
  'account.sign-out': ['admin', 'investigator', 'analyst'],
  'token.manage-own': ['admin', 'investigator', 'analyst'],
  'user.list': ['admin'],
  'user.add': ['admin'],
  'user.update': ['admin'],
  'audit.list': ['admin'],
  'incident.act': ['admin', 'investigator'],
  'incident.note': ['admin', 'investigator'],
  'incident.reports': ['admin', 'investigator', 'analyst'],
  'incident.export': ['admin', 'investigator', 'analyst'],
  'incident.export-contact': ['admin', 'investigator'],
  'store.backup': ['admin'],
  'store.restore': ['admin'],
  'store.retention': ['admin'],
  'alert.list': ['admin'],
  'alert.manage': ['admin'],
};

const actor = (role: Role, mustChangePassword = false): Actor => ({ id: 'u', email: `${role}@x.org`, role, mustChangePassword, via: 'session', credential: 'c' });

function outcome(a: Actor, action: Action): string {
  try {
    authorize(a, action);
    return 'allowed';
  } catch (err) {
    if (err instanceof ProblemError) return err.code;
    throw err;
  }
}

describe('policy', () => {
  it('lists exactly the actions the table names', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(ROLES.flatMap((role) => ACTIONS.map((action) => [role, action] as const)))('%s × %s', (role, action) => {
    expect(outcome(actor(role), action)).toBe(EXPECTED[action].includes(role) ? 'allowed' : 'forbidden');
  });

  it('lets an account on its one-time password only choose a new one or sign out', () => {
    for (const action of ACTIONS) {
      const want = action === 'account.change-password' || action === 'account.sign-out' ? 'allowed' : 'password-change-required';
      expect(outcome(actor('admin', true), action), action).toBe(want);
    }
  });
});
