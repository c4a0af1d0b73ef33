// Observed vs expected in 15-minute buckets (Downdetector's unit, and the unit of `peak`)
// aligned to the clock quarter hours, for the dossier chart.
import { MINUTE_MS } from './config.js';
import type { SeriesPoint } from './types.js';

const BUCKET_MINUTES = 15;

export function toBuckets(startMinute: number, observed: readonly number[], expected: readonly number[], bucketMinutes = BUCKET_MINUTES): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  let current: SeriesPoint | null = null;
  let currentBucket = Number.NaN;
  for (let i = 0; i < observed.length; i++) {
    const minute = startMinute + i;
    const bucket = Math.floor(minute / bucketMinutes) * bucketMinutes;
    if (bucket !== currentBucket) {
      current = { at: new Date(bucket * MINUTE_MS).toISOString(), observed: 0, expected: 0 };
      out.push(current);
      currentBucket = bucket;
    }
    current!.observed += observed[i] ?? 0;
    current!.expected += expected[i] ?? 0;
  }
  for (const p of out) p.expected = Math.round(p.expected * 100) / 100;
  return out;
}
