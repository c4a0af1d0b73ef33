import { describe, expect, it } from 'vitest';
import type { Incident } from '../detect/index.js';
import { buildStatus, publicIncidents } from './aggregate.js';
import { DAY_MS, hoursOf, slicesOf, SLICE_MS, type CountyRow, type TotalsRow } from './counts.js';
import { publicCount } from './public-count.js';
import { zipCheck } from './zip-check.js';

const NOW = Date.parse('2026-03-10T15:07:00Z');
const SLICE = Math.floor(NOW / SLICE_MS) * SLICE_MS;
const HOUR = Math.floor(NOW / 3_600_000) * 3_600_000;

function incident(over: Partial<Incident>): Incident {
  return {
    id: 'att-x', network: 'att', status: 'confirmed', kind: 'primary', primaryIncidentId: null,
    scope: { level: 'nation', regions: ['US'] }, services: { voice: 0.9, sms: 0.5, data: 0.8, '911': 0.1 },
    onsetAt: '2026-03-10T13:45:00.000Z', detectedAt: '2026-03-10T13:50:00.000Z', resolvedAt: null,
    reportCount: 5000, peak: { at: '2026-03-10T14:00:00.000Z', count: 900 },
    evidence: { opening: { level: 'nation', region: 'US', windowMinutes: 5, observed: 1, expected: 1, tested: 1, llr: 1, ratio: 1, duplicateShare: 0, elevatedMinutes: 1 }, collateral: null },
    ...over,
  };
}

/** Verizon: 9 reports in Missoula (30063) and 10 in Laramie (56001), all in the last hour. */
function sample(extra: { totals?: TotalsRow[]; incidents?: Incident[] } = {}) {
  const totals: TotalsRow[] = [
    { at: SLICE, network: 'verizon', services: 'voice', sos: false, n: 9 },
    { at: SLICE - SLICE_MS, network: 'verizon', services: 'voice,data', sos: true, n: 10 },
    ...(extra.totals ?? []),
  ];
  const counties: CountyRow[] = [
    { at: HOUR, network: 'verizon', county: '30063', n: 9 },
    { at: HOUR, network: 'verizon', county: '56001', n: 10 },
  ];
  return buildStatus({ now: NOW, minCount: 10, slices: slicesOf(totals), hours: hoursOf(counties), incidents: extra.incidents ?? [] });
}

/** Every numeric field named like a count in the answer, with its path. */
function counts(o: unknown, path = ''): Array<[string, number]> {
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => [
    ...(typeof v === 'number' && /count|reports|total/i.test(k) ? [[`${path}.${k}`, v] as [string, number]] : []),
    ...counts(v, `${path}.${k}`),
  ]);
}

describe('public count', () => {
  it('hides 0 to min-1 and shows min and above', () => {
    expect(publicCount(0, 10)).toEqual({ count: null, suppressed: true });
    expect(publicCount(9, 10)).toEqual({ count: null, suppressed: true });
    expect(publicCount(10, 10)).toEqual({ count: 10, suppressed: false });
  });
});

