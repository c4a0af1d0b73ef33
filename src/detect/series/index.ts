/**
 * The "any time series" anomaly scorer behind `outage-desk detect --series`:
 * CSV in (`timestamp,value`), CSV out (`timestamp,value,anomaly_score`), and
 * the streaming detector itself for callers that already hold the numbers.
 */
export { detectSeriesCsv, scoredSeriesCsv } from './detect-csv.js';
export {
  chooseOnTraining,
  leaveOneCategoryOut,
  nestedStableChoices,
  normalisedScore,
  stableChoice,
  type Fold,
} from './cross-validation.js';
export { DEFAULT_SERIES_CONFIG, SERIES_GRID, type SeriesConfig } from './grid.js';
export {
  parseSeriesCsv,
  parseTimestamp,
  SeriesCsvError,
  type SeriesRow,
} from './csv.js';
export {
  DEFAULT_SERIES_OPTIONS,
  scoreSeries,
  SeriesAnomalyDetector,
  type SeriesDetectorOptions,
} from './score.js';
