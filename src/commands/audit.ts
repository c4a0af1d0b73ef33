// Admins read the audit trail, newest first, filtered by who, what, which target and when.
import { listAuditEvents, type AuditFilter } from '../audit/index.js';
import { authorize } from '../policy/index.js';
import { presentAuditEvent, type AuditEventView } from '../presenters/index.js';
import { failInvalid } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import type { CommandContext } from './context.js';

export async function listAudit(cx: CommandContext, actor: Actor, input: Omit<AuditFilter, 'beforeSeq'> & { cursor?: string | undefined }): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  authorize(actor, 'audit.list');
  const beforeSeq = input.cursor === undefined ? undefined : Number(input.cursor);
  if (beforeSeq !== undefined && !(Number.isSafeInteger(beforeSeq) && beforeSeq > 0)) failInvalid('querystring.cursor', 'is not a cursor this API issued');
  const events = await listAuditEvents(cx.store.db, { ...input, beforeSeq });
  const last = events.at(-1);
  return { items: events.map(presentAuditEvent), nextCursor: events.length === input.limit && last ? String(last.seq) : null };
}
