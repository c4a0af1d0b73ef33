// Time-ordered ids (UUIDv7, RFC 9562) keep the reports index append-only; references are short
// codes a caller can read out on the phone (Crockford base32: no I, L, O, U).
import { randomBytes } from 'node:crypto';

export function uuidv7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function reportReference(): string {
  const b = randomBytes(8);
  let s = '';
  for (let i = 0; i < 8; i++) s += CROCKFORD[b[i]! & 31];
  return `OD-${s.slice(0, 4)}-${s.slice(4)}`;
}
