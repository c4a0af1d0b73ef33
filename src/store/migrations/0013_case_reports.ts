import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.js';
import { timeType } from './0001_initial.js';

/**
 * Single reports staff attached to an incident or detached from it, beside the case file and
 * apart from detection's rows (a replay rewrites incidents, never these). One row per incident
 * and report; the report index finds where else a report is attached.
 */
export function caseReports(dialect: Dialect) {
  const ts = sql.raw(timeType(dialect));
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('case_reports')
        .addColumn('incident_id', 'text', (c) => c.notNull())
        .addColumn('report_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('case_reports_pk', ['incident_id', 'report_id'])
        .execute();
      await db.schema.createIndex('case_reports_report').on('case_reports').columns(['report_id', 'kind']).execute();
    },
  };
}
