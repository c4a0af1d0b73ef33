// csvLineOf joins a record itself when no field needs quoting: over random records (quotes,
// commas, CR, LF, empty strings, nulls, unicode, spaces at either end, values of other types)
// it must write exactly what csv-stringify alone writes for csvRecordOf's record.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_SOURCE_COLUMNS, csvLineOf, csvRecordOf } from './report.js';

const pieces = ['"', ',', '\r', '\n', '\r\n', ' ', '\t', '', 'a', 'No bars', 'é', '😀', '\u2028', '\ufeff', '=1+1', '-', '@', '\\', ';', "'", '\u0000', '\x1f'];
const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 6 }).map((xs) => xs.join(''));
/** Mostly plain values (the fast path), sometimes anything. */
const field = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('att', 'OD-B12', 'voice,sms', ' spaced ', 'x') }, { weight: 4, arbitrary: text }, { weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant('') });
const time = fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }), fc.double({ min: 0, max: 2e12, noNaN: true }));
const flag = fc.constantFrom(0, 1, '1', '0', null);

const I = Object.fromEntries(CSV_SOURCE_COLUMNS.map((c, k) => [c, k])) as Record<(typeof CSV_SOURCE_COLUMNS)[number], number>;

const row = fc.tuple(fc.array(field, { minLength: CSV_SOURCE_COLUMNS.length, maxLength: CSV_SOURCE_COLUMNS.length }), time, time, fc.option(time), flag, flag).map(([v, received, started, ended, sos, consent]) => {
  const r: unknown[] = [...v];
  r[I.received_at] = received;
  r[I.started_at] = started;
  r[I.ended_at] = ended;
  r[I.sos_mode] = sos;
  r[I.consent_to_contact] = consent;
  r[I.services] ??= ''; // never null in the store
  return r;
});

describe('csvLineOf', () => {
  it('writes what csv-stringify writes for csvRecordOf’s record, for any record', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.boolean(), (rows, withContact) => {
        expect(rows.map((r) => csvLineOf(r, withContact)).join('')).toBe(stringify(rows.map((r) => csvRecordOf(r, withContact))));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes every special character csv-stringify quotes, in every text field', () => {
    const base: unknown[] = ['id', 'OD-1', 1708591500000, 'att', 'att', 'voice,sms', 1, '10001', '36061', '36', 1708590300000, null, null, 'No bars', 'web', 0, 'Ann', 'a@example.org', null];
    const texts = CSV_SOURCE_COLUMNS.flatMap((c, k) => (c.endsWith('_at') || c === 'sos_mode' || c === 'consent_to_contact' ? [] : [k]));
    let quoted = 0;
    for (const k of texts) {
      for (const s of ['"', ',', '\r', '\n', ' a,b ', 'x"y', '', ' ']) {
        for (const withContact of [true, false]) {
          const r = [...base];
          r[k] = s;
          const line = csvLineOf(r, withContact);
          expect(line).toBe(stringify([csvRecordOf(r, withContact)]));
          if (line.includes('"')) quoted++;
        }
      }
    }
    expect(quoted).toBeGreaterThan(100); // the check above met quoted fields, not only plain ones
  });

  it('passes other types to csv-stringify, as csvRecordOf did', () => {
    const r: unknown[] = ['id', 7, 1708591500000, true, { a: 1 }, 'voice', 1, 10001n, '36061', '36', 1708590300000, null, Buffer.from('x'), 'No bars', 'web', 0, 'Ann', null, null];
    for (const withContact of [true, false]) expect(csvLineOf(r, withContact)).toBe(stringify([csvRecordOf(r, withContact)]));
  });
});
