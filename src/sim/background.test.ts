import { describe, expect, it } from 'vitest';
import { lookupZip } from '../reference/index.js';
import { Background } from './background.js';
import { utcOffsetHours } from './calendar.js';
import { generateReports } from './generate.js';
import { buildScenario } from './index.js';

describe('background', () => {
  // Two weekdays of background only, bucketed by each reporter's local hour.
  const truth = { ...buildScenario({ days: 2, seed: 4, start: new Date('2024-02-20T00:00:00Z') }), outages: [], quiet: [] };
  const byLocalHour = new Array<number>(24).fill(0);
  const byNetwork = new Map<string, number>();
  for (const r of generateReports(truth)) {
    const place = lookupZip(r.zip)!;
    const ms = Date.parse(r.receivedAt);
    byLocalHour[new Date(ms + utcOffsetHours(place.state, ms) * 3_600_000).getUTCHours()]!++;
    byNetwork.set(r.carrier, (byNetwork.get(r.carrier) ?? 0) + 1);
  }

  it('is far quieter at 3 a.m. local than at 3 p.m. local', () => {
    expect(byLocalHour[3]!).toBeLessThan(byLocalHour[15]! * 0.2);
    expect(byLocalHour[15]!).toBeGreaterThan(400);
  });

  it('follows market shares', () => {
    const total = [...byNetwork.values()].reduce((a, b) => a + b, 0);
    const share = (...brands: string[]): number => brands.reduce((s, b) => s + (byNetwork.get(b) ?? 0), 0) / total;
    expect(share('att', 'cricket')).toBeGreaterThan(0.26);
    expect(share('att', 'cricket')).toBeLessThan(0.34);
    expect(share('cricket')).toBeGreaterThan(0.03);
    expect(share('verizon', 'visible')).toBeGreaterThan(0.24);
    expect(share('uscellular')).toBeLessThan(0.03);
  });

  it('puts AT&T near Downdetector\'s baseline of 42 per 15 min on a weekday morning', () => {
    // 08:30-09:15 ET on Wednesday 21 Feb 2024.
    let att = 0;
    for (const r of generateReports(truth)) {
      if (r.receivedAt >= '2024-02-21T13:30' && r.receivedAt < '2024-02-21T14:15' && (r.carrier === 'att' || r.carrier === 'cricket')) att++;
    }
    expect(att / 3).toBeGreaterThan(25);
    expect(att / 3).toBeLessThan(70);
  });

  it('arrives an hour earlier in UTC after clocks go forward', () => {
    const background = new Background(180, []);
    const expected = (iso: string): number => background.expectedIn(Date.parse(iso));
    // Wednesday before and after 10 March 2024: the morning rise moves from 12:00 to 11:00 UTC.
    expect(expected('2024-03-13T11:00:00Z') / expected('2024-03-06T12:00:00Z')).toBeCloseTo(1, 1);
    expect(expected('2024-03-13T11:00:00Z')).toBeGreaterThan(expected('2024-03-06T11:00:00Z') * 1.5);
  });

  it('rises on every network during a news story', () => {
    const news = { kind: 'news' as const, start: '2024-03-06T15:00:00Z', end: '2024-03-06T18:00:00Z', note: '', factor: 1.4 };
    const plain = new Background(180, []).expectedIn(Date.parse('2024-03-06T16:00:00Z'));
    expect(new Background(180, [news]).expectedIn(Date.parse('2024-03-06T16:00:00Z'))).toBeCloseTo(plain * 1.4);
  });
});
