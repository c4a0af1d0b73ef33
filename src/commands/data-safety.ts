// Backups, restores and retention of the store, as admin commands (the CLI acts as admin).
// Each is audited; retention writes what it purged, never whose.
import { recordAudit } from '../audit/index.js';
import { authorize } from '../policy/index.js';
import { failInvalid } from '../problems/index.js';
import type { Actor } from '../staff/index.js';
import type { CommandContext } from './context.js';

const DAY_MS = 86_400_000;

export interface RetentionRule {
  /** Contact details (name, email, phone) of reports older than this are erased. */
  contactDays: number;
  /** Reports older than this are deleted; incidents (with their counts) are kept. */
  reportDays: number;
}

export interface RetentionResult extends RetentionRule {
  contactsPurged: number;
  reportsDeleted: number;
}

export async function applyRetention(cx: CommandContext, actor: Actor, rule: RetentionRule, now = new Date()): Promise<RetentionResult> {
  authorize(actor, 'store.retention');
  if (!(rule.contactDays >= 1)) failInvalid('contactDays', 'must be at least 1');
  if (!(rule.reportDays >= rule.contactDays)) failInvalid('reportDays', 'must be at least contactDays');
  const db = cx.store.db;
  const contactBefore = new Date(now.getTime() - rule.contactDays * DAY_MS);
  const reportBefore = new Date(now.getTime() - rule.reportDays * DAY_MS);
  const result = await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('reports').where('received_at', '<', reportBefore).executeTakeFirst();
    const purged = await trx
      .updateTable('reports')
      .set({ contact_name: null, contact_email: null, contact_phone: null, consent_to_contact: 0 })
      .where('received_at', '<', contactBefore)
      .where((eb) => eb.or([eb('contact_name', 'is not', null), eb('contact_email', 'is not', null), eb('contact_phone', 'is not', null)]))
      .executeTakeFirst();
    return { contactsPurged: Number(purged.numUpdatedRows), reportsDeleted: Number(deleted.numDeletedRows) };
  });
  await recordAudit(cx.store, { actor: actor.email, action: 'store.retention', target: 'reports', detail: { ...rule, ...result } }, now);
  return { ...rule, ...result };
}

/** Records a backup or restore in the audit trail (of the store it was taken from / restored into). */
export async function auditDataCopy(cx: CommandContext, actor: Actor, action: 'store.backup' | 'store.restore', file: string, detail: Record<string, unknown>): Promise<void> {
  authorize(actor, action);
  await recordAudit(cx.store, { actor: actor.email, action, target: file, detail });
}
