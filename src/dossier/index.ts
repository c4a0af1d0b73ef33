// The dossier: impact, FCC Part 4, credits and the NORS draft (pure), the case file, the
// complaints of an incident, and its exports (CSV, JSON Lines, PDF).
export * from './credits.js';
export * from './fcc.js';
export * from './impact.js';
export * from './nors.js';
export * from './assumptions.js';
export * from './membership.js';
export { ImpactTallies, countTally, warmImpactTallies, type IncidentTally } from './tally.js';
export * from './case-file.js';
export * from './complaints.js';
export * from './report-links.js';
