export { openStore, migrate, type Store, type Dialect, type StoreOptions } from './db.js';
export { GroupCommitter } from './group-commit.js';
export { uuidv7, reportReference, normalizeReference } from './ids.js';
export * from './reports.js';
export type { Database } from './schema.js';
export { settingOrCreate } from './settings.js';
export { isUniqueViolation } from './errors.js';
export { insertWithFreshIds } from './insert-batch.js';
export { createReportWriter, type ReportWriter } from './report-writer.js';
