// Outage report curves: reports per 15 minutes above background, as piecewise-linear
// points after onset. Reports peak early (everyone notices at once) and trail on after
// restoration (people report late), so every shape has a tail past endAt.
import type { CurvePoint, Shape } from './types.js';

/** The report curve of a generic outage lasting `minutes` until restoration. */
export function shapeCurve(shape: Exclude<Shape, 'att-2024-02-22'>, minutes: number, peak: number): CurvePoint[] {
  const d = minutes;
  switch (shape) {
    case 'abrupt': // everything off at once, on again at once
      return [[0, 0], [2, peak], [d * 0.5, 0.85 * peak], [d, 0.7 * peak], [d + 10, 0.12 * peak], [d + 40, 0]];
    case 'ramp': // degradation spreading through the network
      return [[0, 0], [d * 0.35, peak], [d * 0.75, 0.9 * peak], [d, 0.45 * peak], [d + 30, 0]];
    case 'partial-recovery': // most customers back after a fix, a remainder waits
      return [[0, 0], [3, peak], [d * 0.3, 0.95 * peak], [d * 0.4, 0.35 * peak], [d * 0.9, 0.3 * peak], [d, 0.2 * peak], [d + 30, 0]];
  }
}

/** Reports per 15 minutes at `minutesAfterOnset` (0 outside the curve). */
export function curveRate(curve: readonly CurvePoint[], minutesAfterOnset: number): number {
  if (curve.length === 0 || minutesAfterOnset < curve[0]![0]) return 0;
  for (let i = 1; i < curve.length; i++) {
    const [t1, v1] = curve[i]!;
    if (minutesAfterOnset <= t1) {
      const [t0, v0] = curve[i - 1]!;
      const f = t1 === t0 ? 1 : (minutesAfterOnset - t0) / (t1 - t0);
      return v0 + (v1 - v0) * f;
    }
  }
  return 0;
}

/** Expected reports in minute `m` after onset: the rate at the minute's middle. */
export function minuteRate(curve: readonly CurvePoint[], m: number): number {
  return curveRate(curve, m + 0.5) / 15;
}

/** How long the curve lasts, tail included (minutes). */
export function curveLength(curve: readonly CurvePoint[]): number {
  return curve.length === 0 ? 0 : curve[curve.length - 1]![0];
}

/** The sum the generator draws around: expected reports over the whole curve. */
export function curveTotal(curve: readonly CurvePoint[]): number {
  let sum = 0;
  const length = Math.ceil(curveLength(curve));
  for (let m = 0; m < length; m++) sum += minuteRate(curve, m);
  return sum;
}

export function curvePeak(curve: readonly CurvePoint[]): number {
  return curve.reduce((max, [, v]) => Math.max(max, v), 0);
}

/** The same curve scaled (a collateral spike tracks its primary). */
export function scaleCurve(curve: readonly CurvePoint[], factor: number): CurvePoint[] {
  return curve.map(([t, v]) => [t, v * factor]);
}

/** Rounds a curve for the truth file (tenths of a minute, whole reports). */
export function roundCurve(curve: readonly CurvePoint[]): CurvePoint[] {
  return curve.map(([t, v]) => [Math.round(t * 10) / 10, Math.round(v * 10) / 10]);
}
