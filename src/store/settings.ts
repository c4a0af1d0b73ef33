// Install-wide settings shared by every process on the same store (e.g. the fingerprint secret).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Returns the stored value, or stores `create()` if there is none; safe when processes race. */
export async function settingOrCreate(db: Kysely<Database>, name: string, create: () => string): Promise<string> {
  await db.insertInto('settings').values({ name, value: create() }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
