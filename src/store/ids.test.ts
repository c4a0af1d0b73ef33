import { describe, expect, it } from 'vitest';
import { normalizeReference, reportReference, uuidv7 } from './ids.js';

const decode = (chars: string): number => [...chars].reduce((n, c) => n * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c), 0);

describe('report references', () => {
  it('start with the milliseconds since 2024, so one commit lands on one index page', () => {
    const now = Date.parse('2024-02-22T08:45:00.123Z');
    const ref = reportReference(now);
    expect(ref).toMatch(/^OD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const code = ref.replace(/^OD-|-/g, '');
    expect(decode(code.slice(0, 8))).toBe(now - Date.UTC(2024, 0, 1));
    expect(reportReference(now + 5).replace(/-/g, '') > code).toBe(true);
  });

  it('never repeat within a process, even minted thousands per millisecond', () => {
    const refs = Array.from({ length: 200_000 }, () => reportReference());
    expect(new Set(refs).size).toBe(refs.length);
    const ms = refs.map((r) => decode(r.replace(/^OD-|-/g, '').slice(0, 8)));
    expect(ms.every((m, i) => i === 0 || m >= ms[i - 1]!)).toBe(true);
  });

  it('a fresh draw after a clash starts elsewhere in the millisecond', () => {
    const now = Date.now();
    const a = reportReference(now);
    const b = reportReference(now, true);
    expect(b).not.toBe(a);
    expect(b.slice(0, 12)).toBe(a.slice(0, 12));
  });

  it('are found however a caller reads them out', () => {
    const ref = reportReference();
    expect(normalizeReference(ref)).toBe(ref);
    expect(normalizeReference(ref.toLowerCase().replace(/-/g, ' '))).toBe(ref);
    expect(normalizeReference(ref.slice(3).replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(ref);
    expect(normalizeReference('OD-1234')).toBeUndefined();
    expect(normalizeReference('OD-UUUU-UUUU-UUUU')).toBeUndefined();
  });

  it('ids are UUIDv7 in time order', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
