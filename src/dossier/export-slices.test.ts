import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportSlices, type ComplaintFilter } from './complaints.js';
import type { Membership } from './membership.js';

const T0 = Date.parse('2024-02-22T08:45:00Z');

describe('ExportSlices', () => {
  it('tiles the filter’s range in the table’s order: shared bounds inside it, the filter’s own at its ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 86_400_000 }), fc.option(fc.integer({ min: -3_600_000, max: 86_400_000 })), fc.option(fc.integer({ min: 0, max: 4 * 86_400_000 })),
        fc.constantFrom<'newest' | 'oldest'>('newest', 'oldest'), fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 50 }),
        (length, since, until, order, perSecond) => {
          const m = { from: new Date(T0), to: new Date(T0 + length) } as Membership;
          const f: ComplaintFilter = { order, carrier: 'att', since: since === null ? undefined : new Date(T0 + since), until: until === null ? undefined : new Date(T0 + until) };
          const slices = new ExportSlices(m, f);
          const got: ComplaintFilter[] = [];
          for (let s = slices.next(), k = 0; s; s = slices.next(), k++) {
            got.push(s.filter);
            slices.observe(Math.round((perSecond[k % perSecond.length]! * s.ms) / 1000), s.ms); // reports a second, in bursts and lulls
            if (got.length > 100_000) throw new Error('too many slices');
          }
          const lo = Math.max(T0, f.since?.getTime() ?? -Infinity);
          const hi = Math.min(T0 + length, f.until?.getTime() ?? Infinity);
          if (!(hi > lo)) {
            expect(got).toEqual([f]);
            return;
          }
          const inTime = order === 'oldest' ? got : [...got].reverse();
          expect(inTime[0]!.since).toBe(f.since);
          expect(inTime.at(-1)!.until).toBe(f.until);
          const wrong: string[] = [];
          for (let k = 1; k < inTime.length; k++) {
            const bound = inTime[k]!.since!.getTime();
            if (inTime[k - 1]!.until?.getTime() !== bound) wrong.push(`slice ${k - 1} ends where ${k} does not start`);
            if (!(bound > (k === 1 ? lo : inTime[k - 1]!.since!.getTime()))) wrong.push(`bound ${k} is not after the one before`);
            if (!(bound < hi)) wrong.push(`bound ${k} is not inside the range (so \`until\` excludes it, as the slice after includes it)`);
          }
          const others = ({ since: _s, until: _u, ...rest }: ComplaintFilter) => JSON.stringify(rest);
          if (got.some((g) => others(g) !== others(f))) wrong.push('a slice changed another filter');
          expect(wrong.slice(0, 3)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('leaves a text search whole', () => {
    const m = { from: new Date(T0), to: new Date(T0 + 86_400_000) } as Membership;
    const slices = new ExportSlices(m, { text: 'tower' });
    expect(slices.next()?.filter).toEqual({ text: 'tower' });
    expect(slices.next()).toBeUndefined();
  });
});
