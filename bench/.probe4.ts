import { DetectionEngine, type DetectionReport } from '../src/detect/index.js';
import { lookupZip, networkOf } from '../src/reference/index.js';
import { simulateReports, buildScenario } from '../src/sim/index.js';
const seed = Number(process.argv[2] ?? 3);
const t = buildScenario({ scenario: 'random', seed, days: 90 });
const o = t.outages.find(x => x.id === 'sim-016-uscellular')!;
console.log(o.onsetAt, o.endAt, o.scope.regions.join(','));
const engine = new DetectionEngine();
let n = 0;
const from = Date.parse(o.onsetAt) - 3600e3, to = Date.parse(o.endAt);
for (const r of simulateReports({ scenario: 'random', seed, days: 90 })) {
  const place = lookupZip(r.zip); const network = networkOf(r.carrier);
  if (!place || !network) continue;
  const d: DetectionReport = { id: String(n++), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county, state: place.state, services: r.services, calledNetwork: r.calledCarrier ? networkOf(r.calledCarrier) ?? null : null, fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt) };
  if (d.receivedAt > to) break;
  const ch = engine.push(d);
  if (d.receivedAt < from) continue;
  for (const c of ch) if (c.incident.network === 'uscellular' && c.type !== 'updated' || (c.type === 'updated' && c.incident.network === 'uscellular')) console.log(c.type, d.receivedAt && new Date(d.receivedAt).toISOString(), c.incident.scope.level, c.incident.scope.regions.join(','));
}
