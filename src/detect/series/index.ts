/**
 * The "any time series" anomaly scorer behind `outage-desk detect --series`:
 * CSV in (`timestamp,value`), CSV out (`timestamp,value,anomaly_score`), and
 * the streaming detector itself for callers that already hold the numbers.
 */
export { detectSeriesCsv } from './detect-csv.js';
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
