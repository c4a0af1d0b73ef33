// Time-ordered ids (UUIDv7, RFC 9562) keep the reports index append-only; references are short
// codes a caller can read out on the phone (Crockford base32: no I, L, O, U).
import { randomFillSync } from 'node:crypto';

// Bulk imports mint millions of ids: drawing random bytes from a refilled pool avoids a
// system call per id.
const pool = Buffer.alloc(64 * 1024);
let poolAt = pool.length;

function randomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += n;
  return pool.subarray(poolAt - n, poolAt);
}

export function uuidv7(now = Date.now()): string {
  const b = Buffer.from(randomBytes(16));
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 60 random bits: among 10 million stored reports the chance that a new reference repeats one
 * is about 1 in 10^11, and the insert retries with a fresh one if it ever does.
 */
/**
 * A reference as a caller reads it out ("od abcd efgh jk1m", with O for 0 or L for 1) in the
 * form it was issued; undefined if it cannot be one.
 */
export function normalizeReference(spoken: string): string | undefined {
  let s = spoken.toUpperCase().replace(/[\s-]/g, '');
  if (s.length === 14 && /^[O0]D/.test(s)) s = s.slice(2); // the "OD" prefix is optional
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(s)) return undefined;
  return `OD-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export function reportReference(): string {
  const b = randomBytes(12);
  let s = '';
  for (let i = 0; i < 12; i++) s += CROCKFORD[b[i]! & 31];
  return `OD-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
