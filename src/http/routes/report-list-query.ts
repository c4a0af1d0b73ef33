import type { StoredReportRow } from '../../store/index.js';

export const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    carrier: { type: 'string', maxLength: 40 },
    network: { type: 'string', maxLength: 40 },
    state: { type: 'string', pattern: '^[0-9]{2}$' },
    county: { type: 'string', pattern: '^[0-9]{5}$' },
    zip: { type: 'string', pattern: '^[0-9]{5}$' },
    reference: { type: 'string', maxLength: 40, description: 'The reference a caller quotes; case, spaces, O/0 and I/L/1 are forgiven.' },
    service: { type: 'string', enum: ['voice', 'sms', 'data', '911'] },
    source: { type: 'string', enum: ['web', 'api', 'import', 'sim'] },
    since: { type: 'string', format: 'date-time' },
    until: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 200 },
  },
} as const;

export interface ListQuery {
  carrier?: string;
  network?: string;
  state?: string;
  county?: string;
  zip?: string;
  reference?: string;
  service?: string;
  source?: string;
  since?: string;
  until?: string;
  limit: number;
  cursor?: string;
}

export function encodeCursor(r: StoredReportRow): string {
  return Buffer.from(`${r.received_at.getTime()}|${r.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { receivedAt: Date; id: string } | undefined {
  const [ms, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const t = Number(ms);
  if (!id || !Number.isInteger(t)) return undefined;
  return { receivedAt: new Date(t), id };
}
