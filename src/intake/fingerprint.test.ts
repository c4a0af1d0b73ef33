import { describe, expect, it } from 'vitest';
import { clientFingerprint } from './fingerprint.js';

describe('clientFingerprint', () => {
  const day1 = new Date('2024-02-22T08:00:00Z');
  it('is stable for one client within a day and never contains the IP', () => {
    const a = clientFingerprint('s', '203.0.113.7', 'Phone/1', day1);
    expect(clientFingerprint('s', '203.0.113.7', 'Phone/1', new Date('2024-02-22T23:59:00Z'))).toBe(a);
    expect(a).not.toContain('203');
    expect(a).toHaveLength(22);
  });
  it('differs between clients, days and secrets', () => {
    const a = clientFingerprint('s', '203.0.113.7', 'Phone/1', day1);
    expect(clientFingerprint('s', '203.0.113.8', 'Phone/1', day1)).not.toBe(a);
    expect(clientFingerprint('s', '203.0.113.7', 'Phone/2', day1)).not.toBe(a);
    expect(clientFingerprint('s', '203.0.113.7', 'Phone/1', new Date('2024-02-23T00:00:00Z'))).not.toBe(a);
    expect(clientFingerprint('t', '203.0.113.7', 'Phone/1', day1)).not.toBe(a);
  });
});
