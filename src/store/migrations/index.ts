// One set of migrations for both stores, applied in name order on start. Names are
// NNNN_snake_case (checked by store/migrations.test.ts); never edit one that has shipped.
import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../db.js';
import { initial } from './0001_initial.js';
import { incidents } from './0002_incidents.js';
import { reportsWritePath } from './0003_reports_write_path.js';
import { staffAccounts } from './0004_staff_accounts.js';
import { caseFiles } from './0005_case_files.js';
import { attribution } from './0006_attribution.js';
import { incidentNotify } from './0007_incident_notify.js';
import { hardening } from './0008_hardening.js';
import { alerts } from './0009_alerts.js';
import { rateBuckets } from './0010_rate_buckets.js';
import { publicMail } from './0011_public_mail.js';
import { exportOrder } from './0012_export_order.js';
import { caseReports } from './0013_case_reports.js';

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001_initial': initial(dialect),
        '0002_incidents': incidents(dialect),
        '0003_reports_write_path': reportsWritePath(),
        '0004_staff_accounts': staffAccounts(dialect),
        '0005_case_files': caseFiles(dialect),
        '0006_attribution': attribution(dialect),
        '0007_incident_notify': incidentNotify(dialect),
        '0008_hardening': hardening(),
        '0009_alerts': alerts(dialect),
        '0010_rate_buckets': rateBuckets(dialect),
        '0011_public_mail': publicMail(dialect),
        '0012_export_order': exportOrder(dialect),
        '0013_case_reports': caseReports(dialect),
      };
    },
  };
}
