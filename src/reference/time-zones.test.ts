import { describe, expect, it } from 'vitest';
import { lookupZip } from './index.js';
import { timeZoneOf } from './time-zones.js';

describe('timeZoneOf', () => {
  it.each([
    ['10001', 'America/New_York'], ['60601', 'America/Chicago'], ['80202', 'America/Denver'], ['85004', 'America/Phoenix'],
    ['94103', 'America/Los_Angeles'], ['96813', 'Pacific/Honolulu'], ['32501', 'America/Chicago'], ['37902', 'America/New_York'],
    ['38103', 'America/Chicago'], ['79901', 'America/Denver'], ['46204', 'America/Indiana/Indianapolis'], ['46320', 'America/Chicago'],
  ])('%s is in %s', (zip, zone) => {
    expect(timeZoneOf(lookupZip(zip)!)).toBe(zone);
  });
});
