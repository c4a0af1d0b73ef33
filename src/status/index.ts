export * from './public-count.js';
export * from './counts.js';
export * from './aggregate.js';
export * from './zip-check.js';
