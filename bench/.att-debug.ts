import { DetectionEngine, type DetectionReport } from '../src/detect/index.js';
import { lookupZip, networkOf } from '../src/reference/index.js';
import { simulateReports } from '../src/sim/index.js';
const engine = new DetectionEngine();
let n = 0;
const stopAt = Date.parse(process.argv[2] ?? '2024-02-23T06:00:00Z');
for (const r of simulateReports({ scenario: 'att-2024-02-22', seed: 1 })) {
  const place = lookupZip(r.zip); const network = networkOf(r.carrier);
  if (!place || !network) continue;
  const d: DetectionReport = { id: String(n++), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county, state: place.state, services: r.services, calledNetwork: r.calledCarrier ? networkOf(r.calledCarrier) ?? null : null, fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt) };
  if (d.receivedAt > stopAt) break;
  for (const c of engine.push(d)) if (c.type !== 'updated' || c.incident.network === (process.argv[3] ?? 'boost')) console.log(c.type, c.incident.id, c.incident.status, c.incident.scope.level, c.incident.peak.count, new Date(d.receivedAt).toISOString());
}
for (const inc of engine.incidents()) if (inc.network === (process.argv[3] ?? 'boost')) console.log(JSON.stringify(engine.series(inc.id).filter((_, i) => i % 2 === 0)));
