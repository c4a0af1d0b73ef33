import { describe, expect, it } from 'vitest';
import { ReportLog, serviceMask } from './report-log.js';
import { RegionSeries, SeriesPool } from './rollup.js';
import type { Service } from './types.js';

describe('RegionSeries', () => {
  it('keeps window sums of the last 5/15/30/60 minutes as time moves on', () => {
    const key = new RegionSeries('county', '06037', '06');
    const start = 1_000_000;
    for (let m = start; m < start + 90; m++) {
      key.add(m);
      if (m % 2 === 0) key.add(m); // two reports on even minutes
    }
    const last = start + 89;
    const expectSum = (w: number): number => {
      let s = 0;
      for (let m = last - w + 1; m <= last; m++) s += m % 2 === 0 ? 2 : 1;
      return s;
    };
    expect([0, 1, 2, 3].map((i) => key.windowSum(i, last))).toEqual([5, 15, 30, 60].map(expectSum));
    // Ten quiet minutes later the short windows have emptied.
    expect(key.windowSum(0, last + 10)).toBe(0);
    expect(key.windowSum(3, last + 10)).toBe(expectSum(60) - expectSum(10));
    expect(key.at(last)).toBe(1);
    expect(key.at(last - 100)).toBe(0); // left the ring
  });

  it('accumulates hours for the baseline and forgets them after 5 weeks', () => {
    const key = new RegionSeries('state', '06', '06');
    const minute = 60 * 500_000;
    key.add(minute);
    key.add(minute + 5);
    expect(key.total).toBe(2);
    key.advance(minute + 60 * 840);
    expect(key.total).toBe(0);
  });
  it('keeps each key of a shared pool apart as the pool grows', () => {
    const pool = new SeriesPool(true, 2);
    const minute = 60 * 400_000;
    const keys = Array.from({ length: 40 }, (_, i) => new RegionSeries('county', String(1000 + i).padStart(5, '0'), '01', pool));
    keys.forEach((k, i) => {
      for (let n = 0; n <= i; n++) k.add(minute + (2 * n > i ? 1 : 0)); // time only moves on
    });
    keys.forEach((k, i) => {
      expect(k.windowSum(0, minute + 2)).toBe(i + 1);
      expect(k.at(minute + 1)).toBe(Math.ceil(i / 2));
    });
  });

  it('writes an hour once it ends, and saturates a county hour at 65,535', () => {
    const key = new RegionSeries('county', '06037', '06');
    const hour = 500_000;
    for (let n = 0; n < 70_000; n++) key.add(hour * 60 + 10);
    expect(key.hourCount(hour)).toBe(0xffff); // the hour in progress
    expect(key.total).toBe(0xffff);
    key.add(hour * 60 + 65); // the next hour
    expect(key.hourCount(hour)).toBe(0xffff);
    expect(key.hourCount(hour + 1)).toBe(1);
    expect(key.total).toBe(0xffff + 1);
    key.flagHour(hour + 1);
    expect(key.flagged(hour + 1)).toBe(true);
    expect(key.flagged(hour)).toBe(false);
  });
});

describe('serviceMask', () => {
  it('sets one bit per service named, and none for anything else', () => {
    expect(serviceMask(['voice'])).toBe(1);
    expect(serviceMask(['sms', 'data'])).toBe(6);
    expect(serviceMask(['911', 'voice', 'sms', 'data'])).toBe(15);
    expect(serviceMask([])).toBe(0);
    expect(serviceMask(['video' as Service, 'sos' as Service, '9' as Service])).toBe(0);
  });
});

describe('ReportLog', () => {
  it('grows instead of dropping reports still inside the window, and tallies in scope', () => {
    const log = new ReportLog(70);
    for (let i = 0; i < 40_000; i++) log.append(100 + (i % 10), 1, 6037, 6, i % 2 ? 1 : 4, i % 4 === 0 ? 2 : -1, i % 5 !== 0);
    const t = log.tally({ network: 1, fromMinute: 100, inScope: (county) => county === 6037 });
    expect(t.raw).toBe(40_000);
    expect(t.counted).toBe(32_000);
    expect(t.services.voice + t.services.data).toBe(32_000);
    expect(t.called.get(2)).toBe(8_000); // 10,000 called network 2; 2,000 of them were repeats
  });
});
