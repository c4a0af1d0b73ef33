// Secrets staff use to prove who they are. Passwords: argon2id. API tokens and session ids:
// 32 random bytes, stored only as a SHA-256 hash (they are high-entropy, so a fast hash is safe).
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** Readable one-time password: 4 groups of 5 lowercase letters/digits (~100 bits). */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const b = randomBytes(20);
  let s = '';
  for (let i = 0; i < 20; i++) s += alphabet[b[i]! % alphabet.length];
  return s.match(/.{5}/g)!.join('-');
}
