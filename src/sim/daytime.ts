// People notice and report an outage when they are awake: the same outage draws far fewer
// reports at 3 a.m. than at 3 p.m. A generic outage curve is shaped by the local activity
// of the people in its scope and resampled every 15 minutes, so the truth's curve stays
// the exact rate the generator draws from. (The AT&T 2024 curve is observed data: it
// already holds the day's rhythm and is not reshaped.)
import { activityAt, HOUR, utcOffsetHours } from './calendar.js';
import { curveRate } from './curves.js';
import { geography } from './geography.js';
import type { CurvePoint, Scope } from './types.js';

const STEP_MIN = 15;
/** Even asleep, some share of people notice (night shifts, alarms, 911 attempts). */
const NIGHT_FLOOR = 0.3;

/** The states of a scope with their people, to average local activity over. */
function statesOf(scope: Scope): { state: string; people: number }[] {
  const geo = geography();
  const wanted =
    scope.level === 'nation' ? geo.states : scope.level === 'state' ? scope.regions : scope.regions.map((c) => c.slice(0, 2));
  return [...new Set(wanted)].map((state) => ({ state, people: geo.statePeople[geo.states.indexOf(state)] ?? 1 }));
}

/** How awake the scope is at an instant: 1 at a weekday peak hour, ~0.35 at night. */
export function awakeShare(scope: Scope, ms: number): number {
  let weighted = 0;
  let people = 0;
  for (const s of statesOf(scope)) {
    weighted += s.people * activityAt(ms + utcOffsetHours(s.state, ms) * HOUR);
    people += s.people;
  }
  return NIGHT_FLOOR + (1 - NIGHT_FLOOR) * (people > 0 ? weighted / people : 1);
}

/** The curve as reported: every point and every 15 minutes, scaled by `awakeShare`. */
export function shapeByDaytime(curve: readonly CurvePoint[], scope: Scope, onsetMs: number): CurvePoint[] {
  const last = curve.length === 0 ? 0 : curve[curve.length - 1]![0];
  const times = new Set(curve.map(([t]) => t));
  for (let t = STEP_MIN; t < last; t += STEP_MIN) times.add(t);
  return [...times]
    .sort((a, b) => a - b)
    .map((t): CurvePoint => [t, curveRate(curve, t) * awakeShare(scope, onsetMs + t * 60_000)]);
}
