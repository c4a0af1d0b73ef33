export * from './roles.js';
export * from './actor.js';
export * from './users.js';
export * from './tokens.js';
export * from './sessions.js';
export { hashingLoad, newPassword } from './credentials.js';
