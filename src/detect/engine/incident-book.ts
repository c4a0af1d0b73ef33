// The engine's incidents: opening at the scope that explains a candidate's excess, growing
// an open incident instead of opening a second one over the same place, feeding each
// complete minute to open incidents (peak, confirm, resolve) and classifying collateral.
import type { Candidate } from './candidates.js';
import { regionStats, ruleFor, testedRate } from './candidates.js';
import { CallWatch } from './call-watch.js';
import { callScope, expectedCalls } from './called-watch.js';
import { classify } from './classify.js';
import { WINDOWS, type Thresholds } from './config.js';
import type { Expectation } from './expectation.js';
import { TrackedIncident } from './lifecycle.js';
import type { NetworkCounts } from './network.js';
import type { ReportLog } from './report-log.js';
import type { RegionSeries } from './rollup.js';
import { containsRegion, decideScope, DEFAULT_SCOPE_RULE, makeScope, overlaps, sameScope, unionScope } from './scope.js';
import { changePoint, passesGate, poissonLlr } from './significance.js';
import type { IncidentChange, OpeningEvidence, Scope, ScopeBasis } from './types.js';
import { scopeFilter, scopeObserved } from './scope-counts.js';

const TAIL_MINUTES = 60; // keep drawing a resolved incident's chart this long
/** An excess elsewhere beginning this long after an open incident's onset is its own outage. */
const SEPARATE_AFTER_MINUTES = 20;

export class IncidentBook {
  private readonly list: TrackedIncident[] = [];
  private readonly byId = new Map<string, TrackedIncident>();
  readonly netOf = new Map<TrackedIncident, NetworkCounts>();
  /** open incidents plus recently resolved ones still drawing their tail */
  private live: TrackedIncident[] = [];
  private openCount = 0;

  private readonly callWatch: CallWatch;

  constructor(
    private readonly t: Thresholds,
    private readonly exp: Expectation,
    private readonly log: ReportLog,
    private readonly nets: readonly NetworkCounts[],
    private readonly makeId: (network: string, onsetAt: number) => string,
  ) {
    this.callWatch = new CallWatch(this, { t, exp, log, nets });
  }

  all(): readonly TrackedIncident[] { return this.list; }
  find(id: string): TrackedIncident | undefined { return this.byId.get(id); }
  tracking(): boolean { return this.live.length > 0 || this.exp.cooldowns.length > 0; }
  /** Read per report: recounted only when the live list changes (an incident opens or resolves). */
  anyOpen(): boolean { return this.openCount > 0; }
  hasOpen(net: NetworkCounts): boolean { return this.live.some((i) => i.open && this.netOf.get(i) === net); }

  openOf(net: NetworkCounts): TrackedIncident[] {
    return this.live.filter((i) => i.open && this.netOf.get(i) === net);
  }

  /** True when an open incident of the network already holds this key's place. */
  covers(net: NetworkCounts, key: RegionSeries): boolean {
    for (const inc of this.live) {
      // An incident seen only through calls leaves the network's own counts to be tested.
      if (inc.open && inc.calledNetwork === null && inc.network === net.name && containsRegion(inc.scope, key.level, key.region)) return true;
    }
    return false;
  }

  /** A counted report: add it to the open incidents of its network that contain its county. */
  countReport(net: NetworkCounts, county: string, mask: number, called: number): void {
    for (const inc of this.live) {
      if (!inc.open || inc.network !== net.name || !containsRegion(inc.scope, 'county', county)) continue;
      inc.countReport(mask, called, inc.calledNetwork === null || inc.calledNetwork === called);
    }
  }

