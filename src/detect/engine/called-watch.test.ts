import { describe, expect, it } from 'vitest';
import { CallCounts, callScope, MinuteRing } from './called-watch.js';
import { RING_MINUTES } from './config.js';

describe('call counts', () => {
  it('count per minute, nationwide and per state, and forget minutes the ring has passed', () => {
    const calls = new CallCounts();
    calls.add(100, '48');
    calls.add(100, '48');
    calls.add(100, '06');
    calls.add(101, '48');
    expect(calls.at(100, { level: 'nation', regions: ['US'] })).toBe(3);
    expect(calls.at(100, { level: 'state', regions: ['48'] })).toBe(2);
    expect(calls.sum(100, 101, { level: 'state', regions: ['48', '06'] })).toBe(4);
    const ring = new MinuteRing();
    ring.add(5);
    ring.add(5 + RING_MINUTES); // the same slot, a ring later
    expect(ring.at(5)).toBe(0);
    expect(ring.at(5 + RING_MINUTES)).toBe(1);
  });

  it('count a county outage\'s calls over its states', () => {
    expect(callScope({ level: 'county', regions: ['48201', '48113', '06037'] })).toEqual({ level: 'state', regions: ['48', '06'] });
    expect(callScope({ level: 'nation', regions: ['US'] })).toEqual({ level: 'nation', regions: ['US'] });
  });
});
