// Every staff action or read is one function here: it takes the acting staff member, checks the
// policy, writes the audit event and returns presented data. Routes, pages and the CLI call these.
export * from './context.js';
export * from './identify.js';
export * from './session.js';
export * from './account.js';
export * from './tokens.js';
export * from './staff.js';
export * from './reports.js';
export * from './incidents.js';
export * from './audit.js';
export * from './attribution.js';
export * from './attribution-import.js';
export * from './incident-case.js';
export * from './complaints.js';
export { ExportReader, type ExportBatch } from './export-reader.js';
export * from './dossier.js';
export * from './case-changes.js';
export * from './case-reports.js';
export * from './alerts.js';
