/**
 * Detection engine benchmark on the simulator's ground truth.
 *
 *   npx tsx bench/engine.ts [--days 90] [--seed 1] [--skip-att] [--skip-random]
 *
 * Generates the att-2024-02-22 scenario and a 90-day random scenario in memory, replays
 * them through the engine (storage excluded: reports are converted to the engine's input
 * in chunks, and only the engine's time counts for throughput), matches detected incidents
 * to the truth (same network, overlapping time, overlapping place) and prints delays, false
 * incidents, scope and collateral accuracy, throughput and memory. The last line is a
 * single name=value summary.
 */
import { DetectionEngine, type DetectionReport, type Incident, type Scope, type Thresholds } from '../src/detect/index.js';
import { lookupZip, networkOf } from '../src/reference/index.js';
import { curveRate } from '../src/sim/curves.js';
import { buildScenario, simulateReports, type SimReport, type Truth, type TruthOutage } from '../src/sim/index.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const DAYS = opt('days', 90);
const SEED = opt('seed', 1);
const CHUNK = 50_000;
let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function toDetection(r: SimReport, n: number): DetectionReport | null {
  const place = lookupZip(r.zip);
  const network = networkOf(r.carrier);
  if (!place || !network) return null;
  return {
    id: String(n), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county,
    state: place.state, services: r.services, calledNetwork: r.calledCarrier ? networkOf(r.calledCarrier) ?? null : null,
    fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt),
  };
}

/** --thresholds '{"minReporters":[4,8,12]}' tries other settings without editing code. */
function thresholdOverrides(): Partial<Thresholds> {
  const i = args.indexOf('--thresholds');
  return i >= 0 ? (JSON.parse(args[i + 1] ?? '{}') as Partial<Thresholds>) : {};
}

interface Replay {
  engine: DetectionEngine;
  reports: number;
  engineMs: number;
}

function replay(truth: Truth, opts: { days?: number; seed?: number; scenario: string; start?: Date }): Replay {
  const engine = new DetectionEngine({ thresholds: thresholdOverrides() });
  let reports = 0;
  let engineMs = 0;
  const chunk: DetectionReport[] = [];
  const flush = (): void => {
    const t0 = performance.now();
    for (const r of chunk) engine.push(r);
    engineMs += performance.now() - t0;
    reports += chunk.length;
    chunk.length = 0;
    sampleRss();
  };
  let n = 0;
  for (const sim of simulateReports(opts)) {
    const r = toDetection(sim, n++);
    if (r) chunk.push(r);
    if (chunk.length >= CHUNK) flush();
  }
  flush();
  const t0 = performance.now();
  engine.advanceTo(Date.parse(truth.end) + 6 * 3_600_000);
  engineMs += performance.now() - t0;
  return { engine, reports, engineMs };
}

const ms = (iso: string | null): number => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

function scopesOverlap(a: Scope, b: Scope): boolean {
  if (a.level === 'nation' || b.level === 'nation') return true;
  const states = (s: Scope): Set<string> => new Set(s.regions.map((r) => r.slice(0, 2)));
  if (a.level === 'county' && b.level === 'county') return a.regions.some((r) => b.regions.includes(r));
  const sa = states(a);
  return [...states(b)].some((s) => sa.has(s));
}

/** Truth outage an incident belongs to: same network, overlapping time and place. */
function matchTruth(inc: Incident, truth: Truth): TruthOutage | undefined {
  const start = ms(inc.onsetAt);
  const end = Math.max(ms(inc.resolvedAt), ms(inc.detectedAt));
  return truth.outages.find((o) => {
    const oStart = Date.parse(o.onsetAt);
    const oEnd = Date.parse(o.endAt) + 60 * 60_000; // the curve's tail
    return o.network === inc.network && start < oEnd && end > oStart - 30 * 60_000 && scopesOverlap(inc.scope, o.scope);
  });
}

const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fmt = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : String(x));

/** Expected outage reports in the first `minutes` after onset, from the truth curve. */
function firstReports(o: TruthOutage, minutes: number): number {
  let sum = 0;
  for (let m = 0; m < minutes; m++) sum += curveRate(o.curve, m + 0.5) / 15;
  return sum;
}
const firstHourReports = (o: TruthOutage): number => firstReports(o, 60);

function truthLevel(o: TruthOutage): string {
  if (o.scope.level === 'state' && o.scope.regions.length > 1) return 'multistate';
  return o.scope.level;
}

interface Score {
  delays: Map<string, number[]>;
  slow: string[];
  scopeMisses: string[];
  missed: TruthOutage[];
  falseIncidents: Incident[];
  scopeHits: number;
  scopeTotal: number;
  stateRecall: number[];
  statePrecision: number[];
  collateralRight: number;
  collateralTotal: number;
}

