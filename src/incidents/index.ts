export { getIncident, listIncidents, replaceIncidents, upsertIncidents, type IncidentFilter, type StoredIncident } from './queries.js';
export { nextReports, cursorOf, type FeedCursor } from './feed.js';
export { replayStore, snapshotIncidents, type ReplayResult } from './replay.js';
export { startLiveDetection, type LiveDetection, type LiveOptions } from './live.js';
