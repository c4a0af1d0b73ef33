import { RollingQuantiles } from '../stats/rolling-quantiles.js';

/**
 * Baselines that say what the next value "should" be. A spike is only a spike
 * relative to an expectation, and for a daily or weekly rhythm the right
 * expectation is the same time on previous days, not the last hour.
 */
export interface Predictor {
  /** Expected value for this row, or NaN while the predictor has no opinion. */
  predict(timestampMs: number | undefined): number;
  /** Learns the row after it has been scored. */
  learn(value: number, timestampMs: number | undefined): void;
}

/** Median of the last `size` values: the expectation for a series without rhythm. */
export class LocalMedian implements Predictor {
  private readonly window: RollingQuantiles;

  constructor(size: number) {
    this.window = new RollingQuantiles(size);
  }

  predict(): number {
    return this.window.count >= 8 ? this.window.median() : Number.NaN;
  }

  learn(value: number): void {
    this.window.push(value);
  }
}

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** A calendar baseline with more phases than this stays silent (sub-minute data over a week). */
const MAX_SLOTS = 20_000;

/**
 * Median of the values at the same phase of a calendar cycle (time of day or
 * of week) over the last `cycles` cycles. Phases are bucketed by the typical
 * sampling step so slightly irregular timestamps still meet their peers.
 */
export class CalendarMedian implements Predictor {
  private readonly slots = new Map<number, number[]>();
  private step = Number.NaN;
  private lastTime = Number.NaN;
  private readonly steps: number[] = [];

  constructor(
    private readonly periodMs: number,
    private readonly cycles: number,
  ) {}

  predict(timestampMs: number | undefined): number {
    if (timestampMs === undefined || !Number.isFinite(this.step)) return Number.NaN;
    const peers = this.slots.get(this.slot(timestampMs));
    if (!peers || peers.length < Math.min(2, this.cycles)) return Number.NaN;
    return median(peers);
  }

  learn(value: number, timestampMs: number | undefined): void {
    if (timestampMs === undefined) return;
    this.learnStep(timestampMs);
    if (!Number.isFinite(this.step)) return;
    const key = this.slot(timestampMs);
    const peers = this.slots.get(key) ?? [];
    peers.push(value);
    if (peers.length > this.cycles) peers.shift();
    this.slots.set(key, peers);
  }

  private slot(timestampMs: number): number {
    const phase = ((timestampMs % this.periodMs) + this.periodMs) % this.periodMs;
    return Math.round(phase / this.step);
  }

  /** The sampling step is the median of the first gaps, fixed once known. */
  private learnStep(timestampMs: number): void {
    if (!Number.isNaN(this.step)) return;
    const gap = timestampMs - this.lastTime;
    this.lastTime = timestampMs;
    if (gap > 0) this.steps.push(gap);
    if (this.steps.length < 16) return;
    const step = median(this.steps);
    // Too fine a sampling for this cycle: keep no memory rather than an unbounded one.
    this.step = this.periodMs / step > MAX_SLOTS ? Number.POSITIVE_INFINITY : step;
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return ((s[Math.floor(mid)] as number) + (s[Math.ceil(mid)] as number)) / 2;
}