function score(truth: Truth, incidents: Incident[]): Score {
  const s: Score = {
    delays: new Map(), slow: [], scopeMisses: [], missed: [], falseIncidents: [], scopeHits: 0, scopeTotal: 0,
    stateRecall: [], statePrecision: [], collateralRight: 0, collateralTotal: 0,
  };
  const byTruth = new Map<string, Incident[]>();
  const truthOf = new Map<string, TruthOutage>();
  for (const inc of incidents) {
    const o = matchTruth(inc, truth);
    if (!o) {
      s.falseIncidents.push(inc);
      continue;
    }
    truthOf.set(inc.id, o);
    byTruth.set(o.id, [...(byTruth.get(o.id) ?? []), inc]);
  }
  for (const o of truth.outages) {
    const found = byTruth.get(o.id);
    if (!found) {
      s.missed.push(o);
      continue;
    }
    const first = found.reduce((a, b) => (ms(a.detectedAt) <= ms(b.detectedAt) ? a : b));
    const level = o.kind === 'collateral' ? `collateral-${truthLevel(o)}` : truthLevel(o);
    const delay = (ms(first.detectedAt) - ms(o.onsetAt)) / 60_000;
    s.delays.set(level, [...(s.delays.get(level) ?? []), delay]);
    // The brief's county target applies to outages with >= 20 reports in their first hour.
    if (o.kind === 'primary' && o.scope.level === 'county' && firstHourReports(o) >= 20) {
      s.delays.set('county20', [...(s.delays.get('county20') ?? []), delay]);
    }
    if (delay > (level === 'nation' ? 5 : 15)) {
      s.slow.push(`${o.id}(${level},${o.shape},peak ${o.peakPer15min},1st hour ${Math.round(firstHourReports(o))}, 1st 15 min ${fmt(firstReports(o, 15))}) ${fmt(delay)} min`);
    }
    // Scope: the final scope of the first match against the true scope.
    s.scopeTotal++;
    const trueStates = new Set(o.scope.regions.map((r) => r.slice(0, 2)));
    if (o.scope.level === 'nation') {
      if (first.scope.level === 'nation') s.scopeHits++;
    } else if (o.scope.level === 'county') {
      if (first.scope.level === 'county' && first.scope.regions.includes(o.scope.regions[0]!)) s.scopeHits++;
    } else {
      const found = new Set(first.scope.level === 'nation' ? [] : first.scope.regions.map((r) => r.slice(0, 2)));
      const hit = [...trueStates].filter((x) => found.has(x)).length;
      s.stateRecall.push(hit / trueStates.size);
      s.statePrecision.push(found.size ? hit / found.size : 0);
      if (first.scope.level === 'state' && hit === trueStates.size && found.size === trueStates.size) s.scopeHits++;
    }
    if (s.scopeHits < s.scopeTotal && s.scopeMisses.length < s.scopeTotal - s.scopeHits) {
      const show = (x: Scope): string => `${x.level}:${x.regions.slice(0, 6).join(',')}${x.regions.length > 6 ? '…' : ''}`;
      s.scopeMisses.push(`${o.id} true ${show(o.scope)} found ${show(first.scope)}`);
    }
    // Collateral: kind right, and a collateral points at the incident of its true primary.
    s.collateralTotal++;
    const kindRight = first.kind === o.kind;
    const primaryRight = o.kind === 'primary' || (first.primaryIncidentId !== null &&
      truthOf.get(first.primaryIncidentId)?.id === o.primaryId);
    if (kindRight && primaryRight) s.collateralRight++;
  }
  return s;
}

