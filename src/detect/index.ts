// Public surface of detect: the streaming incident engine and the single-series detector.
export * from './engine/index.js';
export * from './series/index.js';
