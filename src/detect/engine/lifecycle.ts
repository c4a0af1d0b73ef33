// One incident's life: opened at a scope, fed one complete minute at a time (observed and
// expected for its network and scope), it tracks its peak, confirms when the excess lasts,
// and resolves when counts stay near baseline for a while. Pure state, no clock.
import { MINUTE_MS } from './config.js';
import type {
  CollateralEvidence, Incident, IncidentKind, IncidentStatus, OpeningEvidence, Scope, Service, ServiceMix,
} from './types.js';
import { SERVICES } from './types.js';

export interface IncidentInit {
  id: string;
  network: string;
  scope: Scope;
  onsetMinute: number;
  detectedAt: number; // ms: receivedAt of the newest report seen when opened
  openedMinute: number;
  opening: OpeningEvidence;
  reportCount: number;
  services: Record<Service, number>;
  /** per-minute observed and expected from seriesStart up to openedMinute - 1 */
  seriesStart: number;
  observed: number[];
  expected: number[];
}

export interface MinuteVerdict {
  statusChanged: boolean;
  peakGrew: boolean;
  resolved: boolean;
}

export class TrackedIncident {
  readonly id: string;
  readonly network: string;
  scope: Scope;
  status: IncidentStatus = 'suspected';
  kind: IncidentKind = 'primary';
  primaryIncidentId: string | null = null;
  collateral: CollateralEvidence | null = null;
  /**
   * Set when opened from calls to a failed network (called-watch.ts): the incident counts
   * and tracks only reports naming that network, until its own totals stand out too.
   */
  calledNetwork: number | null = null;
  readonly onsetMinute: number;
  readonly detectedAt: number;
  readonly openedMinute: number;
  readonly opening: OpeningEvidence;
  resolvedMinute: number | null = null;
  reportCount: number;
  readonly serviceCounts: Record<Service, number>;
  peakMinute: number;
  peakCount = 0;
  readonly seriesStart: number;
  readonly observed: number[];
  readonly expected: number[];
  /** first minute of the current run of quiet 15-minute windows */
  quietSince: number | null = null;
  lastEmitMinute: number;
  lastEmitPeak = 0;

  constructor(init: IncidentInit) {
    this.id = init.id;
    this.network = init.network;
    this.scope = init.scope;
    this.onsetMinute = init.onsetMinute;
    this.detectedAt = init.detectedAt;
    this.openedMinute = init.openedMinute;
    this.opening = init.opening;
    this.reportCount = init.reportCount;
    this.serviceCounts = { ...init.services };
    this.seriesStart = init.seriesStart;
    this.observed = init.observed;
    this.expected = init.expected;
    this.peakMinute = init.onsetMinute;
    this.lastEmitMinute = init.openedMinute;
    this.refreshPeak(init.seriesStart + init.observed.length - 1);
    this.lastEmitPeak = this.peakCount;
  }

  get open(): boolean {
    return this.resolvedMinute === null;
  }

  /** Reports in the 15 minutes ending at `minute` (inclusive), from the series. */
  last15(minute: number, which: 'observed' | 'expected' = 'observed'): number {
    const arr = which === 'observed' ? this.observed : this.expected;
    let sum = 0;
    for (let m = minute - 14; m <= minute; m++) sum += arr[m - this.seriesStart] ?? 0;
    return sum;
  }

  private refreshPeak(minute: number): boolean {
    if (minute < this.onsetMinute) return false;
    const count = this.last15(minute);
    if (count <= this.peakCount) return false;
    this.peakCount = count;
    this.peakMinute = Math.max(this.onsetMinute, minute - 14);
    return true;
  }

  /** Counts redrawn from the report log (an incident switching from calls to its own counts). */
  recount(reportCount: number, services: Record<Service, number>): void {
    if (reportCount <= this.reportCount) return; // the log no longer reaches back far enough
    this.reportCount = reportCount;
    for (const s of SERVICES) this.serviceCounts[s] = services[s];
  }

  /** A counted report inside the scope since the incident opened. */
  countReport(serviceMask: number): void {
    this.reportCount++;
    if (serviceMask & 1) this.serviceCounts.voice++;
    if (serviceMask & 2) this.serviceCounts.sms++;
    if (serviceMask & 4) this.serviceCounts.data++;
    if (serviceMask & 8) this.serviceCounts['911']++;
  }

  /**
   * Feeds one complete minute. `quietAt` is the 15-minute count at or below which the
   * scope counts as near baseline (the engine knows the margin and the peak share).
   */
  recordMinute(minute: number, observed: number, expected: number, quietAt: number, quietMinutes: number): MinuteVerdict {
    const verdict: MinuteVerdict = { statusChanged: false, peakGrew: false, resolved: false };
    const index = minute - this.seriesStart;
    if (index < this.observed.length) return verdict; // already recorded (idempotent)
    while (this.observed.length < index) {
      this.observed.push(0);
      this.expected.push(expected);
    }
    this.observed.push(observed);
    this.expected.push(expected);
    if (!this.open) return verdict; // keep drawing the tail for the chart
    verdict.peakGrew = this.refreshPeak(minute);
    const now15 = this.last15(minute);
    if (now15 <= quietAt) this.quietSince ??= minute;
    else this.quietSince = null;
    if (this.status === 'suspected' && this.quietSince === null && minute - this.openedMinute >= 10 && this.reportCount >= 10) {
      this.status = 'confirmed';
      verdict.statusChanged = true;
    }
    if (this.quietSince !== null && minute - this.quietSince >= quietMinutes) {
      // The 15-minute sum first fell at quietSince; the fall itself is about half a window earlier.
      this.resolvedMinute = Math.max(this.onsetMinute + 1, this.quietSince - 7);
      this.status = 'resolved';
      verdict.resolved = true;
    }
    return verdict;
  }

  services(): ServiceMix {
    const mix = { voice: 0, sms: 0, data: 0, '911': 0 };
    const n = Math.max(1, this.reportCount);
    for (const s of SERVICES) mix[s] = Math.round((this.serviceCounts[s] / n) * 1000) / 1000;
    return mix;
  }

  snapshot(): Incident {
    return {
      id: this.id,
      network: this.network,
      status: this.status,
      kind: this.kind,
      primaryIncidentId: this.primaryIncidentId,
      scope: { level: this.scope.level, regions: [...this.scope.regions] },
      services: this.services(),
      onsetAt: iso(this.onsetMinute),
      detectedAt: new Date(this.detectedAt).toISOString(),
      resolvedAt: this.resolvedMinute === null ? null : iso(this.resolvedMinute),
      reportCount: this.reportCount,
      peak: { at: iso(this.peakMinute), count: this.peakCount },
      evidence: { opening: { ...this.opening }, collateral: this.collateral ? { ...this.collateral } : null },
    };
  }
}

export function iso(minute: number): string {
  return new Date(minute * MINUTE_MS).toISOString();
}