  /** A significant key: search the scope, then grow an overlapping incident or open one. */
  consider(net: NetworkCounts, c: Candidate, minute: number, seenUpTo: number, changes: IncidentChange[]): boolean {
    // One scope search per network per minute: an open incident's ancestors keep crossing.
    if (net.searchedMinute === minute) return false;
    const w = WINDOWS[c.windowIndex]!;
    const keyScope: Scope = { level: c.key.level, regions: [c.key.region] };
    const tally = this.log.tally({ network: net.index, fromMinute: minute - w + 1, inScope: scopeFilter(keyScope) });
    const duplicateShare = tally.raw > 0 ? 1 - tally.counted / tally.raw : 0;
    if (duplicateShare > this.t.maxDuplicateShare) {
      c.key.holdUntil = minute + 1; // spam-like: a handful of fingerprints repeating themselves
      return false;
    }
    net.searchedMinute = minute;
    // An ancestor of an open incident (the nation over a county outage) grows it only when
    // its excess beyond the incident's regions is itself significant.
    if (!this.residualSignificant(net, c, minute)) return false;
    const stats = regionStats(this.exp, net, c.windowIndex, minute);
    const trigger = { level: c.key.level, region: c.key.region, state: c.key.state, observed: c.observed, tested: c.tested };
    const { scope, basis } = decideScope(stats.nation, stats.states, stats.counties, { ...DEFAULT_SCOPE_RULE, scopeLlr: this.t.scopeLlr }, trigger);
    const opening: OpeningEvidence = {
      level: c.key.level, region: c.key.region, windowMinutes: w, observed: c.observed,
      expected: round(c.expected), tested: round(c.tested), llr: round(c.llr), ratio: round(c.observed / Math.max(c.expected, 1e-9)),
      duplicateShare: round(duplicateShare), elevatedMinutes: c.elevatedMinutes,
    };
    const open = this.openOf(net);
    const existing = open.find((i) => overlaps(i.scope, keyScope)) ?? open.find((i) => overlaps(i.scope, scope));
    if (existing) {
      const apart = this.separateOutage(net, existing, scope, keyScope, minute);
      if (!apart) return this.grow(existing, this.withoutOthers(net, existing, scope), basis, minute, changes);
      this.open(net, apart, basis, opening, minute, seenUpTo, changes);
      return true;
    }
    this.open(net, scope, basis, opening, minute, seenUpTo, changes);
    return true;
  }

  /**
   * An excess in places an open incident of the network does not hold, that began well after
   * it: an independent outage elsewhere (its own incident), not the first one spreading (a
   * national outage reaches its states within minutes of its onset). Null when it is spreading.
   */
  private separateOutage(net: NetworkCounts, existing: TrackedIncident, scope: Scope, keyScope: Scope, minute: number): Scope | null {
    if (scope.level === 'nation' || existing.scope.level === 'nation' || overlaps(existing.scope, keyScope)) return null;
    if (minute - existing.onsetMinute < SEPARATE_AFTER_MINUTES) return null;
    const held = this.openOf(net);
    const fresh = scope.regions.filter((r) => !held.some((i) => overlaps(i.scope, { level: scope.level, regions: [r] })));
    if (fresh.length === 0) return null;
    const place = makeScope(scope.level, fresh);
    const observed: number[] = [];
    const tested: number[] = [];
    for (let m = minute - 60; m <= minute; m++) {
      observed.push(scopeObserved(net, place, m));
      tested.push(this.exp.scopeRate(net, place, m) * this.exp.factor());
    }
    const onset = minute - 60 + changePoint(observed, tested);
    return onset - existing.onsetMinute >= SEPARATE_AFTER_MINUTES ? place : null;
  }

  /** The scope without places other open incidents of the network hold: never two incidents over one place. */
  private withoutOthers(net: NetworkCounts, inc: TrackedIncident, scope: Scope): Scope {
    if (scope.level === 'nation') return scope;
    const others = this.openOf(net).filter((i) => i !== inc);
    if (others.length === 0) return scope;
    const kept = scope.regions.filter((r) => !others.some((o) => overlaps(o.scope, { level: scope.level, regions: [r] })));
    return kept.length > 0 ? makeScope(scope.level, kept) : inc.scope;
  }

  private residualSignificant(net: NetworkCounts, c: Candidate, minute: number): boolean {
    let observed = c.observed;
    let tested = c.tested;
    let inside = false;
    const w = WINDOWS[c.windowIndex]!;
    const keyScope: Scope = { level: c.key.level, regions: [c.key.region] };
    for (const inc of this.openOf(net)) {
      if (inc.calledNetwork !== null || !overlaps(inc.scope, keyScope)) continue;
      for (const key of net.scopeKeys(inc.scope)) {
        if (!containsRegion(keyScope, key.level, key.region)) continue;
        inside = true;
        observed -= key.windowSum(c.windowIndex, minute);
        tested -= testedRate(this.exp, net, key, minute).tested * w;
      }
    }
    if (!inside) return true;
    const rule = ruleFor(this.t, c.key);
    return passesGate(observed, Math.max(tested, 0), rule) && poissonLlr(observed, Math.max(tested, 1e-9)) >= rule.openLlr;
  }

