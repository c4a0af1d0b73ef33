import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formErrors, localToUtc, readForm, toReportBody } from './report-form.js';

const now = new Date('2024-02-22T12:00:00Z');

describe('report form translation', () => {
  it('reads local browser time with the offset the page script sent, and UTC without one', () => {
    // New York in February: getTimezoneOffset() is 300.
    expect(localToUtc('2024-02-22T03:30', '300')?.toISOString()).toBe('2024-02-22T08:30:00.000Z');
    expect(localToUtc('2024-02-22T03:30', '0')?.toISOString()).toBe('2024-02-22T03:30:00.000Z');
    expect(localToUtc('2024-02-22T03:30', 'nonsense')?.toISOString()).toBe('2024-02-22T03:30:00.000Z');
    expect(localToUtc('2024-02-22T03:30', '99999')?.toISOString()).toBe('2024-02-22T03:30:00.000Z');
    expect(localToUtc('yesterday', '0')).toBeUndefined();
  });

  it('turns quick choices into times before now', () => {
    const quarter = toReportBody({ ...EMPTY_FORM, started: '15m' }, now);
    expect(quarter.body.startedAt).toBe('2024-02-22T11:45:00.000Z');
    expect(toReportBody({ ...EMPTY_FORM, started: '1h' }, now).body.startedAt).toBe('2024-02-22T11:00:00.000Z');
    expect(toReportBody({ ...EMPTY_FORM, started: 'bogus' }, now).body.startedAt).toBe(now.toISOString());
  });

  it('asks for a time when "earlier" has none, and takes "it came back" without a time as now', () => {
    const r = toReportBody({ ...EMPTY_FORM, started: 'earlier', ended: 'yes' }, now);
    expect(r.errors).toEqual([{ path: 'startedAt', message: expect.stringContaining('Enter the date and time it started') }]);
    expect(r.body.endedAt).toBe(now.toISOString());
  });

  it('reads repeated fields as lists and ignores what the form never sends', () => {
    const f = readForm({ services: ['voice', 'sms'], carrier: ['att', 'verizon'], sosMode: 'yes', zip: ' 30303 ', extra: 'x' });
    expect(f).toMatchObject({ services: ['voice', 'sms'], carrier: 'att', sosMode: true, zip: '30303' });
    expect(readForm('not an object')).toEqual(EMPTY_FORM);
    expect(toReportBody(f, now).body).not.toHaveProperty('extra');
  });

  it('sends contact only when something was filled in', () => {
    expect(toReportBody({ ...EMPTY_FORM, name: '  ' }, now).body).not.toHaveProperty('contact');
    expect(toReportBody({ ...EMPTY_FORM, email: 'a@b.co' }, now).body.contact).toEqual({ email: 'a@b.co' });
  });

  it('words validator errors per field, keeping the form’s own message first', () => {
    const errors = formErrors(
      [{ path: 'startedAt', message: 'Enter the date and time it started.' }],
      [{ path: 'startedAt', message: 'must be a date-time' }, { path: 'contact.email', message: 'is not an email address' }],
    );
    expect([...errors]).toEqual([
      ['startedAtLocal', 'Enter the date and time it started.'],
      ['email', 'Enter an email address like name@example.com.'],
    ]);
  });
});
