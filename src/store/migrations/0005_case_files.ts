import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { timeType } from './0001_initial.js';

/**
 * The investigation beside detection: staff decisions per incident (kept apart from the
 * detector's rows, which a replay rewrites), the case timeline, cached impact tallies, and the
 * indexes the complaints table filters by. A ZIP, county or state filter walked the time index
 * (about 2 s at 2 M reports for a quiet ZIP); each now reads only its own rows, newest first.
 * They cost the write path a few random index pages per commit (see README "The dossier").
 */
export function caseFiles(dialect: Dialect) {
  const ts = sql.raw(timeType(dialect));
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('case_files')
        .addColumn('incident_id', 'text', (c) => c.primaryKey())
        .addColumn('decision', 'text')
        .addColumn('decided_resolved_at', ts)
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', ts)
        .addColumn('assignee', 'text')
        .addColumn('assumptions', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('membership', 'text')
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('case_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('at', ts, (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('case_events_incident').on('case_events').columns(['incident_id', 'at']).execute();
      await db.schema
        .createTable('impact_tallies')
        .addColumn('incident_id', 'text', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('computed_at', ts, (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('reports_zip_received_at').on('reports').columns(['zip', 'received_at']).execute();
      await db.schema.createIndex('reports_county_received_at').on('reports').columns(['county', 'received_at']).execute();
      await db.schema.createIndex('reports_state_received_at').on('reports').columns(['state', 'received_at']).execute();
    },
  };
}
