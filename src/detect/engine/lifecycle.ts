// One incident's life: opened at a scope, fed one complete minute at a time (observed and
// expected for its network and scope), it tracks its peak, confirms when the excess lasts,
// and resolves when counts stay near baseline for a while. Pure state, no clock.
import { MINUTE_MS } from './config.js';
import type {
  CollateralEvidence, Incident, IncidentKind, IncidentStatus, OpeningEvidence, Scope, ScopeBasis, ScopeEvidence, Service, ServiceMix,
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
  /** Every counted report of the network in the scope since onset (for a calls-only incident, more than reportCount), and whom they called. */
  scopeReports: number;
  called: Map<number, number>;
  basis: ScopeBasis;
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
  /** Set before the incident is registered (a collateral onset may move first); fixed after. */
  id: string;
  readonly network: string;
  scope: Scope;
  status: IncidentStatus = 'suspected';
  kind: IncidentKind = 'primary';
  primaryIncidentId: string | null = null;
  /** What the collateral rule saw when it classified the incident (lifeCalledShare is refreshed on snapshot). */
  collateral: CollateralEvidence | null = null;
  /** The primary's network index, once collateral: for the share naming it over the incident's life. */
  primaryNet = -1;
  /**
   * Set when opened from calls to a failed network (called-watch.ts): the incident counts
   * and tracks only reports naming that network, until its own totals stand out too.
   */
  calledNetwork: number | null = null;
  /** Moves only forward, and only to its primary's onset: a collateral never begins before it. */
  onsetMinute: number;
  readonly detectedAt: number;
  readonly openedMinute: number;
  readonly opening: OpeningEvidence;
  resolvedMinute: number | null = null;
  reportCount: number;
  readonly serviceCounts: Record<Service, number>;
  scopeReports: number;
  private called: Map<number, number>;
  readonly openingScope: ScopeEvidence;
  scopeEvidence: ScopeEvidence;
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
    this.scopeReports = init.scopeReports;
    this.called = new Map(init.called);
    this.openingScope = scopeEvidence(init.scope, init.basis, init.openedMinute);
    this.scopeEvidence = this.openingScope;
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

  /** Onset moved later (to the primary's): counts since the new onset, from the report log. */
  moveOnset(minute: number, own: { counted: number; services: Record<Service, number> }, all: { counted: number; called: Map<number, number> }): void {
    if (minute <= this.onsetMinute) return;
    this.onsetMinute = minute;
    this.reportCount = own.counted;
    for (const s of SERVICES) this.serviceCounts[s] = own.services[s];
    this.scopeReports = all.counted;
    this.called = new Map(all.called);
    if (this.peakMinute < minute) this.peakMinute = minute;
  }

  /** Counts redrawn from the report log (an incident switching from calls to its own counts). */
  recount(reportCount: number, services: Record<Service, number>): void {
    if (reportCount <= this.reportCount) return; // the log no longer reaches back far enough
    this.reportCount = reportCount;
    for (const s of SERVICES) this.serviceCounts[s] = services[s];
  }

  /** The scope grew: say so, and by which rule. */
  rescoped(scope: Scope, basis: ScopeBasis, minute: number): void {
    this.scope = scope;
    this.scopeEvidence = scopeEvidence(scope, basis, minute);
  }

  /** A counted report of the network inside the scope; `own` when the incident counts it (a calls-only one counts only those naming its primary). */
  countReport(serviceMask: number, called: number, own: boolean): void {
    this.scopeReports++;
    if (called >= 0) this.called.set(called, (this.called.get(called) ?? 0) + 1);
    if (!own) return;
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
      peak: this.chartPeak(),
      evidence: {
        opening: { ...this.opening },
        collateral: this.collateral ? { ...this.collateral, lifeCalledShare: this.lifeCalledShare() } : null,
        openingScope: { ...this.openingScope },
        scope: { ...this.scopeEvidence },
      },
    };
  }

  /** Share of the network's reporters in the scope since onset who named the primary's network. */
  private lifeCalledShare(): number {
    if (this.primaryNet < 0 || this.scopeReports === 0) return 0;
    return Math.round(((this.called.get(this.primaryNet) ?? 0) / this.scopeReports) * 1000) / 1000;
  }

  /**
   * The busiest 15-minute bucket of the chart (clock quarter hours, as `series`) from the onset's
   * bucket to the resolution, so the peak shown is a bar of the chart. (Resolution uses the
   * sliding 15-minute peak, which can sit a little higher, straddling two bars.)
   */
  private chartPeak(): { at: string; count: number } {
    const first = Math.floor(this.onsetMinute / 15) * 15;
    const last = this.resolvedMinute ?? this.seriesStart + this.observed.length - 1;
    let best = { minute: first, count: 0 };
    for (let b = first; b <= last; b += 15) {
      let sum = 0;
      for (let m = Math.max(b, this.seriesStart); m < b + 15; m++) sum += this.observed[m - this.seriesStart] ?? 0;
      if (sum > best.count) best = { minute: b, count: sum };
    }
    return { at: iso(best.minute), count: best.count };
  }
}

function scopeEvidence(scope: Scope, basis: ScopeBasis, minute: number): ScopeEvidence {
  return { level: scope.level, regions: scope.regions.length, basis, since: iso(minute) };
}

export function iso(minute: number): string {
  return new Date(minute * MINUTE_MS).toISOString();
}
