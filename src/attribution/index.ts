export * from './types.js';
export { assessClaim } from './assess.js';
export { incidentMarkers, markerList, isOfficial, type IncidentMarkers } from './markers.js';
export { isAbrupt } from './signature.js';
