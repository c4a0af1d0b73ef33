// Hand-built incidents and report rows, stored through the real store functions (no mocks).
import type { Store } from '../../src/store/index.js';
import { insertWithFreshIds, reportReference, uuidv7, type ReportRow } from '../../src/store/index.js';
import { DetectionEngine } from '../../src/detect/index.js';
import { ReportTail, upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';

/** The list contract: exactly these fields, nothing more. */
export const SUMMARY_KEYS = ['detectedAt', 'id', 'kind', 'network', 'onsetAt', 'peak', 'primaryIncidentId', 'reportCount', 'resolvedAt', 'scope', 'services', 'status'];

type IncidentBasics = Pick<StoredIncident, 'id' | 'network' | 'status' | 'kind' | 'onsetAt' | 'resolvedAt'> & Partial<StoredIncident>;

export function incident(p: IncidentBasics): StoredIncident {
  return {
    primaryIncidentId: null,
    scope: { level: 'state', regions: ['48'] },
    services: { voice: 0.8, sms: 0.2, data: 0.6, '911': 0.1 },
    detectedAt: new Date(Date.parse(p.onsetAt) + 4 * 60_000).toISOString(),
    reportCount: 120,
    peak: { at: p.onsetAt, count: 60 },
    evidence: {
      opening: { level: 'state', region: '48', windowMinutes: 15, observed: 40, expected: 3, tested: 4.5, llr: 60, ratio: 13.3, duplicateShare: 0, elevatedMinutes: 9 },
      collateral: null,
    },
    series: [{ at: p.onsetAt, observed: 60, expected: 3 }],
    ...p,
  };
}

/**
 * Four incidents around the 22 Feb 2024 day:
 * att (primary, resolved 08:45-20:10), verizon (its collateral, resolved 09:00-12:00),
 * tmobile (primary, confirmed since 1 Mar), boost (primary, suspected since 2 Mar).
 */
export const SEEDED: StoredIncident[] = [
  incident({ id: 'att-20240222T0845Z', network: 'att', status: 'resolved', kind: 'primary', onsetAt: '2024-02-22T08:45:00.000Z', resolvedAt: '2024-02-22T20:10:00.000Z', scope: { level: 'nation', regions: ['US'] } }),
  incident({ id: 'verizon-20240222T0900Z', network: 'verizon', status: 'resolved', kind: 'collateral', primaryIncidentId: 'att-20240222T0845Z', onsetAt: '2024-02-22T09:00:00.000Z', resolvedAt: '2024-02-22T12:00:00.000Z' }),
  incident({ id: 'tmobile-20240301T1000Z', network: 'tmobile', status: 'confirmed', kind: 'primary', onsetAt: '2024-03-01T10:00:00.000Z', resolvedAt: null, scope: { level: 'county', regions: ['48201'] } }),
  incident({ id: 'boost-20240302T0000Z', network: 'boost', status: 'suspected', kind: 'primary', onsetAt: '2024-03-02T00:00:00.000Z', resolvedAt: null }),
];

export async function seedIncidents(store: Store): Promise<void> {
  await upsertIncidents(store.db, SEEDED);
}

/** A T-Mobile report from Harris County, TX (ZIP 77002), received at `receivedAt`. */
export function reportRow(receivedAt: Date, fingerprint: string): ReportRow {
  return {
    id: uuidv7(receivedAt.getTime()), reference: reportReference(), received_at: receivedAt,
    carrier: 'tmobile', network: 'tmobile', services: 'voice,data', sos_mode: 1,
    zip: '77002', county: '48201', state: '48', started_at: receivedAt, ended_at: null,
    called_carrier: null, called_network: null, description: '',
    contact_name: null, contact_email: null, contact_phone: null, consent_to_contact: 0,
    source: 'api', fingerprint, idempotency_key: null, request_hash: null,
  };
}

/** Commits rows in one transaction, as the intake's group commit does. */
export async function commitReports(store: Store, rows: ReportRow[]): Promise<void> {
  await insertWithFreshIds(store.db, rows);
}

export const HOUR = 3600_000;
export const START = Date.parse('2024-03-04T00:00:00Z');
export const OUTAGE = START + 2 * 24 * HOUR + 15 * HOUR; // day 3, 15:00 UTC

/** Two quiet days of background (a report every ~20 min somewhere), then a county outage. */
export function countyOutageReports(): Array<Record<string, unknown>> {
  const zips = ['10001', '60601', '90210', '73301', '33101', '98101'];
  const out: Array<Record<string, unknown>> = [];
  let n = 0;
  for (let t = START; t < OUTAGE + 3 * HOUR; t += 20 * 60_000) {
    const carrier = ['verizon', 'att', 'tmobile'][n % 3]!;
    out.push({ carrier, services: ['data'], zip: zips[n % zips.length], receivedAt: new Date(t).toISOString(), fingerprint: `bg-${n++}` });
  }
  // Harris County, TX (ZIP 77002 -> 48201): 240 T-Mobile customers over 40 minutes.
  for (let i = 0; i < 240; i++) {
    out.push({ carrier: i % 5 === 0 ? 'metro' : 'tmobile', services: ['voice', 'data'], sosMode: true, zip: '77002', receivedAt: new Date(OUTAGE + i * 10_000).toISOString(), fingerprint: `hou-${i}` });
  }
  return out.sort((a, b) => String(a.receivedAt).localeCompare(String(b.receivedAt)));
}

/** How long a live test waits for the leader to have done something, and how often it looks. */
export const LIVE_WAIT = { timeout: 15_000, interval: 25 };

/**
 * The report count the engine alone gives a network's incident from the stored reports received
 * up to `until`, its clock then advanced to `to`: what a live leader must end up storing.
 */
export async function engineReportCount(store: Store, network: string, until: number, to = until, warmupDays = 7): Promise<number> {
  const engine = new DetectionEngine();
  const tail = new ReportTail(store.db, new Date(until - warmupDays * 24 * HOUR), 60_000);
  for await (const page of tail.read(new Date(until))) page.forEach((r) => engine.push(r));
  engine.advanceTo(to);
  return engine.incidents().find((i) => i.network === network)!.reportCount;
}
