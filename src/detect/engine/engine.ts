// The detection engine: consumes reports in receivedAt order and maintains incidents.
// Pure and causal: no I/O, no clock (time moves only with reports and advanceTo), and a
// decision at any moment uses only reports already pushed. Same code live and on replay.
import { countyPopulation, nationPopulation, statePopulation } from '../../reference/population.js';
import { testKey, type Candidate } from './candidates.js';
import { DEFAULT_THRESHOLDS, MINUTE_MS, type Thresholds } from './config.js';
import { Expectation } from './expectation.js';
import { IncidentBook } from './incident-book.js';
import { NetworkCounts, type PriorShare } from './network.js';
import { FingerprintDedupe } from './dedupe.js';
import type { RegionSeries } from './rollup.js';
import { ReportBatch } from './report-batch.js';
import { ReportLog } from './report-log.js';
import { toBuckets } from './series.js';
import type { DetectionReport, Incident, IncidentChange, SeriesPoint } from './types.js';

export interface EngineOptions {
  /** Incident ids; default `${network}-${onset as yyyymmddThhmmZ}` (deterministic). */
  idFactory?: (network: string, onsetAt: number) => string;
  /** Population share of a county/state (0..1); default from src/reference/population. */
  priorShare?: PriorShare;
  thresholds?: Partial<Thresholds>;
}

function defaultIncidentId(network: string, onsetAt: number): string {
  return `${network}-${new Date(onsetAt).toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`;
}

/** Population share, or a uniform share where the table knows nothing (3,143 counties, 52 states). */
function populationShare(level: 'county' | 'state', region: string): number {
  const nation = cachedNation();
  const people = level === 'county' ? countyPopulation(region) : statePopulation(region);
  if (people > 0 && nation > 0) return people / nation;
  return level === 'county' ? 1 / 3143 : 1 / 52;
}

let nationPeople: number | undefined;
function cachedNation(): number {
  return (nationPeople ??= nationPopulation());
}

const NO_CHANGES: readonly IncidentChange[] = Object.freeze([]);
/** Reports read ahead by pushBatch: their slots stay in cache until pushed. */
const AHEAD = 256;
/** Reports per batch pushAll fills. */
const FILL = 4096;

export class DetectionEngine {
  /** receivedAt (epoch ms) of the newest report seen; 0 before the first. */
  seenUpTo = 0;
  private readonly t: Thresholds;
  private readonly exp: Expectation;
  private readonly nets = new Map<string, NetworkCounts>();
  private readonly netList: NetworkCounts[] = [];
  private readonly dedupe: FingerprintDedupe;
  private readonly log: ReportLog;
  private readonly book: IncidentBook;
  private readonly priorShare: PriorShare;
  /** the minute reports are currently arriving in; minutes before it are complete */
  private clock = -1;
  private readonly busy = (net: NetworkCounts): boolean => this.book.hasOpen(net);

  constructor(options: EngineOptions = {}) {
    this.t = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
    this.exp = new Expectation(this.t);
    this.dedupe = new FingerprintDedupe(this.t.dedupeMinutes);
    this.log = new ReportLog(70);
    this.priorShare = options.priorShare ?? populationShare;
    this.book = new IncidentBook(this.t, this.exp, this.log, this.netList, options.idFactory ?? defaultIncidentId);
  }

  /** A one-report batch for push(), and the batch pushAll fills. */
  private readonly one = new ReportBatch(1);
  private readonly filled = new ReportBatch(FILL);

  push(report: DetectionReport): readonly IncidentChange[] {
    this.one.clear();
    this.one.add(report);
    const changes = this.pushBatch(this.one);
    return changes.length === 0 ? NO_CHANGES : changes;
  }

  /** push() for each report in order, with the same result (through batches of FILL reports). */
  pushAll(reports: readonly DetectionReport[]): IncidentChange[] {
    const changes: IncidentChange[] = [];
    for (let from = 0; from < reports.length; from += FILL) {
      const batch = this.filled;
      batch.clear();
      const to = Math.min(reports.length, from + FILL);
      for (let i = from; i < to; i++) batch.add(reports[i]!);
      for (const c of this.pushBatch(batch)) changes.push(c);
    }
    return changes;
  }

  /**
   * Every report of the batch in order. A report's cost is mostly waiting for memory (its
   * dedupe slots and county counts, scattered over many MB), one miss after another; reading
   * a few hundred reports' slots first lets those misses overlap, and the pushes then find
   * them in cache.
   */
  pushBatch(batch: ReportBatch): IncidentChange[] {
    const changes: IncidentChange[] = [];
    this.batchNets.length = 0;
    for (let from = 0; from < batch.length; from += AHEAD) {
      const to = Math.min(batch.length, from + AHEAD);
      this.readAhead(batch, from, to);
      for (let i = from; i < to; i++) this.pushAt(batch, i, i - from, changes);
    }
    return changes;
  }

  /** The batch's networks by its numbers, met so far in this batch (created in push order). */
  private readonly batchNets: (NetworkCounts | undefined)[] = [];

  private netOf(batch: ReportBatch, id: number): NetworkCounts {
    return (this.batchNets[id] ??= this.network(batch.networks[id]!));
  }

  /** Dedupe keys of the reports read ahead, and whether each has one (its network known). */
  private readonly highs = new Int32Array(AHEAD);
  private readonly tags = new Int32Array(AHEAD);
  private readonly hashed = new Uint8Array(AHEAD);
  /** The county keys the reads ahead found (undefined: not yet created, pushAt makes it). */
  private readonly counties: (RegionSeries | undefined)[] = new Array<RegionSeries | undefined>(AHEAD).fill(undefined);
  /** What the reads ahead returned, kept so they are not optimised away. */
  private touched = 0;

