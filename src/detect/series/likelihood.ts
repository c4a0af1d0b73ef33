import { gaussianUpperTail } from '../stats/gaussian.js';
import { RollingQuantiles } from '../stats/rolling-quantiles.js';
import { WindowMoments } from '../stats/welford.js';

/**
 * HTM-style "anomaly likelihood": turns a noisy raw score stream into the
 * probability that the recent average raw score is this high, judged against
 * the longer past. A series whose raw score is always noisy stops alarming; a
 * quiet one alarms on the first burst.
 *
 * HTM fits a Gaussian to the past raw scores. Raw scores are skewed and
 * heavy-tailed, so the Gaussian tail alone calls ordinary bursts rare and a
 * long series collects false alarms; we also take the empirical tail (the
 * share of past recent-averages at least this high) and keep the larger,
 * i.e. a level must be rare by both measures.
 */
export interface LikelihoodOptions {
  /** Rows of raw scores averaged into the "recent" level. */
  readonly shortWindow: number;
  /** Rows of history the past distribution is taken from. */
  readonly longWindow: number;
  /** Rows before any probability other than 0.5 is given. */
  readonly warmup: number;
  /** Floors on the fitted mean and spread, so a silent past cannot make any blip infinitely rare. */
  readonly minMean: number;
  readonly minStd: number;
}

export class AnomalyLikelihood {
  private readonly recent: WindowMoments;
  private readonly pastRaw: WindowMoments;
  private readonly pastLevels: RollingQuantiles;
  private seen = 0;

  constructor(private readonly opts: LikelihoodOptions) {
    this.recent = new WindowMoments(opts.shortWindow);
    this.pastRaw = new WindowMoments(opts.longWindow);
    this.pastLevels = new RollingQuantiles(opts.longWindow);
  }

  /** Pushes one raw score; returns how unlikely the recent level is (0.5 = unremarkable). */
  push(raw: number): number {
    this.recent.push(raw);
    this.seen += 1;
    const level = this.recent.mean;
    const p = this.seen > this.opts.warmup ? Math.max(this.gaussianTail(level), this.empiricalTail(level)) : 0.5;
    this.pastRaw.push(raw);
    this.pastLevels.push(level);
    return p;
  }

  private gaussianTail(level: number): number {
    const mean = Math.max(this.pastRaw.mean, this.opts.minMean);
    const std = Math.max(Math.sqrt(this.pastRaw.variance), this.opts.minStd);
    const z = (level - mean) / std;
    return z > 0 ? gaussianUpperTail(z) : 0.5;
  }

  /** Share of past levels >= this one, with the current one counted (so never 0). */
  private empiricalTail(level: number): number {
    const n = this.pastLevels.count;
    return (this.pastLevels.fractionAtLeast(level) * n + 1) / (n + 1);
  }
}
