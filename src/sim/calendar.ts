// Local time for the background rhythm: people report when they are awake, so a state's
// reports follow its own clock. Offsets are per state (the zone most people live in),
// with US daylight saving rules; that is why the background shifts by an hour in UTC
// on DST days, which a detector must not mistake for an outage.

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Standard-time UTC offset in hours by state FIPS (a state's most populous zone). */
const STANDARD_OFFSET: Record<string, number> = {
  '01': -6, '02': -9, '04': -7, '05': -6, '06': -8, '08': -7, '09': -5, '10': -5, '11': -5,
  '12': -5, '13': -5, '15': -10, '16': -7, '17': -6, '18': -5, '19': -6, '20': -6, '21': -5,
  '22': -6, '23': -5, '24': -5, '25': -5, '26': -5, '27': -6, '28': -6, '29': -6, '30': -7,
  '31': -6, '32': -8, '33': -5, '34': -5, '35': -7, '36': -5, '37': -5, '38': -6, '39': -5,
  '40': -6, '41': -8, '42': -5, '44': -5, '45': -5, '46': -6, '47': -6, '48': -6, '49': -7,
  '50': -5, '51': -5, '53': -8, '54': -5, '55': -6, '56': -7, '60': -11, '66': 10, '69': 10,
  '72': -4, '78': -4,
};
/** Places that keep standard time all year. */
const NO_DST = new Set(['04', '15', '60', '66', '69', '72', '78']);

function nthSunday(year: number, month: number, n: number): number {
  const firstDow = new Date(Date.UTC(year, month, 1)).getUTCDay();
  return 1 + ((7 - firstDow) % 7) + 7 * (n - 1);
}

/** DST runs from the 2nd Sunday of March 02:00 local to the 1st Sunday of November 02:00. */
function isDaylightTime(state: string, ms: number): boolean {
  if (NO_DST.has(state)) return false;
  const std = standardOffset(state);
  const year = new Date(ms + std * HOUR).getUTCFullYear();
  const begins = Date.UTC(year, 2, nthSunday(year, 2, 2), 2) - std * HOUR;
  const ends = Date.UTC(year, 10, nthSunday(year, 10, 1), 1) - std * HOUR;
  return ms >= begins && ms < ends;
}

function standardOffset(state: string): number {
  return STANDARD_OFFSET[state] ?? -6;
}

/** Hours to add to UTC to get the state's wall clock at that instant. */
export function utcOffsetHours(state: string, ms: number): number {
  return standardOffset(state) + (isDaylightTime(state, ms) ? 1 : 0);
}

/** The instants in [startMs, endMs) when the Eastern states change clocks. */
export function dstChanges(startMs: number, endMs: number): { at: number; forward: boolean }[] {
  const out: { at: number; forward: boolean }[] = [];
  const first = new Date(startMs).getUTCFullYear();
  const last = new Date(endMs).getUTCFullYear();
  for (let y = first; y <= last; y++) {
    const spring = Date.UTC(y, 2, nthSunday(y, 2, 2), 7); // 02:00 EST
    const fall = Date.UTC(y, 10, nthSunday(y, 10, 1), 6); // 02:00 EDT
    if (spring >= startMs && spring < endMs) out.push({ at: spring, forward: true });
    if (fall >= startMs && fall < endMs) out.push({ at: fall, forward: false });
  }
  return out;
}

export interface Holiday {
  day: number; // days since the epoch (local calendar date)
  name: string;
}

/** US federal holidays of a year (observed dates shifted off weekends are ignored). */
export function usHolidays(year: number): Holiday[] {
  const fixed = (m: number, d: number, name: string): Holiday => ({ day: Date.UTC(year, m, d) / DAY, name });
  const nthWeekday = (m: number, dow: number, n: number, name: string): Holiday => {
    const firstDow = new Date(Date.UTC(year, m, 1)).getUTCDay();
    return fixed(m, 1 + ((dow - firstDow + 7) % 7) + 7 * (n - 1), name);
  };
  const lastMonday = (m: number, name: string): Holiday => {
    const lastDay = new Date(Date.UTC(year, m + 1, 0)).getUTCDate();
    const dow = new Date(Date.UTC(year, m, lastDay)).getUTCDay();
    return fixed(m, lastDay - ((dow + 6) % 7), name);
  };
  return [
    fixed(0, 1, "New Year's Day"),
    nthWeekday(0, 1, 3, 'Martin Luther King Jr. Day'),
    nthWeekday(1, 1, 3, "Presidents' Day"),
    lastMonday(4, 'Memorial Day'),
    fixed(5, 19, 'Juneteenth'),
    fixed(6, 4, 'Independence Day'),
    nthWeekday(8, 1, 1, 'Labor Day'),
    nthWeekday(10, 4, 4, 'Thanksgiving'),
    fixed(11, 24, 'Christmas Eve'),
    fixed(11, 25, 'Christmas Day'),
    fixed(11, 31, "New Year's Eve"),
  ];
}

/** Holidays whose (Eastern) date falls in [startMs, endMs). */
export function holidaysBetween(startMs: number, endMs: number): Holiday[] {
  const out: Holiday[] = [];
  const first = new Date(startMs).getUTCFullYear();
  const last = new Date(endMs).getUTCFullYear();
  for (let y = first; y <= last; y++) {
    for (const h of usHolidays(y)) {
      const at = h.day * DAY + 5 * HOUR;
      if (at + DAY > startMs && at < endMs) out.push(h);
    }
  }
  return out;
}

// Share of the weekday peak by local hour: near nothing at 3-5 a.m., a plateau mid-day.
const WEEKDAY_BY_HOUR = [
  0.35, 0.22, 0.14, 0.09, 0.08, 0.12, 0.28, 0.5, 0.72, 0.85, 0.92, 0.96,
  0.98, 1.0, 1.0, 1.0, 0.98, 0.95, 0.9, 0.85, 0.78, 0.68, 0.56, 0.45,
];

function byHour(hour: number): number {
  const h = ((hour % 24) + 24) % 24;
  const i = Math.floor(h);
  const f = h - i;
  return WEEKDAY_BY_HOUR[i]! * (1 - f) + WEEKDAY_BY_HOUR[(i + 1) % 24]! * f;
}

const holidayDays = new Map<number, boolean>();

function isHoliday(day: number): boolean {
  let known = holidayDays.get(day);
  if (known === undefined) {
    const year = new Date(day * DAY).getUTCFullYear();
    known = usHolidays(year).some((h) => h.day === day);
    holidayDays.set(day, known);
  }
  return known;
}

/**
 * Background activity (peak weekday hour = 1) at a local wall-clock instant. Weekends and
 * holidays start an hour later and run lower: people sleep in and are out of the office.
 */
export function activityAt(localMs: number): number {
  const day = Math.floor(localMs / DAY);
  const hour = (localMs - day * DAY) / HOUR;
  const dow = (day + 4) % 7; // 1970-01-01 was a Thursday
  if (isHoliday(day)) return 0.72 * byHour(hour - 1.5);
  if (dow === 6) return 0.85 * byHour(hour - 1);
  if (dow === 0) return 0.8 * byHour(hour - 1);
  return byHour(hour);
}

export { HOUR, DAY };
