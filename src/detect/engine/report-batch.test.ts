import { describe, expect, it } from 'vitest';
import { DetectionEngine } from './engine.js';
import { ReportBatch } from './report-batch.js';
import { serviceMask, serviceMaskOfText } from './report-log.js';
import type { DetectionReport } from './types.js';

const MIN = 60_000;
const T0 = Date.parse('2024-03-04T00:00:00Z');

describe('ReportBatch', () => {
  it('numbers networks in order of first sight, called networks included, and keeps them across clears', () => {
    const b = new ReportBatch(1);
    b.addFields(T0, 'verizon', '36061', '36', 1, 'att', 'fp1');
    b.addFields(T0 + 1, 'tmobile', '36061', '36', 1, null, 'fp2');
    expect(b.networks).toEqual(['verizon', 'att', 'tmobile']);
    expect([...b.network.subarray(0, 2)]).toEqual([0, 2]);
    expect([...b.called.subarray(0, 2)]).toEqual([1, -1]);
    b.clear();
    b.addFields(T0 + 2, 'att', '06037', '06', 8, null, 'fp3');
    expect(b.length).toBe(1);
    expect(b.network[0]).toBe(1);
    expect(b.services[0]).toBe(8);
  });

  it('grows past its capacity without losing a report', () => {
    const b = new ReportBatch(2);
    for (let i = 0; i < 1000; i++) b.addFields(T0 + i, 'att', '36061', '36', 1, null, `fp${i}`);
    expect(b.length).toBe(1000);
    expect(b.receivedAt[999]).toBe(T0 + 999);
    expect(b.countyCode[999]).toBe('36061');
    // The same fingerprint hashes alike wherever it sits.
    b.addFields(T0, 'att', '36061', '36', 1, null, 'fp7');
    expect([b.fpA[1000], b.fpB[1000]]).toEqual([b.fpA[7], b.fpB[7]]);
  });

  it('marks a county code that is not 5 digits for lookup by its text', () => {
    const b = new ReportBatch();
    b.addFields(T0, 'att', 'unknown', '36', 1, null, 'fp1');
    b.addFields(T0, 'att', '36061', '36', 1, null, 'fp2');
    expect(b.county[0]).toBe(-1);
    expect(b.county[1]).toBeGreaterThanOrEqual(0);
  });

  it('reads stored services text as the same bits as the services array', () => {
    for (const services of [['voice'], ['sms', 'data'], ['voice', 'sms', 'data', '911'], ['911'], []] as const) {
      expect(serviceMaskOfText(services.join(','))).toBe(serviceMask([...services]));
    }
    expect(serviceMaskOfText('voices,sm,dat,9111')).toBe(0);
  });

  it('counts reports of a county code outside FIPS as the engine does one by one', () => {
    const reports: DetectionReport[] = [];
    let n = 0;
    const add = (at: number, county: string) => reports.push({ id: `r${n}`, receivedAt: at, network: 'att', carrier: 'att', county, state: '36', services: ['voice'], calledNetwork: null, fingerprint: `fp${n++}`, startedAt: at });
    // A day of everyday reports, then a burst where the county code is not a FIPS code.
    for (let t = T0; t < T0 + 26 * 60 * MIN; t += MIN) for (const c of ['36061', '36047', 'x-1']) add(t, c);
    for (let t = T0 + 26 * 60 * MIN; t < T0 + 27 * 60 * MIN; t += MIN) for (let i = 0; i < 40; i++) add(t + i * 1000, 'x-1');
    const one = new DetectionEngine();
    for (const r of reports) one.push(r);
    const all = new DetectionEngine();
    all.pushAll(reports);
    expect(one.incidents().length).toBeGreaterThan(0);
    expect(all.incidents()).toEqual(one.incidents());
  });
});
