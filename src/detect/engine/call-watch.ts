// Opens collateral incidents from calls (called-watch.ts has the counts and the test): once a
// minute, for every open primary on A and every other network B with nothing open over A's
// place, B's reports naming A are tested; a significant excess opens B's incident at A's
// scope, collateral of A by the called-network rule. One such incident per (A, B): if it
// resolves while A goes on, B's own counts (the usual path) still watch B.
import { callScope, callSpike, expectedCalls, type CallSpike } from './called-watch.js';
import type { Thresholds } from './config.js';
import type { Expectation } from './expectation.js';
import type { IncidentBook } from './incident-book.js';
import { TrackedIncident } from './lifecycle.js';
import type { NetworkCounts } from './network.js';
import type { ReportLog } from './report-log.js';
import { overlaps } from './scope.js';
import { scopeFilter, scopeObserved } from './scope-counts.js';
import { pearson } from './significance.js';
import type { CollateralEvidence, IncidentChange, OpeningEvidence, Scope } from './types.js';

const SERIES_MINUTES = 60; // drawn before the opening; the call rings hold 64

export interface CallWatchDeps {
  t: Thresholds;
  exp: Expectation;
  log: ReportLog;
  nets: readonly NetworkCounts[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The primary (A, on its network) and the other network (B) whose calls to A spiked, over A's place. */
interface Pair {
  b: NetworkCounts;
  a: TrackedIncident;
  aNet: NetworkCounts;
  place: Scope;
}

export class CallWatch {
  /** `${primary id}|${network index}` pairs that have had their incident */
  private readonly opened = new Set<string>();

  constructor(
    private readonly book: IncidentBook,
    private readonly d: CallWatchDeps,
  ) {}

  /** Minute `minute` is complete: test every (open primary, other network) pair. */
  tick(minute: number, seenUpTo: number, changes: IncidentChange[]): void {
    for (const a of this.book.openPrimaries()) {
      const aNet = this.book.netOf.get(a)!;
      for (const b of this.d.nets) {
        const pair = `${a.id}|${b.index}`;
        if (b === aNet || this.opened.has(pair)) continue;
        if (this.book.openOf(b).some((i) => overlaps(i.scope, a.scope))) continue;
        const place = callScope(a.scope);
        const spike = callSpike(this.d.t, this.d.exp, b, aNet, place, minute);
        if (!spike) continue;
        this.opened.add(pair);
        const inc = this.open({ b, a, aNet, place }, spike, minute, seenUpTo);
        changes.push({ type: 'opened', incident: inc.snapshot() });
      }
    }
  }

  private open(pair: Pair, s: CallSpike, minute: number, seenUpTo: number): TrackedIncident {
    const { b, a, aNet, place } = pair;
    const calls = b.callCounts(aNet.index);
    const start = minute - SERIES_MINUTES + 1;
    const observed: number[] = [];
    const expected: number[] = [];
    for (let m = start; m <= minute; m++) {
      observed.push(calls.at(m, place));
      expected.push(expectedCalls(this.d.exp, b, aNet, place, m));
    }
    // Never before the primary: calls to A rise because A failed (an earlier estimate is noise).
    const onsetMinute = Math.max(s.onsetMinute, a.onsetMinute);
    const tally = this.d.log.tally({ network: b.index, fromMinute: onsetMinute, inScope: scopeFilter(place), called: aNet.index });
    const all = this.d.log.tally({ network: b.index, fromMinute: onsetMinute, inScope: scopeFilter(place) });
    const opening: OpeningEvidence = {
      level: place.level, region: place.regions.join(','), windowMinutes: s.windowMinutes, observed: s.observed, expected: round(s.expected),
      tested: round(s.tested), llr: round(s.llr), ratio: round(s.observed / Math.max(s.expected, 1e-9)), duplicateShare: 0,
      elevatedMinutes: s.elevatedMinutes, calledNetwork: a.network,
    };
    const inc = new TrackedIncident({
      id: this.book.uniqueId(b.name, onsetMinute), network: b.name, scope: { level: a.scope.level, regions: [...a.scope.regions] },
      onsetMinute, detectedAt: seenUpTo, openedMinute: minute + 1, opening, reportCount: tally.counted,
      services: tally.services, scopeReports: all.counted, called: all.called, basis: 'primary', seriesStart: start, observed, expected,
    });
    inc.kind = 'collateral';
    inc.primaryIncidentId = a.id;
    inc.primaryNet = aNet.index;
    inc.calledNetwork = aNet.index;
    inc.collateral = { ...this.evidence(pair, s, minute), lagMinutes: onsetMinute - a.onsetMinute };
    this.book.register(inc, b, minute);
    return inc;
  }

  /** The called-network rule's numbers: how much of B's excess named A, and how B follows A. */
  private evidence({ b, a, aNet, place }: Pair, s: CallSpike, minute: number): CollateralEvidence {
    const from = minute - s.windowMinutes + 1;
    const calls = b.callCounts(aNet.index);
    let bExcess = 0;
    let aExcess = 0;
    const aCurve: number[] = [];
    const bCurve: number[] = [];
    for (let m = from; m <= minute; m++) {
      const aObserved = scopeObserved(aNet, a.scope, m);
      bExcess += scopeObserved(b, place, m) - this.d.exp.scopeRate(b, place, m);
      aExcess += aObserved - this.d.exp.scopeRate(aNet, a.scope, m);
      aCurve.push(aObserved);
      bCurve.push(calls.at(m, place));
    }
    const calledExcess = s.observed - s.expected;
    return {
      primaryIncidentId: a.id, primaryNetwork: a.network, rule: 'called-network',
      calledShare: round(Math.min(1, calledExcess / Math.max(bExcess, calledExcess))),
      lagMinutes: s.onsetMinute - a.onsetMinute, correlation: round(pearson(aCurve, bCurve)),
      excessRatio: round(aExcess > 0 ? calledExcess / aExcess : 0),
    };
  }
}
