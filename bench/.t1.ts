import { DetectionEngine } from '../src/detect/index.js';
import type { DetectionReport } from '../src/detect/index.js';
const MIN = 60_000, T0 = Date.parse('2024-03-04T00:00:00Z');
const COUNTIES = ['06037', '06073', '48201', '48113', '17031', '36061', '12086', '04013', '53033', '13121', '30001', '30003'];
let serial = 0;
const report = (network: string, at: number, county: string, extra: Partial<DetectionReport> = {}): DetectionReport => ({ id: `r${++serial}`, receivedAt: at, network, carrier: network, county, state: county.slice(0, 2), services: ['voice'], calledNetwork: null, fingerprint: `fp${serial}`, startedAt: at, ...extra });
function steady(network: string, from: number, to: number, perMinute: number, counties = COUNTIES, extra: Partial<DetectionReport> = {}) { const out: DetectionReport[] = []; let k = 0; for (let t = from; t < to; t += MIN) for (let i = 0; i < perMinute; i++) out.push(report(network, t + Math.floor(((i + 0.5) * MIN) / perMinute), counties[k++ % counties.length]!, extra)); return out; }
const which = process.argv[2] ?? '1';
const onset = T0 + (which === '1' ? 3 : 26) * 60 * MIN;
const streams = which === '1' ? [steady('att', T0, onset + 4 * 60 * MIN, 3), steady('att', onset, onset + 90 * MIN, 150)]
 : which === 'news' ? ['att', 'verizon', 'tmobile'].flatMap((n) => [steady(n, T0, T0 + 48*60*MIN, 4), steady(n, T0 + 48*60*MIN, T0 + 52 * 60 * MIN, 6)])
 : [steady('att', T0, onset + 2 * 60 * MIN, 3), steady('verizon', T0, onset + 2 * 60 * MIN, 3), steady('att', onset, onset + 90 * MIN, 150), steady('verizon', onset + 5 * MIN, onset + 90 * MIN, 12, COUNTIES, { calledNetwork: 'att' })];
const engine = new DetectionEngine();
for (const r of streams.flat().sort((a, b) => a.receivedAt - b.receivedAt)) for (const c of engine.push(r)) if (c.type !== 'updated' || c.incident.kind === 'collateral') console.log(c.type, c.incident.id, c.incident.kind, c.incident.scope, c.incident.detectedAt, JSON.stringify(c.incident.evidence));
