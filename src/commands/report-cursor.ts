// The keyset cursor of the reports list: the (receivedAt, id) of a page's last row, opaque to clients.
import { storedMs, type StoredReportRow } from '../store/index.js';

export function encodeCursor(r: StoredReportRow): string {
  return Buffer.from(`${storedMs(r.received_at)}|${r.id}`).toString('base64url');
}

/** Report ids are UUIDv7 text; anything else in a cursor was not issued by us (and may hold NUL). */
const REPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Receipt times both stores hold (PostgreSQL timestamptz starts at 4713 BC; ours at 1970). */
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');

export function decodeCursor(cursor: string): { receivedAt: Date; id: string } | undefined {
  const [ms, id, extra] = Buffer.from(cursor, 'base64url').toString().split('|');
  const t = Number(ms);
  if (!id || !REPORT_ID.test(id) || extra !== undefined || !Number.isSafeInteger(t) || t < 0 || t > LAST_MS) return undefined;
  return { receivedAt: new Date(t), id };
}
