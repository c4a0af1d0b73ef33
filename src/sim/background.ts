// The everyday trickle: reports that arrive whatever the network does. Rate follows each
// state's local clock (quiet at 3-5 a.m., busy afternoons), the week and holidays, and
// places are weighted by people. A news story about outages lifts every network at once.
import { activityAt, HOUR, utcOffsetHours } from './calendar.js';
import {
  everydayCalled, everydayServices, everydayStart, everydayText, fingerprint, iso, maybeEnded,
} from './content.js';
import { geography, type CountyPlace, type Geography } from './geography.js';
import { pickBrandIn } from './market.js';
import type { Rng, WeightedPicker } from './random.js';
import type { QuietStretch, SimReport } from './types.js';

/**
 * Scale: reports per 15 minutes from all networks if every state were at its weekday peak
 * hour. 180 puts AT&T + Cricket (30 %) at ~54 per 15 min at peak and ~40 at 08:30-09:15
 * ET on a weekday, close to Downdetector's AT&T baseline of 42 for that hour, so simulated
 * outage curves can use Downdetector's numbers one to one.
 */
export const DEFAULT_BACKGROUND_PEAK_PER_15MIN = 180;

interface Boost {
  startMs: number;
  endMs: number;
  factor: number;
}

export class Background {
  private readonly geo: Geography = geography();
  private readonly weights: Float64Array;
  private readonly offsets: Float64Array;
  private readonly nationPeople: number;
  private readonly boosts: Boost[];
  private readonly countyPickers: WeightedPicker<CountyPlace>[];
  private offsetsHour = NaN;
  private total = 0;

  constructor(
    private readonly peakPer15min: number,
    quiet: readonly QuietStretch[],
  ) {
    this.weights = new Float64Array(this.geo.states.length);
    this.offsets = new Float64Array(this.geo.states.length);
    this.countyPickers = this.geo.states.map((s) => this.geo.countyPicker({ level: 'state', regions: [s] }));
    this.nationPeople = this.geo.statePeople.reduce((a, b) => a + b, 0);
    this.boosts = quiet
      .filter((q) => q.kind === 'news' && q.factor !== undefined)
      .map((q) => ({ startMs: Date.parse(q.start), endMs: Date.parse(q.end), factor: q.factor ?? 1 }));
  }

  /** Expected background reports in the minute starting at `minuteMs`; keeps the state mix. */
  expectedIn(minuteMs: number): number {
    this.refreshOffsets(minuteMs);
    let sum = 0;
    const { statePeople } = this.geo;
    for (let i = 0; i < statePeople.length; i++) {
      sum += statePeople[i]! * activityAt(minuteMs + this.offsets[i]! * HOUR);
      this.weights[i] = sum;
    }
    this.total = sum;
    return ((this.peakPer15min / 15) * sum * this.boostAt(minuteMs)) / this.nationPeople;
  }

  /** `count` reports in the minute last passed to `expectedIn`, without receivedAt yet. */
  emit(minuteMs: number, count: number, rng: Rng, out: SimReport[]): void {
    for (let n = 0; n < count; n++) {
      const i = this.pickStateIndex(rng);
      const county = this.countyPickers[i]!.pick(rng);
      out.push(this.everydayReport(minuteMs, this.geo.states[i]!, county, rng));
    }
  }

  private everydayReport(minuteMs: number, state: string, county: CountyPlace, rng: Rng): SimReport {
    const startedMs = everydayStart(minuteMs, rng);
    return {
      carrier: pickBrandIn(state, rng),
      services: everydayServices(rng),
      sosMode: rng.chance(0.04),
      zip: rng.pick(county.zips),
      startedAt: iso(startedMs),
      endedAt: maybeEnded(startedMs, minuteMs, 0.15, rng),
      calledCarrier: everydayCalled(rng),
      description: everydayText(rng),
      consentToContact: rng.chance(0.15),
      receivedAt: '',
      fingerprint: fingerprint(rng),
    };
  }

  private pickStateIndex(rng: Rng): number {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.weights[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  // Clocks change on the hour, so offsets are recomputed once an hour, not every minute.
  private refreshOffsets(minuteMs: number): void {
    const hour = Math.floor(minuteMs / HOUR);
    if (hour === this.offsetsHour) return;
    this.offsetsHour = hour;
    this.geo.states.forEach((state, i) => {
      this.offsets[i] = utcOffsetHours(state, minuteMs);
    });
  }

  private boostAt(ms: number): number {
    let factor = 1;
    for (const b of this.boosts) if (ms >= b.startMs && ms < b.endMs) factor *= b.factor;
    return factor;
  }
}
