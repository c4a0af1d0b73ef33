// Secrets staff use to prove who they are. Passwords: argon2id. API tokens and session ids:
// 32 random bytes, stored only as a SHA-256 hash (they are high-entropy, so a fast hash is safe).
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { fail } from '../problems/index.js';

/**
 * Password hashing is the costliest thing the server does (tens of ms of a core, 64 MiB each):
 * at most this many run at once, so a flood of sign-ins cannot take the cores intake needs.
 */
const MAX_CONCURRENT_HASHES = 1;
/** Past this many waiting, a sign-in is refused at once (503) rather than queued for seconds. */
const MAX_WAITING_HASHES = 16;

let hashing = 0;
const waiting: Array<() => void> = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES) fail('overloaded', 'Too many sign-ins at once; retry shortly.', { retryAfter: 2 });
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    hashing++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next in line
    else hashing--;
  }
}

export const hashPassword = (password: string): Promise<string> => withHashSlot(() => argon2.hash(password, { type: argon2.argon2id }));

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  return withHashSlot(async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

/** Password checks running and waiting now (metrics, tests). */
export const hashingLoad = (): { running: number; waiting: number } => ({ running: hashing, waiting: waiting.length });

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
