import { RollingQuantiles } from '../stats/rolling-quantiles.js';
import { WindowMoments } from '../stats/welford.js';
import type { Predictor } from './predictors.js';

/**
 * Surprise of a value against the best of several baselines. Each baseline
 * keeps its recent error record; the one with the smallest mean error speaks
 * for the row, and its typical error is the unit of surprise. So a daily
 * rhythm is judged against yesterday once yesterday predicts better than
 * the last hour does, without being told the series is daily.
 */
export interface ResidualOptions {
  /** Rows of error history used to rank the baselines. */
  readonly rankWindow: number;
  /** Rows of error history a baseline needs before it may be chosen. */
  readonly minHistory: number;
  /** Rows of absolute errors whose median is the unit of surprise. */
  readonly scaleWindow: number;
  /** Errors of this many units give raw score 1 - 1/e. */
  readonly unitsPerE: number;
  /**
   * The unit is at least this share of the mean error: in a series that is
   * mostly exactly predictable (flat stretches, repeated values) the median
   * error is 0 and every small wobble would otherwise look infinitely rare.
   */
  readonly meanErrorFloor: number;
}

class TrackedPredictor {
  readonly meanError: WindowMoments;
  readonly scale: RollingQuantiles;

  constructor(
    readonly predictor: Predictor,
    opts: ResidualOptions,
  ) {
    this.meanError = new WindowMoments(opts.rankWindow);
    this.scale = new RollingQuantiles(opts.scaleWindow);
  }
}

export class ResidualSurprise {
  private readonly tracked: TrackedPredictor[];

  constructor(
    predictors: readonly Predictor[],
    private readonly opts: ResidualOptions,
  ) {
    this.tracked = predictors.map((p) => new TrackedPredictor(p, opts));
  }

  /** Scores the value against the current best baseline (0..1), then lets every baseline learn it. */
  push(value: number, timestampMs: number | undefined): number {
    let best: TrackedPredictor | undefined;
    let raw = 0;
    for (const t of this.tracked) {
      const expected = t.predictor.predict(timestampMs);
      if (Number.isNaN(expected)) continue;
      const error = Math.abs(value - expected);
      if (t.meanError.count >= this.opts.minHistory && (!best || t.meanError.mean < best.meanError.mean)) {
        best = t;
        raw = this.surprise(t, error);
      }
      t.meanError.push(error);
      t.scale.push(error);
    }
    for (const t of this.tracked) t.predictor.learn(value, timestampMs);
    return raw;
  }

  /** Error in units of the baseline's typical error, squashed into 0..1. */
  private surprise(t: TrackedPredictor, error: number): number {
    const unit = Math.max(t.scale.median(), this.opts.meanErrorFloor * t.meanError.mean, 1e-12);
    return 1 - Math.exp(-error / (this.opts.unitsPerE * unit));
  }
}
