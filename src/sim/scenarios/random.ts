// The default scenario: background plus outages drawn at random, but planned so that a
// long run covers every network, scope, shape and service mix (a 90-day run holds 23
// primary outages), and quiet stretches that must not raise an incident.
import { DEFAULT_BACKGROUND_PEAK_PER_15MIN } from '../background.js';
import { DAY, HOUR } from '../calendar.js';
import { MINUTE } from '../content.js';
import { curvePeak, curveTotal, roundCurve, scaleCurve, shapeCurve } from '../curves.js';
import { shapeByDaytime } from '../daytime.js';
import { geography } from '../geography.js';
import { networkShare, uscellularFootprint } from '../market.js';
import { Rng, WeightedPicker } from '../random.js';
import type { Scope, Service, Shape, SimulateOptions, Truth, TruthOutage } from '../types.js';
import { calendarQuiet, newsRise, spamBurst } from './quiet.js';

export const RANDOM_SCENARIO = 'random';
/** A Monday; a 7-day run from it crosses the March DST change. */
const DEFAULT_START = new Date('2024-03-04T00:00:00Z');
const OUTAGES_PER_DAY = 0.26;

type ScopeKind = 'county' | 'state' | 'multistate' | 'nation';
const NETWORKS = ['att', 'verizon', 'tmobile', 'uscellular', 'boost', 'att', 'verizon', 'tmobile'];
// National outages are rare (one or two a year per big carrier in reality): 1 in 10 here.
const SCOPES: ScopeKind[] = ['county', 'state', 'county', 'multistate', 'county', 'nation', 'state', 'county', 'multistate', 'state'];
const SHAPES: Exclude<Shape, 'att-2024-02-22'>[] = ['abrupt', 'ramp', 'partial-recovery'];
// One-service outages too: 911-only failures are what the FCC fines most often; data-only ones are common.
const SERVICE_MIXES: Service[][] = [['voice'], ['data'], ['voice', 'sms', 'data', '911'], ['911'], ['voice', 'sms'], ['sms', 'data']];
/** Restoration time in minutes by scope: [shortest, longest]. */
const DURATION: Record<ScopeKind, [number, number]> = {
  county: [30, 180], state: [60, 360], multistate: [90, 480], nation: [120, 720],
};
/** The smallest outage we inject: reports per 15 min at its peak. */
const MIN_PEAK_PER_15MIN = 10;
/** UScellular's customers live in its footprint: its share there, not nationally. */
const USCELLULAR_LOCAL_SHARE = 0.055;

type Window = [startMs: number, endMs: number];

function statesFor(network: string): string[] {
  return network === 'uscellular' ? uscellularFootprint() : [...geography().states];
}

function pickState(network: string, rng: Rng): string {
  const geo = geography();
  const states = statesFor(network);
  const people = states.map((s) => geo.statePeople[geo.states.indexOf(s)] ?? 0);
  return new WeightedPicker(states, people).pick(rng);
}

function scopeFor(kind: ScopeKind, network: string, rng: Rng): Scope {
  const geo = geography();
  const home = pickState(network, rng);
  if (kind === 'county') return { level: 'county', regions: [geo.countyPicker({ level: 'state', regions: [home] }).pick(rng).fips] };
  if (kind === 'state') return { level: 'state', regions: [home] };
  if (kind === 'nation' && network !== 'uscellular') return { level: 'nation', regions: ['US'] };
  // Multi-state outages hit neighbours (a regional core, a shared backhaul).
  const allowed = new Set(statesFor(network));
  const neighbours = geo.nearestStates(home, 8).filter((s) => allowed.has(s)).slice(0, 1 + rng.int(3));
  const regions = kind === 'nation' ? statesFor(network) : [home, ...neighbours];
  return { level: 'state', regions: regions.sort() };
}