describe('buildStatus', () => {
  it('shows the county of 10 and leaves the county of 9 out, everywhere', () => {
    const s = sample();
    const vz = s.carriers.find((c) => c.network === 'verizon')!;
    expect(vz.counties).toEqual([{ county: '56001', count: 10 }]);
    expect(vz.places).toEqual([{ county: '56001', count: 10 }]);
    expect(s.counties).toEqual([{ county: '56001', count: 10 }]);
    expect(JSON.stringify(s)).not.toContain('30063');
    const bad = counts(s).filter(([, v]) => v >= 1 && v < 10);
    expect(bad).toEqual([]);
  });

  it('suppresses a time bucket of 9 with null and suppressed: true, and shows one of 10', () => {
    const vz = sample().carriers.find((c) => c.network === 'verizon')!;
    expect(vz.series).toHaveLength(96);
    expect(vz.series.at(-1)).toMatchObject({ at: new Date(SLICE).toISOString(), reports: { count: null, suppressed: true } });
    expect(vz.series.at(-2)!.reports).toEqual({ count: 10, suppressed: false });
    expect(vz.lastHour).toEqual({ count: 19, suppressed: false });
  });

  it('counts the most reported problems, each suppressed below the threshold', () => {
    const vz = sample().carriers.find((c) => c.network === 'verizon')!;
    expect(vz.problems).toEqual([
      { problem: 'voice', count: 19, suppressed: false },
      { problem: 'sms', count: null, suppressed: true },
      { problem: 'data', count: 10, suppressed: false },
      { problem: '911', count: null, suppressed: true },
      { problem: 'sos', count: 10, suppressed: false },
    ]);
  });

  it('compares with the same time on the 7 days before: twice the usual is elevated, the usual is normal', () => {
    const usual = (n: number) => Array.from({ length: 7 }, (_, k) => [0, 1, 2, 3].map((j) => ({ at: SLICE - j * SLICE_MS - (k + 1) * DAY_MS, network: 'verizon', services: 'voice', sos: false, n }))).flat();
    const calm = sample({ totals: usual(2) }).carriers.find((c) => c.network === 'verizon')!;
    expect(calm.state).toBe('elevated'); // 19 now against about 2*3 + 2*0.47
    const busy = sample({ totals: usual(30) }).carriers.find((c) => c.network === 'verizon')!;
    expect(busy.state).toBe('normal');
    expect(busy.series.at(-2)!.expected).toEqual({ count: 30, suppressed: false });
    expect(sample().carriers.find((c) => c.network === 'verizon')!.series.at(-2)!.expected).toEqual({ count: null, suppressed: true });
  });

  it('an open incident makes its network an outage; its report count is shown only from the threshold', () => {
    const s = sample({ incidents: [incident({})] });
    const att = s.carriers.find((c) => c.network === 'att')!;
    expect(att.state).toBe('outage');
    expect(att.incidentIds).toEqual(['att-x']);
    expect(s.incidents[0]).toMatchObject({ networkName: 'AT&T', services: ['voice', 'data', 'sms'], reports: { count: 5000, suppressed: false } });
    expect(s.carriers.find((c) => c.network === 'tmobile')!.state).toBe('normal');
  });

  it('leaves out dismissed incidents, those with fewer reports than the threshold, and those resolved over a day ago', () => {
    const list = [
      incident({ id: 'a', reportCount: 9 }),
      incident({ id: 'b', status: 'dismissed' as Incident['status'] }),
      incident({ id: 'c', status: 'resolved', resolvedAt: new Date(NOW - DAY_MS - 1).toISOString() }),
      incident({ id: 'd', status: 'resolved', resolvedAt: new Date(NOW - 60_000).toISOString() }),
    ];
    expect(sample({ incidents: list }).incidents.map((i) => i.id)).toEqual(['d']);
    expect(sample({ incidents: list }).carriers.find((c) => c.network === 'att')!.state).toBe('normal');
    expect(publicIncidents(list, 10).map((i) => i.id)).toEqual(['c', 'd']);
  });
});

describe('zipCheck', () => {
  const place = { zip: '59801', county: '30063', state: '30', stateAbbr: 'MT', countyName: 'Missoula', city: 'Missoula', lat: 0, lon: 0 };
  it('hides 9 nearby reports and shows 10; covered only by an open incident of that network whose scope takes in the county', () => {
    const s = sample({ incidents: [incident({ network: 'verizon', id: 'vz', scope: { level: 'state', regions: ['30'] } })] });
    const vz = { id: 'visible', name: 'Visible', network: 'verizon' };
    const c = zipCheck(s, place, vz, new Map([['verizon', 9]]));
    expect(c).toMatchObject({ covered: true, carrier: vz, nearby: [{ network: 'verizon', lastHour: { count: null, suppressed: true } }] });
    expect(zipCheck(s, place, vz, new Map([['verizon', 10]])).nearby[0]!.lastHour).toEqual({ count: 10, suppressed: false });
    expect(zipCheck(s, { ...place, county: '56001', state: '56' }, vz, new Map()).covered).toBe(false);
    expect(zipCheck(s, place, { id: 'att', name: 'AT&T', network: 'att' }, new Map()).covered).toBe(false);
    expect(zipCheck(s, place, undefined, new Map()).nearby).toHaveLength(5);
  });
});
