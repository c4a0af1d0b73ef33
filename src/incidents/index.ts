export { getIncident, listIncidents, upsertIncidents, type IncidentFilter, type StoredIncident } from './queries.js';
export { replayStore, type ReplayResult } from './replay.js';
export { startLiveDetection, type LiveDetection, type LiveOptions } from './live.js';
export { ReportTail } from './tail.js';
export { toSummary, STATUS_FILTERS, KIND_FILTERS, type IncidentSummary } from './shape.js';
