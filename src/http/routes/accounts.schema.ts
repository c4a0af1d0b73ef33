// Contracts of sign-in, the own account, API tokens, staff administration and the audit trail.
import { Type } from 'typebox';
import { ROLES } from '../../staff/index.js';
import { IdParams, IsoTime, NoContent, NullableIsoTime, problems, STAFF_PROBLEMS } from '../schemas.js';

const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const Role = Type.Enum([...ROLES]);

export const UserView = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    role: Role,
    disabled: Type.Boolean(),
    mustChangePassword: Type.Boolean({ description: 'Still on a printed one-time password: everything but POST /api/v1/me/password answers 403 password-change-required' }),
    createdAt: IsoTime,
    lastSignInAt: NullableIsoTime,
  },
  { $id: 'User' },
);

const TokenFields = {
  id: Type.String(),
  name: Type.String(),
  createdAt: IsoTime,
  expiresAt: NullableIsoTime,
  lastUsedAt: NullableIsoTime,
};
export const TokenView = Type.Object(TokenFields, { $id: 'Token' });

const tags = (t: string) => ({ tags: [t] });

export const signInSchema = {
  ...tags('staff'),
  summary: 'Sign in (sets an HttpOnly session cookie); one limiter with the sign-in form',
  body: Type.Object({ email: Type.String({ minLength: 1, maxLength: 254 }), password: Password }, { additionalProperties: false, examples: [{ email: 'admin@localhost', password: 'the-printed-password' }] }),
  response: { 200: Type.Object({ user: Type.Ref('User') }), ...problems(400, 401, 429) },
};

export const signOutSchema = { ...tags('staff'), summary: 'Sign out (ends this session)', response: { 204: NoContent } };

export const signOutEverywhereSchema = {
  ...tags('staff'),
  summary: 'Sign out everywhere: ends every session of your account (API tokens stay; revoke them one by one)',
  response: { 200: Type.Object({ ended: Type.Integer() }), ...problems(...STAFF_PROBLEMS) },
};

export const meSchema = { ...tags('staff'), summary: 'Who am I', response: { 200: Type.Ref('User'), ...problems(...STAFF_PROBLEMS) } };

export const changePasswordSchema = {
  ...tags('staff'),
  summary: 'Choose a new password (at least 12 characters); your other sessions end',
  body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false, examples: [{ currentPassword: 'the-printed-password', newPassword: 'a long new passphrase' }] }),
  response: { 204: NoContent, ...problems(...STAFF_PROBLEMS) },
};

export const listTokensSchema = { ...tags('tokens'), summary: 'Your API tokens (never their secrets)', response: { 200: Type.Object({ items: Type.Array(Type.Ref('Token')) }), ...problems(...STAFF_PROBLEMS) } };

export const createTokenSchema = {
  ...tags('tokens'),
  summary: 'Issue an API token for yourself; the secret (`token`) is shown only in this answer',
  body: Type.Object(
    { name: Type.String({ minLength: 1, maxLength: 100 }), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 90 })) },
    { additionalProperties: false, examples: [{ name: 'nightly export', expiresInDays: 30 }] },
  ),
  response: { 201: Type.Object({ ...TokenFields, token: Type.String({ description: 'Send as Authorization: Bearer <token>' }) }), ...problems(...STAFF_PROBLEMS) },
};

export const revokeTokenSchema = { ...tags('tokens'), summary: 'Revoke one of your API tokens (it stops working at once)', params: IdParams, response: { 204: NoContent, ...problems(...STAFF_PROBLEMS, 404) } };

export const listUsersSchema = { ...tags('users'), summary: 'Staff accounts (admins)', response: { 200: Type.Object({ items: Type.Array(Type.Ref('User')) }), ...problems(...STAFF_PROBLEMS) } };

export const addUserSchema = {
  ...tags('users'),
  summary: 'Add a staff account (admins); answers its one-time password, to be changed at first sign-in',
  body: Type.Object({ email: Email, role: Role }, { additionalProperties: false, examples: [{ email: 'investigator@example.org', role: 'investigator' }] }),
  response: { 201: Type.Object({ user: Type.Ref('User'), password: Type.String() }), ...problems(...STAFF_PROBLEMS, 409) },
};

export const updateUserSchema = {
  ...tags('users'),
  summary: 'Change a role or disable/enable an account (admins); a disabled account is signed out at once',
  params: IdParams,
  body: Type.Object({ role: Type.Optional(Role), disabled: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1, examples: [{ disabled: true }] }),
  response: { 200: Type.Ref('User'), ...problems(...STAFF_PROBLEMS, 404, 409) },
};

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 254, description: 'who (email, or `cli`)' })),
    action: Type.Optional(Type.String({ maxLength: 60, description: 'e.g. report.read-contact, user.update' })),
    target: Type.Optional(Type.String({ maxLength: 100, description: 'id of what was acted on' })),
    since: Type.Optional(IsoTime),
    until: Type.Optional(IsoTime),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

export const listAuditSchema = {
  ...tags('audit'),
  summary: 'Audit events, newest first (admins)',
  querystring: AuditQuery,
  response: {
    200: Type.Object({
      items: Type.Array(Type.Object({ seq: Type.Integer(), at: IsoTime, actor: Type.String(), action: Type.String(), target: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()) })),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
    }),
    ...problems(...STAFF_PROBLEMS),
  },
};
