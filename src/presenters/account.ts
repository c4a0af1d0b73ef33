// Staff accounts and tokens as they leave the API: never a hash, never a secret (a new token's
// secret is returned once by the command that made it, beside this view).
import type { ApiToken, StaffAccount } from '../staff/index.js';

export interface UserView {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export const presentUser = (u: StaffAccount): UserView => ({
  id: u.id,
  email: u.email,
  role: u.role,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
});

export const presentToken = (t: ApiToken): TokenView => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});
