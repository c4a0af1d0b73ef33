// The 22 February 2024 AT&T Mobility outage, rebuilt from the public record
// (shared/facts/att-2024-02-22.md): onset 08:45 UTC, national, all services, restored
// 20:10 UTC. The curve follows Downdetector's published snapshots (reports per 15 min,
// AT&T + Cricket together; our background is on the same scale, see background.ts):
// 32 k at 09:30, a dip after the rollback, ~74 k at 13:30-14:15, 58 k at 17:00,
// 4 k at 19:00, and a tail (1.2 k still at 22:00) — ~1.8 M reports that day. Counted
// lines run ~3.5 % above the curve: re-submissions (Downdetector counts a user once).
// Verizon, T-Mobile and Boost show collateral spikes of people calling AT&T customers.
import { curvePeak, curveTotal, roundCurve, scaleCurve } from '../curves.js';
import { DEFAULT_BACKGROUND_PEAK_PER_15MIN } from '../background.js';
import type { CurvePoint, SimulateOptions, Truth, TruthOutage } from '../types.js';

export const ATT_SCENARIO = 'att-2024-02-22';
const ONSET = Date.parse('2024-02-22T08:45:00Z');
const RESTORED = Date.parse('2024-02-22T20:10:00Z');
const DEFAULT_START = new Date('2024-02-21T00:00:00Z');
const DEFAULT_END = Date.parse('2024-02-23T12:00:00Z');

/** AT&T + Cricket reports per 15 min at UTC instants (day offset for 23 Feb). */
const SNAPSHOTS: [utc: string, per15min: number][] = [
  ['2024-02-22T08:45Z', 0], ['2024-02-22T09:00Z', 12_000], ['2024-02-22T09:15Z', 26_000],
  ['2024-02-22T09:30Z', 32_000], ['2024-02-22T10:00Z', 28_000], ['2024-02-22T10:30Z', 24_000],
  ['2024-02-22T11:00Z', 21_000], ['2024-02-22T11:30Z', 22_000], ['2024-02-22T12:00Z', 30_000],
  ['2024-02-22T12:30Z', 44_000], ['2024-02-22T13:00Z', 60_000], ['2024-02-22T13:30Z', 73_000],
  ['2024-02-22T14:00Z', 75_000], ['2024-02-22T14:15Z', 74_000], ['2024-02-22T14:30Z', 73_000],
  ['2024-02-22T15:00Z', 70_000], ['2024-02-22T16:00Z', 64_000], ['2024-02-22T17:00Z', 56_000],
  ['2024-02-22T18:00Z', 25_000], ['2024-02-22T19:00Z', 4_000], ['2024-02-22T20:10Z', 1_600],
  ['2024-02-22T22:00Z', 1_200], ['2024-02-23T00:00Z', 400], ['2024-02-23T03:00Z', 0],
];

/** AT&T + Cricket excess reports per 15 min, as a curve from the onset. */
export function attCurve(): CurvePoint[] {
  return SNAPSHOTS.map(([utc, v]) => [(Date.parse(utc.replace('Z', ':00Z')) - ONSET) / 60_000, v]);
}

// Collateral as a share of AT&T's curve, from the 09:30 ET snapshot (AT&T ~74 k):
// Verizon > 4,000, T-Mobile > 1,800, Boost ~700 (brand counts; networks hold a little more).
const COLLATERAL: { network: string; share: number; delayMin: number }[] = [
  { network: 'verizon', share: 0.06, delayMin: 5 },
  { network: 'tmobile', share: 0.031, delayMin: 7 },
  { network: 'boost', share: 0.0095, delayMin: 10 },
];

function outage(
  id: string, network: string, curve: CurvePoint[], delayMin: number, extra: Partial<TruthOutage>,
): TruthOutage {
  return {
    id,
    network,
    kind: 'primary',
    scope: { level: 'nation', regions: ['US'] },
    services: ['voice', 'sms', 'data', '911'],
    onsetAt: new Date(ONSET + delayMin * 60_000).toISOString(),
    endAt: new Date(RESTORED + delayMin * 60_000).toISOString(),
    shape: 'att-2024-02-22',
    peakPer15min: Math.round(curvePeak(curve)),
    expectedReports: Math.round(curveTotal(curve)),
    curve: roundCurve(curve),
    ...extra,
  };
}

export function buildAttScenario(opts: SimulateOptions): Truth {
  const start = opts.start ?? DEFAULT_START;
  const endMs = opts.days !== undefined ? start.getTime() + opts.days * 86_400_000 : DEFAULT_END;
  if (endMs <= start.getTime()) {
    throw new Error(`${ATT_SCENARIO} ends at ${new Date(DEFAULT_END).toISOString()}: start before it or give days`);
  }
  const primary = outage('att-2024-02-22', 'att', attCurve(), 0, {
    // Cricket > 13,000 when AT&T + Cricket ran ~75,000: ~18 % of the reporters.
    brandShares: { att: 0.82, cricket: 0.18 },
  });
  const collateral = COLLATERAL.map(({ network, share, delayMin }) =>
    outage(`att-2024-02-22-${network}`, network, scaleCurve(attCurve(), share), delayMin, {
      kind: 'collateral',
      primaryId: primary.id,
      services: ['voice', 'sms'],
    }),
  );
  return {
    scenario: ATT_SCENARIO,
    seed: opts.seed ?? 1,
    start: start.toISOString(),
    end: new Date(endMs).toISOString(),
    backgroundPeakPer15min: opts.backgroundPeakPer15min ?? DEFAULT_BACKGROUND_PEAK_PER_15MIN,
    outages: [primary, ...collateral],
    quiet: [],
  };
}