  private readAhead(batch: ReportBatch, from: number, to: number): void {
    let touched = this.touched;
    const dedupe = this.dedupe;
    for (let i = from; i < to; i++) {
      const k = i - from;
      const id = batch.network[i]!;
      // A network first met further on in this batch is created when its first report is pushed.
      const net = this.batchNets[id] ?? this.nets.get(batch.networks[id]!);
      this.hashed[k] = 0;
      this.counties[k] = undefined;
      if (net === undefined) continue;
      dedupe.keyOf(net.index, batch.fpA[i]!, batch.fpB[i]!);
      this.highs[k] = dedupe.hashHigh;
      this.tags[k] = dedupe.hashTag;
      this.hashed[k] = 1;
      touched ^= dedupe.touch(dedupe.hashHigh, dedupe.hashTag);
      const county = net.knownCountyAt(batch.county[i]!, batch.countyCode[i]!);
      this.counties[k] = county;
      if (county !== undefined) touched ^= county.touch();
    }
    this.touched = touched;
  }

  /** Report `i` of the batch; `k`: its index in the read-ahead arrays. */
  private pushAt(batch: ReportBatch, i: number, k: number, changes: IncidentChange[]): void {
    const receivedAt = batch.receivedAt[i]!;
    // A report never moves time backwards: a late one counts in the current minute.
    const minute = Math.max(Math.floor(receivedAt / MINUTE_MS), this.clock);
    if (receivedAt > this.seenUpTo) this.seenUpTo = receivedAt;
    if (this.clock < 0) {
      this.clock = minute;
      this.exp.start(minute);
    }
    if (minute > this.clock) this.tickTo(minute, changes);
    const net = this.netOf(batch, batch.network[i]!);
    if (this.hashed[k] === 0) {
      this.dedupe.keyOf(net.index, batch.fpA[i]!, batch.fpB[i]!);
      this.highs[k] = this.dedupe.hashHigh;
      this.tags[k] = this.dedupe.hashTag;
    }
    const counted = this.dedupe.admitHashed(this.highs[k]!, this.tags[k]!, minute);
    const mask = batch.services[i]!;
    const calledId = batch.called[i]!;
    const called = calledId < 0 ? -1 : this.netOf(batch, calledId).index;
    const stateCode = batch.state[i]!;
    const county = this.counties[k] ?? net.countyAt(batch.county[i]!, batch.countyCode[i]!, stateCode);
    const state = net.stateOf(county, stateCode);
    this.log.append(minute, net.index, county.regionId, state.regionId, mask, called, counted);
    if (!counted) return;
    county.add(minute);
    state.add(minute);
    net.nation.add(minute);
    if (called >= 0 && called !== net.index) net.callCounts(called).add(minute, stateCode);
    if (!this.book.anyOpen()) {
      net.quietTotal++;
      if (called >= 0) net.quietCalls.set(called, (net.quietCalls.get(called) ?? 0) + 1);
    }
    this.book.countReport(net, county.region, mask, called);
    this.exp.updateContext(this.netList, minute, this.busy);
    // Most specific first; the scope search decides the final scope anyway.
    if (!this.test(net, county, minute, changes) && !this.test(net, state, minute, changes)) {
      this.test(net, net.nation, minute, changes);
    }
  }

  /** Tests one key; true when it opened or grew an incident. */
  private test(net: NetworkCounts, key: RegionSeries, minute: number, changes: IncidentChange[]): boolean {
    if (this.book.covers(net, key)) return false;
    const candidate: Candidate | null = testKey(this.t, this.exp, net, key, minute);
    return candidate !== null && this.book.consider(net, candidate, minute, this.seenUpTo, changes);
  }

  /** Moves time forward without reports (live ticks): incidents can resolve when reports stop. */
  advanceTo(ms: number): IncidentChange[] {
    const changes: IncidentChange[] = [];
    const minute = Math.floor(ms / MINUTE_MS);
    if (this.clock >= 0 && minute > this.clock) this.tickTo(minute, changes);
    return changes;
  }

  incidents(): Incident[] {
    return this.book.all().map((i) => i.snapshot());
  }

  series(incidentId: string): SeriesPoint[] {
    const inc = this.book.find(incidentId);
    return inc ? toBuckets(inc.seriesStart, inc.observed, inc.expected) : [];
  }

  /** Runs every complete minute from the clock up to `minute` - 1. */
  private tickTo(minute: number, changes: IncidentChange[]): void {
    const fromHour = Math.floor(this.clock / 60);
    if (this.book.tracking()) {
      // What a complete minute reveals is known when it ends: the same instant live (ticks) and on replay (the next report).
      for (let m = this.clock; m < minute; m++) this.book.tickMinute(m, changes, (m + 1) * MINUTE_MS);
    }
    for (let h = fromHour + 1; h <= Math.floor(minute / 60); h++) this.book.flagHour(h);
    this.exp.prune(minute);
    this.clock = minute;
  }

  private network(name: string): NetworkCounts {
    let net = this.nets.get(name);
    if (!net) {
      // Ids fit the report log's byte column; 255 networks is far beyond any registry.
      net = new NetworkCounts(this.netList.length, name, this.priorShare);
      this.nets.set(name, net);
      this.netList.push(net);
    }
    return net;
  }

}
