// What the engine expects each key to receive: the hour-of-week baseline with its prior,
// the cross-network context (a news story or holiday lifts every network at once), and
// the decaying tail of a resolved incident (people keep reporting after restoration).
import {
  coldNationRate, hourOfWeekSlots, MIN_RATE, posteriorRate, PRIOR_SLOTS, regionShare,
} from './baseline.js';
import type { Thresholds } from './config.js';
import type { NetworkCounts } from './network.js';
import type { RegionSeries } from './rollup.js';
import { containsRegion, overlaps } from './scope.js';
import type { Scope } from './types.js';

export interface Cooldown {
  network: number;
  scope: Scope;
  fromMinute: number;
  untilMinute: number;
  /** counts were quiet from here on: windows reaching back before it still hold the outage */
  quietFrom: number;
  tailRate: number; // reports/min considered "quiet" at resolution, for the whole scope
  scopeRate: number; // the scope's baseline rate then, to share the tail among its keys
}

export class Expectation {
  firstFullHour = Number.POSITIVE_INFINITY;
  private context = 1;
  private contextMinute = -1;
  readonly cooldowns: Cooldown[] = [];

  constructor(private readonly t: Thresholds) {}

  /** Called with the first report: history before the engine's first full hour is unknown. */
  start(minute: number): void {
    if (Number.isFinite(this.firstFullHour)) return;
    this.firstFullHour = Math.ceil(minute / 60);
  }

  /**
   * Expected reports/min for `key` at `minute`. Cached per hour; per 5 minutes during the
   * engine's first day, when the shares below still move quickly.
   */
  rate(net: NetworkCounts, key: RegionSeries, minute: number): number {
    const hour = Math.floor(minute / 60);
    const young = hour - this.firstFullHour < 24;
    const stamp = young ? minute - (minute % 5) : hour * 60;
    if (key.cachedHour === stamp) return key.cachedRate;
    key.advance(minute);
    const own = hourOfWeekSlots(key, hour, this.firstFullHour);
    let prior: number;
    if (key.level === 'nation') {
      prior = coldNationRate(key, hour, this.firstFullHour, this.t.coldNationRate);
    } else {
      // Shares without the current hour: an outage in progress must not raise its own bar.
      // Except on the first day, when the current hour is most of what we know: a place
      // that is simply busier than its population says must not look like an outage.
      const keyTotal = young ? key.total : key.total - key.hourCount(hour);
      const netTotal = young ? net.nation.total : net.nation.total - net.nation.hourCount(hour);
      prior = this.rate(net, net.nation, minute) * regionShare(keyTotal, netTotal, key.priorShare);
    }
    const rate = Math.max(MIN_RATE[key.level], posteriorRate(own, prior, PRIOR_SLOTS[key.level]));
    key.cachedHour = stamp;
    key.cachedRate = rate;
    return rate;
  }

  scopeRate(net: NetworkCounts, scope: Scope, minute: number): number {
    let sum = 0;
    for (const key of net.scopeKeys(scope)) sum += this.rate(net, key, minute);
    return sum;
  }

  /** Multiplier from baseline to the rate we test against. */
  factor(): number {
    return Math.max(this.t.margin, Math.min(this.t.maxContext, this.context));
  }

  /**
   * Cross-network context once per minute: the median, over networks without an open
   * incident, of last hour's observed / expected. Every network up together is not an outage.
   */
  updateContext(nets: readonly NetworkCounts[], minute: number, busy: (net: NetworkCounts) => boolean): void {
    if (minute === this.contextMinute) return;
    this.contextMinute = minute;
    const ratios: number[] = [];
    for (const net of nets) {
      if (busy(net)) continue;
      const expected = this.rate(net, net.nation, minute) * 60;
      if (expected < 2) continue; // too small to say anything about a common mood
      ratios.push((net.nation.windowSum(3, minute) + 5) / (expected + 5));
    }
    if (ratios.length < 2) {
      this.context = 1;
      return;
    }
    ratios.sort((a, b) => a - b);
    const mid = ratios.length >> 1;
    this.context = ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
  }

  /** Extra reports/min expected at `key` from resolved incidents' tails. */
  tail(net: NetworkCounts, key: RegionSeries, keyRate: number, minute: number): number {
    let extra = 0;
    for (const c of this.cooldowns) {
      if (c.network !== net.index || minute >= c.untilMinute || minute < c.fromMinute) continue;
      const decay = 1 - (minute - c.fromMinute) / (c.untilMinute - c.fromMinute);
      const keyScope: Scope = { level: key.level, regions: [key.region] };
      if (containsRegion(c.scope, key.level, key.region)) {
        extra += c.tailRate * decay * Math.min(1, keyRate / Math.max(c.scopeRate, 1e-9));
      } else if (overlaps(c.scope, keyScope)) {
        extra += c.tailRate * decay; // an ancestor carries the whole tail
      }
    }
    return extra;
  }

  /** Windows of `key` must start at or after this minute (a resolved incident's last reports). */
  windowsFrom(net: NetworkCounts, key: RegionSeries, minute: number): number {
    let from = Number.NEGATIVE_INFINITY;
    for (const c of this.cooldowns) {
      if (c.network !== net.index || minute >= c.untilMinute || c.quietFrom <= from) continue;
      if (overlaps(c.scope, { level: key.level, regions: [key.region] })) from = c.quietFrom;
    }
    return from;
  }

  /** Drops cooldowns that ended. */
  prune(minute: number): void {
    for (let i = this.cooldowns.length - 1; i >= 0; i--) {
      if (this.cooldowns[i]!.untilMinute <= minute) this.cooldowns.splice(i, 1);
    }
  }
}