/** Reports per 15 min at a daytime peak: subscribers in scope times a per-outage severity. */
function peakFor(scope: Scope, network: string, services: Service[], rng: Rng): number {
  const share = network === 'uscellular' ? USCELLULAR_LOCAL_SHARE : networkShare(network);
  // A national outage that took every customer down, like AT&T's in 2024, is once in years;
  // a random national one hits part of the customers (one core, one service).
  const reach = scope.level === 'nation' ? rng.between(0.08, 0.3) : 1;
  const severity = rng.between(0.0003, 0.001) * (services.length === 1 ? 0.7 : 1) * reach;
  return Math.max(1, Math.round(geography().peopleIn(scope) * share * severity));
}

function primaryOutage(i: number, onsetMs: number, rng: Rng, plan: string[]): TruthOutage {
  const network = plan[i % plan.length]!;
  const kind = SCOPES[i % SCOPES.length]!;
  const shape = SHAPES[i % SHAPES.length]!;
  const services = SERVICE_MIXES[(i + rng.int(2)) % SERVICE_MIXES.length]!;
  const scope = scopeFor(kind, network, rng);
  const [lo, hi] = DURATION[kind];
  const minutes = Math.round(rng.between(lo, hi));
  const reported = shapeByDaytime(shapeCurve(shape, minutes, peakFor(scope, network, services, rng)), scope, onsetMs);
  // An outage nobody reports is invisible to any detector; the truth holds seen ones only.
  const curve = scaleCurve(reported, Math.max(1, MIN_PEAK_PER_15MIN / curvePeak(reported)));
  return {
    id: `sim-${String(i + 1).padStart(3, '0')}-${network}`,
    network,
    kind: 'primary',
    scope,
    services,
    onsetAt: new Date(onsetMs).toISOString(),
    endAt: new Date(onsetMs + minutes * MINUTE).toISOString(),
    shape,
    peakPer15min: Math.round(curvePeak(curve)),
    expectedReports: Math.round(curveTotal(curve)),
    curve: roundCurve(curve),
  };
}

/**
 * Customers of the big networks who cannot reach the primary's customers: smaller, a few
 * minutes later, the same curve. Only when calls or texts fail, and when big enough to see.
 */
function collateralOf(primary: TruthOutage, rng: Rng): TruthOutage[] {
  if (!primary.services.some((s) => s === 'voice' || s === 'sms')) return [];
  const onsetMs = Date.parse(primary.onsetAt);
  return ['att', 'verizon', 'tmobile']
    .filter((n) => n !== primary.network && rng.chance(0.7))
    // Often only 30-50 % of them name the failed network (the rest leave "who were you calling" empty).
    .map((network) => ({ network, share: rng.between(0.02, 0.06), delay: 3 + rng.int(8), calledShare: Math.round(rng.between(0.3, 0.9) * 100) / 100 }))
    .filter(({ share }) => primary.peakPer15min * share >= 4)
    .map(({ network, share, delay, calledShare }) => {
      const curve = scaleCurve(primary.curve, share);
      return {
        id: `${primary.id}-${network}`,
        network,
        kind: 'collateral' as const,
        primaryId: primary.id,
        calledShare,
        scope: primary.scope,
        services: ['voice', 'sms'] as Service[],
        onsetAt: new Date(onsetMs + delay * MINUTE).toISOString(),
        // The same curve a few minutes later: restoration shows up later too.
        endAt: new Date(Date.parse(primary.endAt) + delay * MINUTE).toISOString(),
        shape: primary.shape,
        peakPer15min: Math.round(curvePeak(curve)),
        expectedReports: Math.round(curveTotal(curve)),
        curve: roundCurve(curve),
      };
    });
}

/** An independent outage overlapping `primary` in time: half the time the same network in other states. */
function overlapping(primary: TruthOutage, i: number, rng: Rng, plan: string[]): TruthOutage {
  const onsetMs = Date.parse(primary.onsetAt) + (10 + rng.int(50)) * MINUTE;
  const other = plan.find((n) => n !== primary.network && n !== 'uscellular') ?? 'verizon';
  const same = primary.scope.level !== 'nation' && primary.network !== 'uscellular' && rng.chance(0.5);
  const network = same ? primary.network : other;
  const taken = new Set(primary.scope.regions.map((r) => r.slice(0, 2)));
  const clash = (o: TruthOutage) => same && (o.scope.level === 'nation' || o.scope.regions.some((r) => taken.has(r.slice(0, 2))));
  let o = primaryOutage(i, onsetMs, rng, [network]);
  for (let k = 1; k <= 10 && clash(o); k++) o = primaryOutage(i + k, onsetMs, rng, [network]);
  return { ...o, id: `sim-${String(i + 1).padStart(3, '0')}-${o.network}-overlap` };
}

