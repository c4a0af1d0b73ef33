// A salted client fingerprint: enough to count one person once and to rate-limit, never the
// raw IP. As privacy-first analytics do, the salt is random per UTC day, shared by every
// process through the store, and deleted once the dedupe window after its day has passed:
// from then on the day's fingerprints cannot be linked to an address, even with the whole
// database and configuration (there is no secret left to search the IPv4 space with).
import { hash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';

/**
 * How long a day's salt outlives its day: the detection's dedupe window (60 min) plus slack
 * for a request stamped before midnight and fingerprinted just after.
 */
export const SALT_GRACE_MS = 2 * 3_600_000;


const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** SHA-256 over the day's salt and the client; the salt is random and secret while it exists. */
export function clientFingerprint(salt: Buffer, ip: string, userAgent: string): string {
  return hash('sha256', Buffer.concat([salt, Buffer.from(`${ip}\n${userAgent}`)]), 'base64url').slice(0, 22);
}

/** The last day whose salt must still be kept at `now` (older ones are deleted). */
export function oldestKeptDay(now: Date): string {
  return dayOf(new Date(now.getTime() - SALT_GRACE_MS));
}

/** Daily salts in the store, cached per process; creation is safe when processes race. */
export class DailySalts {
  readonly #db: Kysely<Database>;
  readonly #cache = new Map<string, Promise<Buffer>>();
  /** The salts loaded so far, for the synchronous path (`loadedFingerprint`). */
  readonly #loaded = new Map<string, Buffer>();

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The salt of `at`'s UTC day (created on first use), cached: the intake path awaits a settled promise. */
  forDay(at: Date): Promise<Buffer> {
    const day = dayOf(at);
    let salt = this.#cache.get(day);
    if (!salt) {
      salt = this.#load(day, at);
      salt.then((b) => this.#loaded.set(day, b), () => this.#cache.delete(day));
      this.#cache.set(day, salt);
    }
    return salt;
  }

  async fingerprint(ip: string, userAgent: string, at: Date): Promise<string> {
    return clientFingerprint(await this.forDay(at), ip, userAgent);
  }

  /** The fingerprint without waiting, if `at`'s salt is loaded already (else undefined). */
  loadedFingerprint(ip: string, userAgent: string, at: Date): string | undefined {
    const salt = this.#loaded.get(dayOf(at));
    return salt && clientFingerprint(salt, ip, userAgent);
  }

  /** Deletes the salts (stored and cached) of days past their grace; returns the days deleted. */
  async purge(now: Date): Promise<string[]> {
    const keep = oldestKeptDay(now);
    for (const day of this.#cache.keys()) if (day < keep) this.#cache.delete(day);
    for (const day of this.#loaded.keys()) if (day < keep) this.#loaded.delete(day);
    const gone = await this.#db.deleteFrom('fingerprint_salts').where('day', '<', keep).returning('day').execute();
    return gone.map((r) => r.day);
  }

  async #load(day: string, at: Date): Promise<Buffer> {
    // Each new day is the moment to forget the ones before it.
    await this.purge(at);
    await this.#db
      .insertInto('fingerprint_salts')
      .values({ day, salt: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const row = await this.#db.selectFrom('fingerprint_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
    return Buffer.from(row.salt, 'base64url');
  }
}

