// A salted client fingerprint: enough to count one person once and to rate-limit, never the
// raw IP. The salt changes every UTC day (derived from a secret shared by all API processes),
// so fingerprints cannot be joined across days.
import { createHmac } from 'node:crypto';

export function clientFingerprint(secret: string, ip: string, userAgent: string, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  const daySalt = createHmac('sha256', secret).update(day).digest();
  return createHmac('sha256', daySalt).update(`${ip}\n${userAgent}`).digest('base64url').slice(0, 22);
}
