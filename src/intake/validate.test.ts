import { describe, expect, it } from 'vitest';
import { validateReport } from './validate.js';

const now = new Date('2024-02-22T10:00:00Z');
const good = { carrier: 'att', services: ['voice', 'data'], zip: '10001', startedAt: '2024-02-22T08:50:00Z' };
const errorsOf = (body: unknown, importRow = false) => {
  const v = validateReport(body, { receivedAt: now, importRow });
  return v.ok ? [] : v.errors;
};
const pathsOf = (body: unknown, importRow = false) => errorsOf(body, importRow).map((e) => e.path);

describe('validateReport', () => {
  it('accepts a minimal report and resolves network, county and state', () => {
    const v = validateReport({ ...good, carrier: 'cricket' }, { receivedAt: now });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.report).toMatchObject({ carrier: 'cricket', network: 'att', county: '36061', state: '36', services: ['voice', 'data'] });
    expect(v.report.startedAt?.toISOString()).toBe('2024-02-22T08:50:00.000Z');
    expect(v.honeypot).toBe(false);
  });

  it('puts services in canonical order whatever order they came in', () => {
    const v = validateReport({ ...good, services: ['911', 'voice'] }, { receivedAt: now });
    expect(v.ok && v.report.services).toEqual(['voice', '911']);
  });

  it.each([
    ['unknown carrier', { ...good, carrier: 'acme' }, 'carrier'],
    ['missing carrier', { services: ['voice'], zip: '10001' }, 'carrier'],
    ['unknown ZIP', { ...good, zip: '00000' }, 'zip'],
    ['malformed ZIP', { ...good, zip: '1001' }, 'zip'],
    ['empty services', { ...good, services: [] }, 'services'],
    ['unknown service', { ...good, services: ['fax'] }, 'services'],
    ['startedAt in the future', { ...good, startedAt: '2024-02-22T10:30:00Z' }, 'startedAt'],
    ['startedAt over 30 days before', { ...good, startedAt: '2024-01-01T00:00:00Z' }, 'startedAt'],
    ['startedAt not a date', { ...good, startedAt: 'yesterday' }, 'startedAt'],
    ['endedAt before startedAt', { ...good, endedAt: '2024-02-22T08:00:00Z' }, 'endedAt'],
    ['description too long', { ...good, description: 'x'.repeat(2001) }, 'description'],
    ['bad email', { ...good, contact: { email: 'not-an-email' } }, 'contact.email'],
    ['bad phone', { ...good, contact: { phone: 'call me' } }, 'contact.phone'],
    ['unknown called carrier', { ...good, calledCarrier: 'acme' }, 'calledCarrier'],
    ['unknown field', { ...good, colour: 'red' }, 'colour'],
    ['wrong type', { ...good, sosMode: 'yes' }, 'sosMode'],
  ])('rejects %s, naming the field', (_name, body, path) => {
    expect(pathsOf(body)).toContain(path);
  });

  it('reports every bad field at once', () => {
    expect(pathsOf({ carrier: 'acme', services: [], zip: '00000' }).sort()).toEqual(['carrier', 'services', 'zip']);
  });

  it('allows a few minutes of clock skew', () => {
    expect(pathsOf({ ...good, startedAt: '2024-02-22T10:04:00Z' })).toEqual([]);
  });

  it('rejects a body that is not an object', () => {
    expect(pathsOf([1, 2])).toEqual(['(body)']);
    expect(pathsOf('report')).toEqual(['(body)']);
  });

  it('flags the honeypot without rejecting', () => {
    const v = validateReport({ ...good, website: 'http://spam.example' }, { receivedAt: now });
    expect(v.ok && v.honeypot).toBe(true);
  });

  it('accepts receivedAt and fingerprint only on import rows, judging times against receivedAt', () => {
    const row = { ...good, startedAt: '2024-01-05T00:00:00Z', receivedAt: '2024-01-05T00:10:00Z', fingerprint: 'client-7' };
    expect(pathsOf(row)).toEqual(expect.arrayContaining(['receivedAt', 'fingerprint']));
    const v = validateReport(row, { receivedAt: now, importRow: true });
    expect(v.ok && v.report.receivedAt?.toISOString()).toBe('2024-01-05T00:10:00.000Z');
    expect(v.ok && v.report.fingerprint).toBe('client-7');
    expect(pathsOf({ ...row, receivedAt: '2024-03-01T00:00:00Z' }, true)).toContain('receivedAt');
  });

  it('rejects NUL characters in stored text, which PostgreSQL cannot hold', () => {
    const body = { ...good, description: 'no\u0000signal', contact: { name: 'A\u0000', email: 'a@b.org', phone: '555\u00001234' } };
    expect(pathsOf(body).sort()).toEqual(['contact.name', 'contact.phone', 'description']);
    const row = { ...good, receivedAt: '2024-02-22T09:00:00Z', fingerprint: 'c\u00007' };
    expect(pathsOf(row, true)).toEqual(['fingerprint']);
  });

  it('rejects unpaired surrogates (stored as U+FFFD otherwise) but keeps real astral characters', () => {
    expect(pathsOf({ ...good, description: 'lone \ud800 high' })).toEqual(['description']);
    expect(pathsOf({ ...good, contact: { name: '\udc00 low first' } })).toEqual(['contact.name']);
    expect(pathsOf({ ...good, description: 'no signal \ud83d\udcf5' })).toEqual([]);
  });

  it('refuses times that are not real instants: a leap second, Feb 30, hour 24', () => {
    for (const startedAt of ['2024-02-21T23:59:60Z', '2024-02-30T08:00:00Z', '2024-02-22T24:00:00Z']) {
      expect(pathsOf({ ...good, startedAt }), startedAt).toEqual(['startedAt']);
    }
  });

  it('rejects replayed rows received before 2000 (a wrong column, and ids need >= 1970)', () => {
    const row = { ...good, startedAt: '1969-12-31T23:00:00Z', receivedAt: '1969-12-31T23:30:00Z' };
    expect(pathsOf(row, true)).toEqual(['receivedAt']);
  });
});
