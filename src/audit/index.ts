export { recordAudit, verifyAuditChain, listAuditEvents, type AuditEvent, type StoredAuditEvent, type AuditFilter, type ChainBreak } from './log.js';