  private grow(inc: TrackedIncident, scope: Scope, basis: ScopeBasis, minute: number, changes: IncidentChange[]): boolean {
    const grown = unionScope(inc.scope, scope);
    // Seen through calls so far, the network's own counts now stand out: track those.
    const ownCounts = inc.calledNetwork !== null;
    if (sameScope(grown, inc.scope) && !ownCounts) return false;
    inc.calledNetwork = null;
    // The union of what it held and what was found now: nation when either is; else the new finding's rule.
    inc.rescoped(grown, grown.level === 'nation' ? (scope.level === 'nation' ? basis : inc.scopeEvidence.basis) : basis, minute);
    if (ownCounts) this.recountOwn(inc, minute);
    this.flagSince(inc, minute);
    changes.push({ type: 'updated', incident: inc.snapshot() });
    inc.lastEmitMinute = minute;
    return true;
  }

  /**
   * An incident seen through calls now tracks its network's own counts: its chart and report
   * count are redrawn from them as far back as the rings and the report log still reach
   * (about an hour; calls-only incidents switch within minutes of opening).
   */
  private recountOwn(inc: TrackedIncident, minute: number): void {
    const net = this.netOf.get(inc)!;
    for (let i = 0; i < inc.observed.length; i++) {
      const m = inc.seriesStart + i;
      if (m < minute - 60) continue;
      inc.observed[i] = scopeObserved(net, inc.scope, m);
      inc.expected[i] = this.exp.scopeRate(net, inc.scope, m);
    }
    const tally = this.log.tally({ network: net.index, fromMinute: inc.onsetMinute, inScope: scopeFilter(inc.scope) });
    inc.recount(tally.counted, tally.services);
    inc.scopeReports = Math.max(inc.scopeReports, tally.counted);
  }

  private open(net: NetworkCounts, scope: Scope, basis: ScopeBasis, opening: OpeningEvidence, minute: number, seenUpTo: number, changes: IncidentChange[]): void {
    const start = minute - 60;
    const observed: number[] = [];
    const expected: number[] = [];
    const tested: number[] = [];
    for (let m = start; m <= minute; m++) {
      observed.push(scopeObserved(net, scope, m));
      const rate = this.exp.scopeRate(net, scope, m);
      expected.push(rate);
      tested.push(rate * this.exp.factor());
    }
    const onsetMinute = start + changePoint(observed, tested);
    const tally = this.log.tally({ network: net.index, fromMinute: onsetMinute, inScope: scopeFilter(scope) });
    const inc = new TrackedIncident({
      id: '', network: net.name, scope, onsetMinute, detectedAt: seenUpTo,
      openedMinute: minute, opening, reportCount: tally.counted, services: tally.services, scopeReports: tally.counted, called: tally.called, basis,
      // the series holds complete minutes only; the current one is fed by the next tick
      seriesStart: start, observed: observed.slice(0, -1), expected: expected.slice(0, -1),
    });
    // Classified before it is named: a collateral's onset moves to its primary's, and so does its id.
    this.netOf.set(inc, net);
    classify(this, inc, minute, this.classifyDeps());
    inc.id = this.uniqueId(net.name, inc.onsetMinute);
    this.register(inc, net, minute);
    changes.push({ type: 'opened', incident: inc.snapshot() });
    // A network that opened moments earlier may in fact be following this one.
    for (const other of this.live) {
      if (other === inc || !other.open || other.kind !== 'primary' || minute - other.openedMinute > 30) continue;
      if (classify(this, other, minute, this.classifyDeps())) changes.push({ type: 'updated', incident: other.snapshot() });
    }
  }

  private classifyDeps() {
    return { t: this.t, exp: this.exp, log: this.log };
  }

  openPrimaries(): TrackedIncident[] {
    return this.live.filter((i) => i.open && i.kind === 'primary');
  }

