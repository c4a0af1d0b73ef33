// The keyset cursor of the reports list: the (receivedAt, id) of a page's last row, opaque to clients.
import { storedMs, type StoredReportRow } from '../store/index.js';

export function encodeCursor(r: StoredReportRow): string {
  return Buffer.from(`${storedMs(r.received_at)}|${r.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { receivedAt: Date; id: string } | undefined {
  const [ms, id, extra] = Buffer.from(cursor, 'base64url').toString().split('|');
  const t = Number(ms);
  if (!id || extra !== undefined || !Number.isSafeInteger(t) || Math.abs(t) > 8.64e15) return undefined;
  return { receivedAt: new Date(t), id };
}
