// The public status, computed from bucketed counts and the stored incidents. Pure: no I/O, no
// clock (the caller passes `now`). Every number leaving here went through publicCount, and no
// field of a single report (text, contact, its own times) is an input at all.
import type { Incident, Service } from '../detect/index.js';
import { listCarriers } from '../reference/index.js';
import { DAY_MS, HOUR_MS, PROBLEMS, SLICE_MS, emptyTotals, hourStart, sliceStart, type HourCounties, type NetworkTotals, type Problem, type SliceTotals } from './counts.js';
import { publicCount, shownRows, type PublicCount } from './public-count.js';

/** What the public side reads of an incident: never its evidence. */
export type IncidentFacts = Omit<Incident, 'evidence'>;

export type CarrierState = 'normal' | 'elevated' | 'outage';

export interface PublicIncident {
  id: string;
  network: string;
  networkName: string;
  status: 'suspected' | 'confirmed' | 'resolved';
  kind: 'primary' | 'collateral';
  primaryIncidentId: string | null;
  scope: { level: 'county' | 'state' | 'nation'; regions: string[] };
  /** Services a large share of reporters named, most named first. */
  services: Service[];
  onsetAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  reports: PublicCount;
}

export interface SeriesBucket {
  at: string;
  reports: PublicCount;
  /** The usual level at this time of day: the mean of the same slice on the 7 days before. */
  expected: PublicCount;
}

export interface PlaceCount {
  county: string;
  count: number;
}

export interface PublicCarrier {
  network: string;
  name: string;
  brands: Array<{ id: string; name: string }>;
  state: CarrierState;
  incidentIds: string[];
  lastHour: PublicCount;
  last24h: PublicCount;
  series: SeriesBucket[];
  problems: Array<{ problem: Problem } & PublicCount>;
  /** Most reported counties in the last 24 h (only those at or above the threshold). */
  places: PlaceCount[];
  /** Every county at or above the threshold, for the map. */
  counties: PlaceCount[];
}

export interface PublicStatus {
  generatedAt: string;
  minCount: number;
  bucketMinutes: number;
  window: { from: string; to: string };
  carriers: PublicCarrier[];
  incidents: PublicIncident[];
  /** All networks together, per county, last 24 h, at or above the threshold. */
  counties: PlaceCount[];
}

export interface StatusInput {
  now: number;
  minCount: number;
  /** 15-minute slices by start, covering the 24 h window and the 7 days before it. */
  slices: ReadonlyMap<number, SliceTotals>;
  /** Hours by start, covering the last 24 h. */
  hours: ReadonlyMap<number, HourCounties>;
  /** Incidents to consider: open ones and those resolved recently (see publicIncidents). */
  incidents: readonly IncidentFacts[];
}

export const WINDOW_SLICES = 96;
const HISTORY_DAYS = 7;
/** A service counts as "failing" when at least this share of reporters named it. */
const AFFECTED_SHARE = 0.3;
/** Elevated: the last hour at twice its usual level (and not below the threshold). */
const ELEVATED_RATIO = 2;
const PLACES_SHOWN = 10;
/** Resolved incidents stay on the page this long. */
export const RESOLVED_SHOWN_MS = DAY_MS;

/** Networks people report, with their brands ("other" is no network). */
export function publicNetworks(): Array<{ network: string; name: string; brands: Array<{ id: string; name: string }> }> {
  const out = new Map<string, { network: string; name: string; brands: Array<{ id: string; name: string }> }>();
  for (const c of listCarriers()) {
    if (c.network === 'other') continue;
    const entry = out.get(c.network) ?? { network: c.network, name: c.network === c.id ? c.name : c.network, brands: [] };
    if (c.id === c.network) entry.name = c.name;
    entry.brands.push({ id: c.id, name: c.name });
    out.set(c.network, entry);
  }
  return [...out.values()];
}

const networkName = (network: string): string => publicNetworks().find((n) => n.network === network)?.name ?? network;

export function toPublicIncident(i: IncidentFacts, minCount: number): PublicIncident {
  const services = (Object.entries(i.services) as Array<[Service, number]>)
    .filter(([, share]) => share >= AFFECTED_SHARE)
    .sort((a, b) => b[1] - a[1])
    .map(([s]) => s);
  return {
    id: i.id,
    network: i.network,
    networkName: networkName(i.network),
    status: i.status,
    kind: i.kind,
    primaryIncidentId: i.primaryIncidentId,
    scope: { level: i.scope.level, regions: [...i.scope.regions] },
    services,
    onsetAt: i.onsetAt,
    detectedAt: i.detectedAt,
    resolvedAt: i.resolvedAt,
    reports: publicCount(i.reportCount, minCount),
  };
}