/** A start instant in [lo, hi) whose window overlaps no busy window (or the last try). */
function freeSlot(rng: Rng, lo: number, hi: number, lengthMs: number, busy: Window[]): number {
  let at = lo;
  for (let attempt = 0; attempt < 50; attempt++) {
    at = Math.floor(rng.between(lo, hi) / MINUTE) * MINUTE;
    if (!busy.some(([s, e]) => at < e + 3 * HOUR && at + lengthMs > s - 3 * HOUR)) return at;
  }
  return at;
}

export function buildRandomScenario(opts: SimulateOptions): Truth {
  const seed = opts.seed ?? 1;
  const days = opts.days ?? 7;
  const start = opts.start ?? DEFAULT_START;
  const startMs = start.getTime();
  const endMs = startMs + days * DAY;
  const rng = new Rng(seed);
  const plan = rng.shuffle([...NETWORKS]);
  const count = Math.max(1, Math.round(days * OUTAGES_PER_DAY));
  // Leave a detector some history first, and room for the last outage's tail.
  const firstMs = startMs + Math.min(DAY, days * DAY * 0.2);
  const slot = Math.max(0, endMs - 12 * HOUR - firstMs) / count;
  const outages: TruthOutage[] = [];
  for (let i = 0; i < count; i++) {
    const onsetMs = Math.floor((firstMs + slot * i + rng.between(0, slot * 0.6)) / MINUTE) * MINUTE;
    const primary = primaryOutage(i, onsetMs, rng, plan);
    outages.push(primary, ...collateralOf(primary, rng));
    // Every third outage has an independent one overlapping it in time: another network, or the same one elsewhere.
    if (i % 3 === 1) outages.push(overlapping(primary, count + i, rng, plan));
  }
  const busy: Window[] = outages.map((o) => [Date.parse(o.onsetAt), Date.parse(o.endAt)]);
  const quiet = calendarQuiet(startMs, endMs);
  // Spam and news during an outage and right after it: what must not open (or hide) an incident there.
  for (const [k, o] of outages.filter((x) => x.kind === 'primary').entries()) {
    const during = Date.parse(o.onsetAt) + Math.floor(rng.between(0.1, 0.5) * (Date.parse(o.endAt) - Date.parse(o.onsetAt)) / MINUTE) * MINUTE;
    if (k % 4 === 0) quiet.push(spamBurst(rng, during));
    if (k % 4 === 2) quiet.push(spamBurst(rng, Date.parse(o.endAt) + (5 + rng.int(30)) * MINUTE));
    if (k % 6 === 3) quiet.push(newsRise(rng, during));
  }
  for (let i = 0; i < Math.max(1, Math.round(days / 8)); i++) {
    quiet.push(spamBurst(rng, freeSlot(rng, firstMs, endMs - 2 * HOUR, HOUR, busy)));
  }
  for (let i = 0; i < Math.max(1, Math.round(days / 15)); i++) {
    quiet.push(newsRise(rng, freeSlot(rng, firstMs, endMs - 9 * HOUR, 8 * HOUR, busy)));
  }
  quiet.sort((a, b) => a.start.localeCompare(b.start));
  return {
    scenario: RANDOM_SCENARIO,
    seed,
    start: start.toISOString(),
    end: new Date(endMs).toISOString(),
    backgroundPeakPer15min: opts.backgroundPeakPer15min ?? DEFAULT_BACKGROUND_PEAK_PER_15MIN,
    outages,
    quiet,
  };
}