function printScore(name: string, truth: Truth, s: Score, networks: number, days: number): void {
  console.log(`\n== ${name}: ${truth.outages.length} true outages, ${days} days`);
  for (const [level, d] of [...s.delays].sort()) {
    console.log(`  delay ${level.padEnd(10)} n=${d.length} median=${fmt(quantile(d, 0.5))} p90=${fmt(quantile(d, 0.9))} min`);
  }
  for (const line of s.slow) console.log(`  slow: ${line}`);
  console.log(`  missed ${s.missed.length}: ${s.missed.map((o) => `${o.id}(${truthLevel(o)},peak ${o.peakPer15min})`).join(' ')}`);
  const per90 = (s.falseIncidents.length / networks) * (90 / days);
  console.log(`  false incidents ${s.falseIncidents.length} (${fmt(per90, 2)} per network per 90 days)`);
  for (const f of s.falseIncidents.slice(0, 10)) {
    console.log(`    ${f.id} ${f.kind} ${f.scope.level}:${f.scope.regions.slice(0, 4).join(',')} n=${f.reportCount} peak=${f.peak.count} llr=${f.evidence.opening.llr} w=${f.evidence.opening.windowMinutes}`);
  }
  console.log(`  scope exact ${s.scopeHits}/${s.scopeTotal}; states recall ${fmt(mean(s.stateRecall), 2)} precision ${fmt(mean(s.statePrecision), 2)}`);
  for (const line of s.scopeMisses) console.log(`  scope miss: ${line}`);
  console.log(`  collateral accuracy ${s.collateralRight}/${s.collateralTotal}`);
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

function attChecks(truth: Truth, engine: DetectionEngine): Record<string, string> {
  const incidents = engine.incidents();
  const att = incidents.filter((i) => i.network === 'att' && i.kind === 'primary').sort((a, b) => ms(a.detectedAt) - ms(b.detectedAt))[0];
  const collateral = incidents.filter((i) => att && i.primaryIncidentId === att.id).map((i) => i.network).sort();
  console.log('\n== att-2024-02-22 checks');
  for (const i of incidents) {
    console.log(`  ${i.id} ${i.kind} ${i.status} ${i.scope.level}(${i.scope.regions.length}) onset=${i.onsetAt} detected=${i.detectedAt} resolved=${i.resolvedAt} peak=${i.peak.count}@${i.peak.at} n=${i.reportCount}${i.primaryIncidentId ? ` of ${i.primaryIncidentId} (${i.evidence.collateral?.rule}, called ${i.evidence.collateral?.calledShare})` : ''}`);
  }
  return {
    att_detected: att?.detectedAt ?? 'none',
    att_onset: att?.onsetAt ?? 'none',
    att_national: String(att?.scope.level === 'nation'),
    att_collateral: collateral.join('+') || 'none',
    att_resolved: att?.resolvedAt ?? 'none',
    att_peak: String(att?.peak.count ?? 0),
    att_truth_onset: truth.outages[0]?.onsetAt ?? '',
  };
}

function main(): void {
  const summary: Record<string, string> = {};
  let totalReports = 0;
  let totalMs = 0;
  if (!args.includes('--skip-att')) {
    const opts = { scenario: 'att-2024-02-22', seed: SEED };
    const truth = buildScenario(opts);
    const r = replay(truth, opts);
    totalReports += r.reports;
    totalMs += r.engineMs;
    console.log(`att-2024-02-22: ${r.reports} reports in ${fmt(r.engineMs, 0)} ms (${fmt(r.reports / (r.engineMs / 1000), 0)} reports/s)`);
    Object.assign(summary, attChecks(truth, r.engine));
    const s = score(truth, r.engine.incidents());
    printScore('att-2024-02-22', truth, s, 6, 2.5);
  }
  if (!args.includes('--skip-random')) {
    const opts = { scenario: 'random', seed: SEED, days: DAYS };
    const truth = buildScenario(opts);
    const r = replay(truth, opts);
    totalReports += r.reports;
    totalMs += r.engineMs;
    console.log(`\nrandom ${DAYS}d: ${r.reports} reports in ${fmt(r.engineMs, 0)} ms (${fmt(r.reports / (r.engineMs / 1000), 0)} reports/s)`);
    const s = score(truth, r.engine.incidents());
    const networks = new Set(['att', 'verizon', 'tmobile', 'uscellular', 'boost', 'other']).size;
    printScore(`random ${DAYS}d`, truth, s, networks, DAYS);
    for (const [level, d] of s.delays) summary[`delay_${level}_median_min`] = fmt(quantile(d, 0.5));
    for (const [level, d] of s.delays) summary[`delay_${level}_p90_min`] = fmt(quantile(d, 0.9));
    summary.missed = String(s.missed.length);
    summary.false_per_network_90d = fmt((s.falseIncidents.length / networks) * (90 / DAYS), 2);
    summary.scope_exact = fmt(s.scopeHits / Math.max(1, s.scopeTotal), 2);
    summary.state_recall = fmt(mean(s.stateRecall), 2);
    summary.collateral_accuracy = fmt(s.collateralRight / Math.max(1, s.collateralTotal), 3);
  }
  summary.throughput_reports_per_s = fmt(totalReports / (totalMs / 1000), 0);
  summary.peak_rss_mb = fmt(peakRss / 1048576, 0);
  console.log(`\nreplay throughput ${summary.throughput_reports_per_s} reports/s; peak rss ${summary.peak_rss_mb} MB`);
  console.log(Object.entries(summary).map(([k, v]) => `${k}=${v}`).join(' '));
}

main();