/**
 * Incidents the public sees: not dismissed, and with enough reports behind them that naming the
 * place says nothing about any one reporter. `since`: resolved before it are left out.
 */
export function publicIncidents(incidents: readonly IncidentFacts[], minCount: number, since?: number): PublicIncident[] {
  return incidents
    .filter((i) => (i.status as string) !== 'dismissed' && i.reportCount >= minCount)
    .filter((i) => since === undefined || !i.resolvedAt || Date.parse(i.resolvedAt) >= since)
    .map((i) => toPublicIncident(i, minCount));
}

const isOpen = (i: PublicIncident): boolean => i.status !== 'resolved';

const totalsAt = (slices: ReadonlyMap<number, SliceTotals>, at: number, network: string): NetworkTotals => slices.get(at)?.get(network) ?? emptyTotals();

function expectedAt(slices: ReadonlyMap<number, SliceTotals>, at: number, network: string): number {
  let sum = 0;
  for (let k = 1; k <= HISTORY_DAYS; k++) sum += totalsAt(slices, at - k * DAY_MS, network).total;
  return sum / HISTORY_DAYS;
}

function countiesOver(hours: ReadonlyMap<number, HourCounties>, from: number, networks: string[] | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const [at, hour] of hours) {
    if (at < from) continue;
    for (const [network, byCounty] of hour) {
      if (networks && !networks.includes(network)) continue;
      for (const [county, n] of byCounty) out.set(county, (out.get(county) ?? 0) + n);
    }
  }
  return out;
}

const ranked = (m: Map<string, number>, minCount: number): PlaceCount[] =>
  shownRows([...m].map(([county, count]) => ({ county, count })), minCount).sort((a, b) => b.count - a.count || a.county.localeCompare(b.county));

export function buildStatus(input: StatusInput): PublicStatus {
  const { now, minCount, slices, hours } = input;
  const current = sliceStart(now);
  const first = current - (WINDOW_SLICES - 1) * SLICE_MS;
  const elapsed = (now - current) / SLICE_MS; // share of the current slice already past
  const countiesFrom = hourStart(now) - 23 * HOUR_MS;
  const incidents = publicIncidents(input.incidents, minCount, now - RESOLVED_SHOWN_MS);

  const carriers = publicNetworks().map(({ network, name, brands }): PublicCarrier => {
    const series: SeriesBucket[] = [];
    const problems: Record<Problem, number> = { voice: 0, sms: 0, data: 0, '911': 0, sos: 0 };
    let last24h = 0;
    let lastHour = 0;
    let lastHourExpected = 0;
    for (let at = first; at <= current; at += SLICE_MS) {
      const t = totalsAt(slices, at, network);
      // The slice under way is compared with the same share of its usual level.
      const expected = expectedAt(slices, at, network) * (at === current ? elapsed : 1);
      series.push({ at: new Date(at).toISOString(), reports: publicCount(t.total, minCount), expected: publicCount(Math.round(expected), minCount) });
      last24h += t.total;
      for (const p of PROBLEMS) problems[p] += t.byProblem[p];
      if (at > current - 4 * SLICE_MS) {
        lastHour += t.total;
        lastHourExpected += expected;
      }
    }
    const own = incidents.filter((i) => i.network === network && isOpen(i));
    const elevated = lastHour >= minCount && lastHour >= ELEVATED_RATIO * lastHourExpected;
    const counties = ranked(countiesOver(hours, countiesFrom, [network]), minCount);
    return {
      network,
      name,
      brands,
      state: own.length > 0 ? 'outage' : elevated ? 'elevated' : 'normal',
      incidentIds: own.map((i) => i.id),
      lastHour: publicCount(lastHour, minCount),
      last24h: publicCount(last24h, minCount),
      series,
      problems: PROBLEMS.map((problem) => ({ problem, ...publicCount(problems[problem], minCount) })),
      places: counties.slice(0, PLACES_SHOWN),
      counties,
    };
  });

  return {
    generatedAt: new Date(now).toISOString(),
    minCount,
    bucketMinutes: SLICE_MS / 60_000,
    window: { from: new Date(first).toISOString(), to: new Date(now).toISOString() },
    carriers,
    incidents,
    counties: ranked(countiesOver(hours, countiesFrom, null), minCount),
  };
}

/** Whether an open incident's scope takes in this county (5-digit FIPS). */
export function covers(i: PublicIncident, county: string): boolean {
  if (i.scope.level === 'nation') return true;
  if (i.scope.level === 'state') return i.scope.regions.includes(county.slice(0, 2));
  return i.scope.regions.includes(county);
}
