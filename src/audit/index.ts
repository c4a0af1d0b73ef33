export { recordAudit, verifyAuditChain, type AuditEvent } from './log.js';
