import type { StoredAuditEvent } from '../audit/index.js';

export interface AuditEventView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export const presentAuditEvent = (e: StoredAuditEvent): AuditEventView => ({ seq: e.seq, at: e.at.toISOString(), actor: e.actor, action: e.action, target: e.target, detail: e.detail });
