// Public surface of the detection engine.
export { DetectionEngine, type EngineOptions } from './engine.js';
export { ReportBatch } from './report-batch.js';
export { serviceMask, serviceMaskOfText } from './report-log.js';
export type { Thresholds } from './config.js';
export type {
  CollateralEvidence, DetectionReport, Incident, IncidentChange, IncidentEvidence, IncidentKind, IncidentStatus,
  OpeningEvidence, Scope, ScopeBasis, ScopeEvidence, ScopeLevel, SeriesPoint, Service, ServiceMix,
} from './types.js';
