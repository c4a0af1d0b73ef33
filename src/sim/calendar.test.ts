import { describe, expect, it } from 'vitest';
import { activityAt, dstChanges, holidaysBetween, usHolidays, utcOffsetHours } from './calendar.js';

const at = (iso: string): number => Date.parse(iso);

describe('local clocks', () => {
  it('follows US daylight saving time, except where it is not kept', () => {
    expect(utcOffsetHours('36', at('2024-01-15T12:00:00Z'))).toBe(-5); // New York, winter
    expect(utcOffsetHours('36', at('2024-07-15T12:00:00Z'))).toBe(-4); // New York, summer
    expect(utcOffsetHours('04', at('2024-07-15T12:00:00Z'))).toBe(-7); // Arizona keeps MST
    expect(utcOffsetHours('06', at('2024-03-10T09:59:00Z'))).toBe(-8); // before 02:00 PST
    expect(utcOffsetHours('06', at('2024-03-10T10:00:00Z'))).toBe(-7); // after
  });

  it('lists the DST changes of a year', () => {
    const changes = dstChanges(at('2024-01-01T00:00:00Z'), at('2025-01-01T00:00:00Z'));
    expect(changes.map((c) => new Date(c.at).toISOString().slice(0, 10))).toEqual(['2024-03-10', '2024-11-03']);
  });

  it('knows the federal holidays', () => {
    const names = new Map(usHolidays(2024).map((h) => [new Date(h.day * 86_400_000).toISOString().slice(0, 10), h.name]));
    expect(names.get('2024-11-28')).toBe('Thanksgiving');
    expect(names.get('2024-05-27')).toBe('Memorial Day');
    expect(names.get('2024-02-19')).toBe("Presidents' Day");
    expect(holidaysBetween(at('2024-02-21T00:00:00Z'), at('2024-02-24T00:00:00Z'))).toEqual([]);
  });

  it('is quiet at night, lower on weekends and holidays', () => {
    const wednesday = (h: string): number => activityAt(at(`2024-02-21T${h}:00:00Z`));
    expect(wednesday('03')).toBeLessThan(wednesday('15') * 0.15);
    expect(activityAt(at('2024-02-24T15:00:00Z'))).toBeLessThan(wednesday('15')); // Saturday
    expect(activityAt(at('2024-11-28T09:00:00Z'))).toBeLessThan(activityAt(at('2024-11-27T09:00:00Z')));
  });
});
