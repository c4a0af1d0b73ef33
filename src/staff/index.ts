export * from './users.js';
export { newPassword } from './credentials.js';
