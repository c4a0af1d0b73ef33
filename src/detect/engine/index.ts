// Public surface of the detection engine.
export { DetectionEngine, defaultIncidentId, populationShare, type EngineOptions } from './engine.js';
export { DEFAULT_THRESHOLDS, type Thresholds } from './config.js';
export { SERVICES } from './types.js';
export type {
  CollateralEvidence, DetectionReport, Incident, IncidentChange, IncidentEvidence, IncidentKind, IncidentStatus,
  OpeningEvidence, Scope, ScopeLevel, SeriesPoint, Service, ServiceMix,
} from './types.js';
