import { lookupZip, networkOf } from '../src/reference/index.js';
import { simulateReports, buildScenario } from '../src/sim/index.js';
const from = Date.parse('2024-04-24T00:00:00Z'), to = Date.parse('2024-04-25T00:00:00Z');
const t = buildScenario({ scenario: 'random', seed: 1, days: 90 });
console.log(t.quiet.filter(q => Date.parse(q.start) < to && Date.parse(q.end) > from));
for (const r of simulateReports({ scenario: 'random', seed: 1, days: 90 })) {
  const at = Date.parse(r.receivedAt); if (at < from) continue; if (at > to) break;
  const p = lookupZip(r.zip); if (p?.county === '36119' && networkOf(r.carrier) === 'other') console.log(r.receivedAt, r.fingerprint, r.zip, r.description.slice(0, 40), r.startedAt);
}
