import { describe, expect, it } from 'vitest';
import { isoOfTimestampText, isoTime } from './report.js';

describe('isoTime', () => {
  it('writes what toISOString does, for times read in any order (its minute cache)', () => {
    const times = [0, 1, 59_999, 60_000, -1, -60_001, Date.parse('2024-02-22T08:45:00.007Z'), Date.parse('2024-02-22T08:45:09.070Z'), Date.parse('2024-02-22T08:44:59.999Z'), Date.parse('+010000-01-01T00:00:00.000Z')];
    for (let k = 0; k < 2000; k++) times.push(Math.floor(Date.parse('2024-02-22T00:00:00Z') + (k * 7_919_311) % 86_400_000));
    for (const ms of [...times, ...times.reverse()]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('drops a fraction of a millisecond as a Date does', () => {
    for (const ms of [1708591500123.6, 1708591500999.999, -1.5]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('takes a Date as Postgres returns one', () => {
    expect(isoTime(new Date('2024-02-22T08:45:00.120Z'))).toBe('2024-02-22T08:45:00.120Z');
  });
});

describe('isoOfTimestampText', () => {
  /** Postgres's text of a timestamp in UTC (DateStyle ISO): fraction trimmed of its trailing zeros. */
  const pgText = (ms: number, micro = '') => {
    const [day, time] = new Date(ms).toISOString().slice(0, -1).split('T');
    return `${day} ${`${time}${micro}`.replace(/0+$/, '').replace(/\.$/, '')}`;
  };
  it('writes what isoTime does for the epoch milliseconds, whatever the fraction', () => {
    const times = [0, 1, 10, 100, 120, 700, 999, 1000, 59_999, Date.parse('2024-02-22T08:45:00.000Z'), Date.parse('2024-02-22T08:45:09.070Z'), Date.parse('9999-12-31T23:59:59.999Z')];
    for (let k = 0; k < 5000; k++) times.push(Math.floor(Math.abs(Math.sin(k + 1)) * 8e12));
    for (const ms of times) {
      expect(isoOfTimestampText(pgText(ms))).toBe(isoTime(ms));
      if (ms % 1000 !== 0) expect(isoOfTimestampText(pgText(ms, '456'))).toBe(isoTime(ms)); // microseconds dropped, as a Date does
    }
  });

  it('refuses what it does not know: other DateStyles, before 1970, past 9999, BC', () => {
    for (const s of ['1969-12-31 23:59:59.9985', '10000-01-01 00:00:00', '2024-02-22 12:00:00 BC', 'Thu Feb 22 12:00:00 2024', '02/22/2024 12:00:00', '22.02.2024 12:00:00', '2024-02-22T12:00:00', '2024-02-22 12:00:00+00', '']) {
      expect(isoOfTimestampText(s)).toBeUndefined();
    }
  });
});
