import { DetectionEngine, type DetectionReport } from '../src/detect/index.js';
import { lookupZip, networkOf } from '../src/reference/index.js';
import { simulateReports } from '../src/sim/index.js';
const engine = new DetectionEngine();
let n = 0;
const stop = Date.parse('2024-06-25T00:00:00Z');
const recent: DetectionReport[] = [];
for (const r of simulateReports({ scenario: 'random', seed: 1, days: 90 })) {
  const place = lookupZip(r.zip); const network = networkOf(r.carrier);
  if (!place || !network) continue;
  const d: DetectionReport = { id: String(n++), receivedAt: Date.parse(r.receivedAt), network, carrier: r.carrier, county: place.county, state: place.state, services: r.services, calledNetwork: r.calledCarrier ? networkOf(r.calledCarrier) ?? null : null, fingerprint: r.fingerprint, startedAt: Date.parse(r.startedAt) };
  if (d.receivedAt > stop) break;
  if (d.network === 'other' && d.county === '36119') recent.push(d);
  for (const c of engine.push(d)) if (c.type === 'opened' && c.incident.network === 'other') { console.log(JSON.stringify(c.incident)); console.log(recent.slice(-8).map(x => [new Date(x.receivedAt).toISOString(), x.fingerprint])); }
}
console.log(n, engine.incidents().length, engine.incidents().filter(i => i.network === 'other').map(i => [i.id, i.detectedAt]));
