import { DetectionEngine, type DetectionReport } from '../src/detect/index.js';
import { lookupZip, networkOf } from '../src/reference/index.js';
import { simulateReports } from '../src/sim/index.js';
const all: DetectionReport[] = [];
let n = 0;
for (const r of simulateReports({ scenario: 'random', seed: 1, days: Number(process.argv[2] ?? 20) })) {
  const place = lookupZip(r.zip); const network = networkOf(r.carrier);
  if (!place || !network) continue;
  all.push({ id: String(n++), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county, state: place.state, services: r.services, calledNetwork: r.calledCarrier ? networkOf(r.calledCarrier) ?? null : null, fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt) });
}
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
const t0 = performance.now();
const engine = new DetectionEngine();
for (const r of all) engine.push(r);
const dt = performance.now() - t0;
const { profile } = await s.post('Profiler.stop');
console.log(all.length, 'reports', Math.round(all.length / (dt / 1000)), 'per s', engine.incidents().length, 'incidents');
// self time by function
const self = new Map<string, number>();
const total = profile.samples!.length;
const byId = new Map(profile.nodes.map(nd => [nd.id, nd]));
const counts = new Map<number, number>();
for (const id of profile.samples!) counts.set(id, (counts.get(id) ?? 0) + 1);
for (const [id, c] of counts) { const nd = byId.get(id)!; const k = `${nd.callFrame.functionName || '(anon)'} ${nd.callFrame.url.split('/').slice(-1)[0]}:${nd.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c); }
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((100 * c / total).toFixed(1).padStart(5), k);
