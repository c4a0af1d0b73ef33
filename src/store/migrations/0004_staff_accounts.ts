import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { uuidv7 } from '../ids.js';
import { timeType } from './0001_initial.js';

/**
 * Accounts that can be managed: a forced first password change, token ids (to list and revoke
 * without the secret), token expiry and last use, and sessions with an idle end. Existing
 * accounts keep their password (nobody is locked out by the upgrade); existing tokens get an id
 * and no expiry; existing sessions count as seen when they started.
 */
export function staffAccounts(dialect: Dialect) {
  const ts = sql.raw(timeType(dialect));
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('users').addColumn('password_changed_at', ts).execute();
      await db.schema.alterTable('users').addColumn('last_sign_in_at', ts).execute();
      await db.schema.alterTable('api_tokens').addColumn('id', 'text').execute();
      await db.schema.alterTable('api_tokens').addColumn('expires_at', ts).execute();
      await db.schema.alterTable('api_tokens').addColumn('last_used_at', ts).execute();
      const tokens = await sql<{ token_hash: string }>`select token_hash from api_tokens`.execute(db);
      for (const t of tokens.rows) await sql`update api_tokens set id = ${uuidv7()} where token_hash = ${t.token_hash}`.execute(db);
      await db.schema.createIndex('api_tokens_id').on('api_tokens').column('id').unique().execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
      await db.schema.alterTable('sessions').addColumn('last_seen_at', ts).execute();
      await sql`update sessions set last_seen_at = created_at`.execute(db);
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('audit_events_actor').on('audit_events').columns(['actor', 'seq']).execute();
    },
  };
}
