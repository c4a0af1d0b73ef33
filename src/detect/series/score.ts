import { ContextNovelty, type ContextOptions } from './context.js';
import { DEFAULT_SERIES_CONFIG, seriesConfig } from './grid.js';
import { AnomalyLikelihood, type LikelihoodOptions } from './likelihood.js';
import { CalendarMedian, DAY_MS, LocalMedian, WEEK_MS } from './predictors.js';
import { RangeNovelty } from './range.js';
import { ResidualSurprise, type ResidualOptions } from './residual.js';

/**
 * Streaming anomaly scorer for any univariate series.
 *
 * Three kinds of evidence, each turned into a probability so they can be
 * compared: surprise against the best baseline (recent median, same time
 * yesterday, same time last week), novelty of the recent shape (CAD-like
 * contexts), and values beyond everything seen. The rarest of them, after a
 * Bonferroni correction, becomes the score: -log10(p) / log10Full, capped at 1.
 * With the defaults 0.5 means p ~ 0.03 (an alarm) and 1 means p <= 0.001 or
 * a value beyond the seen range. After an alarm the detector rests, so one event
 * gives one alarm rather than a burst (NAB, like an on-call engineer, counts
 * every extra alarm as a false positive).
 *
 * The defaults are the configuration of grid.ts that is stable across
 * leave-one-category-out folds of the NAB development set (bench/nab.ts
 * prints the folds and the cross-validated score). The context
 * memory is kept short (3 rows) because longer contexts keep finding "new"
 * sequences in plain noise (false alarms on Gaussian noise: 1 per 700 rows at
 * 6 rows of context, 1 per 5,000 rows at 3).
 *
 * ONE configuration for every series (nothing may be tuned per file), and
 * causal: the score of row i depends only on rows 0..i.
 */
export interface SeriesDetectorOptions {
  readonly likelihood: LikelihoodOptions;
  readonly context: ContextOptions;
  readonly residual: ResidualOptions;
  /** Rows in the recent-median baseline. */
  readonly localWindow: number;
  /** Past cycles a calendar baseline takes the median of; 0 disables calendar baselines. */
  readonly calendarCycles: number;
  /** Widening of the seen range tolerated before a value counts as never seen (fraction of the range). */
  readonly rangeTolerance: number;
  /** -log10(p) that maps to score 1 (smaller p saturate). */
  readonly log10Full: number;
  /** After a score >= restLevel the next restRows rows score 0: one alarm per event. */
  readonly restLevel: number;
  readonly restRows: number;
}

/** The configuration chosen by cross-validation over the NAB categories (grid.ts, bench/nab.ts). */
export const DEFAULT_SERIES_OPTIONS: SeriesDetectorOptions = seriesConfig(DEFAULT_SERIES_CONFIG).options;

export class SeriesAnomalyDetector {
  private readonly residual: ResidualSurprise;
  private readonly residualLikelihood: AnomalyLikelihood;
  private readonly context: ContextNovelty;
  private readonly contextLikelihood: AnomalyLikelihood;
  private readonly range: RangeNovelty;
  private rows = 0;
  private lastAlarm = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: SeriesDetectorOptions = DEFAULT_SERIES_OPTIONS) {
    const calendar =
      opts.calendarCycles > 0
        ? [new CalendarMedian(DAY_MS, opts.calendarCycles), new CalendarMedian(WEEK_MS, opts.calendarCycles)]
        : [];
    this.residual = new ResidualSurprise([new LocalMedian(opts.localWindow), ...calendar], opts.residual);
    this.residualLikelihood = new AnomalyLikelihood(opts.likelihood);
    this.context = new ContextNovelty(opts.context);
    this.contextLikelihood = new AnomalyLikelihood(opts.likelihood);
    this.range = new RangeNovelty(opts.rangeTolerance);
  }

  /** Scores one row in [0, 1]. Without timestamps the calendar baselines stay silent. */
  push(value: number, timestampMs?: number): number {
    // One NaN would poison every running statistic for good: refuse it at the door.
    if (!Number.isFinite(value)) throw new RangeError(`row ${this.rows + 1}: value ${value} is not a finite number`);
    this.rows += 1;
    const score = this.evidence(value, timestampMs);
    if (this.rows - this.lastAlarm <= this.opts.restRows) return 0;
    if (score >= this.opts.restLevel) this.lastAlarm = this.rows;
    return score;
  }

  /** The score before resting: every component learns every row, alarm or not. */
  private evidence(value: number, timestampMs: number | undefined): number {
    const pResidual = this.residualLikelihood.push(this.residual.push(value, timestampMs));
    const pContext = this.contextLikelihood.push(this.context.push(value));
    const neverSeen = this.range.push(value);
    if (neverSeen && this.rows > this.opts.likelihood.warmup) return 1;
    const p = Math.min(1, 2 * Math.min(pResidual, pContext));
    // max(0, ...) also turns -log10(1) = -0 into 0.
    return Math.min(1, Math.max(0, -Math.log10(Math.max(p, Number.MIN_VALUE)) / this.opts.log10Full));
  }
}

/** Scores a whole series; identical to pushing each row in order. */
export function scoreSeries(
  values: readonly number[],
  timestamps?: readonly number[],
  opts: SeriesDetectorOptions = DEFAULT_SERIES_OPTIONS,
): number[] {
  const detector = new SeriesAnomalyDetector(opts);
  return values.map((v, i) => detector.push(v, timestamps?.[i]));
}
