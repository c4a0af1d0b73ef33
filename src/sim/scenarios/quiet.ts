// Stretches that look unusual but are not outages; a run records them in truth.quiet so
// false incidents raised there can be counted.
import { dstChanges, holidaysBetween, DAY, HOUR } from '../calendar.js';
import { MINUTE } from '../content.js';
import { geography } from '../geography.js';
import type { Rng } from '../random.js';
import type { QuietStretch } from '../types.js';

const SPAM_BRANDS = ['att', 'verizon', 'tmobile', 'cricket', 'metro'];

const isoOf = (ms: number): string => new Date(ms).toISOString();

/** DST changes and holidays inside the run: the background shifts or dips by itself. */
export function calendarQuiet(startMs: number, endMs: number): QuietStretch[] {
  const dst = dstChanges(startMs, endMs).map(({ at, forward }): QuietStretch => ({
    kind: 'dst',
    start: isoOf(at - 2 * HOUR),
    end: isoOf(at + 10 * HOUR),
    note: forward
      ? 'clocks go forward: the background arrives an hour earlier in UTC'
      : 'clocks go back: the background arrives an hour later in UTC',
  }));
  const holidays = holidaysBetween(startMs, endMs).map((h): QuietStretch => ({
    kind: 'holiday',
    start: isoOf(h.day * DAY + 5 * HOUR),
    end: isoOf(h.day * DAY + DAY + 8 * HOUR),
    note: `${h.name}: lower background, later morning rise`,
  }));
  return [...dst, ...holidays];
}

/** A handful of fingerprints flooding one ZIP with reports for 20-60 minutes. */
export function spamBurst(rng: Rng, atMs: number): QuietStretch {
  const geo = geography();
  const county = geo.countyPicker({ level: 'nation', regions: ['US'] }).pick(rng);
  const minutes = 20 + rng.int(41);
  const fingerprints = 2 + rng.int(4);
  const reports = 150 + rng.int(351);
  return {
    kind: 'spam',
    start: isoOf(atMs),
    end: isoOf(atMs + minutes * MINUTE),
    note: `${reports} reports from ${fingerprints} fingerprints in one ZIP`,
    carrier: rng.pick(SPAM_BRANDS),
    zip: rng.pick(county.zips),
    reports,
    fingerprints,
  };
}

/** A news story about phone outages: +30-50 % on every network for a few hours. */
export function newsRise(rng: Rng, atMs: number): QuietStretch {
  const factor = Math.round(rng.between(1.3, 1.5) * 100) / 100;
  const hours = 3 + rng.int(6);
  return {
    kind: 'news',
    start: isoOf(atMs),
    end: isoOf(atMs + hours * HOUR),
    note: `news story: every network +${Math.round((factor - 1) * 100)} % for ${hours} h`,
    factor,
  };
}
