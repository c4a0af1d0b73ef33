import { describe, expect, it } from 'vitest';
import { FingerprintDedupe } from './dedupe.js';

describe('FingerprintDedupe', () => {
  it('counts one fingerprint once per network per hour', () => {
    const d = new FingerprintDedupe(60);
    const [att, verizon] = [0, 1];
    expect(d.admit(att, 'fp1', 0)).toBe(true);
    expect(d.admit(att, 'fp1', 30)).toBe(false);
    expect(d.admit(verizon, 'fp1', 30)).toBe(true); // another company: counts
    expect(d.admit(att, 'fp1', 59)).toBe(false);
    expect(d.admit(att, 'fp1', 60)).toBe(true); // a new hour window
    expect(d.admit(att, 'fp1', 100)).toBe(false); // still blocked across a rotation
    expect(d.admit(att, 'fp1', 300)).toBe(true);
  });

  it('agrees with a plain map of last counted minutes through growth, epoch turns and gaps', () => {
    const d = new FingerprintDedupe(60);
    const last = new Map<string, number>();
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let counted = 0;
    let disagreements = 0;
    for (let minute = 0; minute < 600; minute++) {
      if (minute >= 400 && minute < 530) continue; // a gap of two windows and more: nothing blocks after it
      // a burst mid-run (tens of thousands of reporters) grows the table; it shrinks after
      const perMinute = minute >= 200 && minute < 260 ? 2_000 : 100;
      for (let k = 0; k < perMinute; k++) {
        const net = rand(3);
        const fp = `fp_${rand(minute >= 200 && minute < 260 ? 200_000 : 5_000)}`;
        const key = `${net}:${fp}`;
        const prev = last.get(key);
        const expected = prev === undefined || minute - prev >= 60;
        if (expected) last.set(key, minute);
        if (d.admit(net, fp, minute) !== expected) disagreements++;
        if (expected) counted++;
      }
    }
    expect(disagreements).toBe(0);
    expect(counted).toBeGreaterThan(100_000);
  });
});

describe('FingerprintDedupe memory', () => {
  it('grows for a burst of reporters and shrinks back once two quiet windows have passed', () => {
    const d = new FingerprintDedupe(60);
    const quiet = d.slotCount;
    for (let k = 0; k < 100_000; k++) d.admit(0, `fp_${k}`, 30);
    const burst = d.slotCount;
    expect(burst).toBeGreaterThanOrEqual(200_000);
    for (let minute = 60; minute < 240; minute++) d.admit(0, `quiet_${minute}`, minute);
    expect(d.slotCount).toBe(quiet);
  });
});
