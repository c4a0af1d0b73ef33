import { lookupZip, networkOf } from '../src/reference/index.js';
import { simulateReports, buildScenario } from '../src/sim/index.js';
const from = Date.parse('2024-05-19T22:20:00Z'), to = Date.parse('2024-05-19T22:50:00Z');
const t = buildScenario({ scenario: 'random', seed: 3, days: 90 });
console.log(t.quiet.filter(q => Date.parse(q.start) < to && Date.parse(q.end) > from));
console.log(t.outages.filter(q => Date.parse(q.onsetAt) < to + 3600e3 && Date.parse(q.endAt) > from - 3600e3).map(o => [o.id, o.network, o.onsetAt, o.scope]));
for (const r of simulateReports({ scenario: 'random', seed: 3, days: 90 })) {
  const at = Date.parse(r.receivedAt); if (at < from) continue; if (at > to) break;
  const p = lookupZip(r.zip); if (p?.state === '37' && networkOf(r.carrier) === 'verizon') console.log(r.receivedAt, r.carrier, r.fingerprint, p.county, r.calledCarrier, r.services.join(','), r.description.slice(0, 30));
}