  /** One complete minute for every live incident. */
  tickMinute(minute: number, changes: IncidentChange[], seenUpTo: number): void {
    for (const inc of this.live) {
      const net = this.netOf.get(inc)!;
      const { observed, rate } = this.minuteCounts(inc, net, minute);
      const quietAt = Math.max(rate * 15 * this.exp.factor() * 2 + 3, inc.peakCount * this.t.resolvePeakShare);
      const wasOpen = inc.open;
      const v = inc.recordMinute(minute, observed, rate, quietAt, this.t.quietMinutes);
      if (!wasOpen) continue;
      if (v.resolved) {
        // A long outage trails on for as long again (the AT&T tail lasted into the night); one
        // seen only through calls left no tail in its network's own counts to expect.
        if (inc.calledNetwork === null) {
          this.exp.cooldowns.push({
            network: net.index, scope: inc.scope, fromMinute: minute, quietFrom: inc.quietSince ?? minute,
            untilMinute: minute + Math.max(this.t.cooldownMinutes, minute - inc.onsetMinute),
            tailRate: quietAt / 15, scopeRate: rate,
          });
        }
        changes.push({ type: 'resolved', incident: inc.snapshot() });
        continue;
      }
      const youngPrimary = inc.kind === 'primary' && minute - inc.openedMinute <= 60 && minute % 5 === 0;
      const reclassified = youngPrimary && classify(this, inc, minute + 1, this.classifyDeps());
      const peakGrew = inc.peakCount >= inc.lastEmitPeak * 1.1 + 1;
      if (v.statusChanged || reclassified || peakGrew || minute - inc.lastEmitMinute >= 15) {
        inc.lastEmitMinute = minute;
        inc.lastEmitPeak = inc.peakCount;
        changes.push({ type: 'updated', incident: inc.snapshot() });
      }
    }
    this.live = this.live.filter((i) => i.open || minute - i.resolvedMinute! < TAIL_MINUTES + this.t.quietMinutes);
    this.countOpen();
    this.callWatch.tick(minute, seenUpTo, changes);
  }

  /** An incident's count and expected rate at one minute: its network's, or its calls to the primary's. */
  private minuteCounts(inc: TrackedIncident, net: NetworkCounts, minute: number): { observed: number; rate: number } {
    if (inc.calledNetwork === null) return { observed: scopeObserved(net, inc.scope, minute), rate: this.exp.scopeRate(net, inc.scope, minute) };
    const place = callScope(inc.scope);
    return {
      observed: net.callCounts(inc.calledNetwork).at(minute, place),
      rate: expectedCalls(this.exp, net, this.nets[inc.calledNetwork]!, place, minute),
    };
  }

  /** Marks baseline hours as incident time for open incidents and resolved tails. */
  flagHour(hour: number): void {
    for (const inc of this.live) {
      if (inc.open) for (const key of this.netOf.get(inc)!.keysTouching(inc.scope)) key.flagHour(hour);
    }
    for (const c of this.exp.cooldowns) {
      const net = this.nets[c.network];
      if (net) for (const key of net.keysTouching(c.scope)) key.flagHour(hour);
    }
  }

  /** A new incident joins the book (and its hours stop teaching the baseline). */
  register(inc: TrackedIncident, net: NetworkCounts, minute: number): void {
    this.list.push(inc);
    this.byId.set(inc.id, inc);
    this.netOf.set(inc, net);
    this.live.push(inc);
    this.countOpen();
    this.flagSince(inc, minute);
  }

  private countOpen(): void {
    let n = 0;
    for (const inc of this.live) if (inc.open) n++;
    this.openCount = n;
  }

  private flagSince(inc: TrackedIncident, minute: number): void {
    const keys = this.netOf.get(inc)!.keysTouching(inc.scope);
    for (let h = Math.floor(inc.onsetMinute / 60); h <= Math.floor(minute / 60); h++) for (const k of keys) k.flagHour(h);
  }

  uniqueId(network: string, onsetMinute: number): string {
    const base = this.makeId(network, onsetMinute * 60_000);
    let id = base;
    for (let n = 2; this.byId.has(id); n++) id = `${base}-${n}`;
    return id;
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
