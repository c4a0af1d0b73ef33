export * from './report.js';
export * from './incident.js';
export * from './account.js';
export * from './audit-event.js';
export * from './attribution.js';
export * from './impact.js';
export * from './alert.js';
