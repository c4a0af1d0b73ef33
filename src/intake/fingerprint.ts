// A salted client fingerprint: enough to count one person once and to rate-limit, never the
// raw IP. The salt changes every UTC day (derived from a secret shared by all API processes),
// so fingerprints cannot be joined across days.
import { createHmac } from 'node:crypto';

let cached: { secret: string; day: string; salt: Buffer } | undefined;

function daySalt(secret: string, day: string): Buffer {
  if (cached?.secret !== secret || cached.day !== day) cached = { secret, day, salt: createHmac('sha256', secret).update(day).digest() };
  return cached.salt;
}

export function clientFingerprint(secret: string, ip: string, userAgent: string, at: Date): string {
  const salt = daySalt(secret, at.toISOString().slice(0, 10));
  return createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest('base64url').slice(0, 22);
}
