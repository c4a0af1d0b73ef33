import { describe, expect, it } from 'vitest';
import { isoTime } from './report.js';

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
