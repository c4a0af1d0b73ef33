// Statements and claims over HTTP on both stores: who may read and write, validation naming the
// field, audited edits, and assessments that follow the statements and the incident.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/audit/index.js';
import { upsertIncidents } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ATT_INCIDENT } from '../support/att-incident.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { STORE_KINDS } from '../support/stores.js';

const CISA = { source: 'agency', speaker: 'CISA', saidAt: '2024-02-22T21:00:00Z', url: 'https://example.org/cisa', text: 'No indications of malicious activity.', asserts: { maliciousActivity: 'none-seen' } };
const FRIDAY = { actor: '62IX', channel: 'telegram', url: 'https://example.org/claim', claimedAt: '2024-02-23T15:00:00Z', text: 'We took down AT&T with a DDoS attack.', claimedMethod: 'ddos' };
const ID = ATT_INCIDENT.id;

// Any UTF-16 code unit (NUL, lone surrogates) and values of the wrong type, in every field.
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const field = fc.oneof(anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('https://x.org/\u0000', '2024-02-22T08:50:00Z', 'agency', 'ddos', 'a'.repeat(4100)),
  fc.record({ level: fc.constantFrom('state', 'county', 'nation', 'x'), regions: fc.array(fc.constantFrom('48', '17097', 'US', '', '1'), { maxLength: 3 }) }),
  fc.record({ cause: fc.constantFrom('cyberattack', 'x'), maliciousActivity: fc.constantFrom('confirmed', 1), creditOffered: fc.record({ amountUsd: fc.oneof(fc.double(), fc.constant(null)), description: anyText }) }, { requiredKeys: [] }));
const bodyOf = (keys: string[], valid: object) => fc.record(Object.fromEntries(keys.map((k) => [k, field])), { requiredKeys: [] }).map((b) => ({ ...valid, ...b }));

describe.each(STORE_KINDS)('attribution API on %s', (kind) => {
  let t: TestApp;
  const auth: Record<'admin' | 'investigator' | 'analyst', { authorization: string }> = {} as never;
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const role of ['admin', 'investigator', 'analyst'] as const) auth[role] = { authorization: `Bearer ${await t.tokenFor(role)}` };
    await upsertIncidents(t.ctx.store.db, [ATT_INCIDENT, SAMPLE_INCIDENT]);
  });
  afterAll(async () => t?.destroy());

  const post = (path: string, payload: object, role: keyof typeof auth = 'investigator', incident = ID) =>
    t.app.inject({ method: 'POST', url: `/api/v1/incidents/${incident}/${path}`, headers: auth[role], payload });
  const patch = (path: string, payload: object, role: keyof typeof auth = 'investigator') =>
    t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${ID}/${path}`, headers: auth[role], payload });
  const get = (path: string, role: keyof typeof auth = 'analyst', incident = ID) => t.app.inject({ url: `/api/v1/incidents/${incident}/${path}`, headers: auth[role] });

  it('a claim with no statements on record is post-event and doubtful; CISA’s statement makes it contradicted', async () => {
    const created = await post('claims', FRIDAY);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ actor: '62IX', claimedMethod: 'ddos', claimedScope: null, assessment: { timing: 'after-restoration', postEvent: true, verdict: 'doubtful' } });
    const s = await post('statements', CISA);
    expect(s.statusCode).toBe(201);
    expect(s.json()).toMatchObject({ source: 'agency', speaker: 'CISA', url: 'https://example.org/cisa', asserts: { maliciousActivity: 'none-seen' } });
    const claims = (await get('claims')).json().items;
    expect(claims).toHaveLength(1);
    expect(claims[0].assessment.verdict).toBe('contradicted');
    expect(claims[0].assessment.reasons).toContain('CISA (agency) saw no indication of malicious activity (2024-02-22 21:00 UTC).');
  });

  it('reassesses on every read: an edited statement and a changed incident change the assessment', async () => {
    const [cisa] = (await get('statements')).json().items;
    const edited = await patch(`statements/${cisa.id}`, { asserts: { maliciousActivity: 'confirmed' } });
    expect(edited.statusCode).toBe(200);
    const claim = () => get('claims').then((r) => r.json().items[0].assessment);
    expect((await claim()).verdict).toBe('doubtful'); // confirmed, but a DDoS does not fit the abrupt national loss
    await patch(`statements/${cisa.id}`, { asserts: { maliciousActivity: 'none-seen' } });
    expect((await claim()).verdict).toBe('contradicted');
    await upsertIncidents(t.ctx.store.db, [{ ...ATT_INCIDENT, status: 'confirmed', resolvedAt: null }]);
    expect(await claim()).toMatchObject({ timing: 'after-public', postEvent: true });
    await upsertIncidents(t.ctx.store.db, [ATT_INCIDENT]);
    expect((await claim()).timing).toBe('after-restoration');
  });

  it('audits create, edit (with what changed) and attach', async () => {
    const [cisa] = (await get('statements')).json().items;
    const events = await listAuditEvents(t.ctx.store.db, { target: cisa.id, limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['statement.edit', 'statement.edit', 'statement.create']);
    expect(events[0]!.detail).toEqual({ incidentId: ID, changed: { asserts: [{ maliciousActivity: 'confirmed' }, { maliciousActivity: 'none-seen' }] } });
    expect(events[0]!.actor).toMatch(/^investigator\d+@example.org$/);
    const attached = await t.app.inject({ method: 'PUT', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/statements/${cisa.id}`, headers: auth.admin });
    expect(attached.statusCode).toBe(200);
    expect((await get('statements', 'analyst', SAMPLE_INCIDENT.id)).json().items.map((s: { id: string }) => s.id)).toEqual([cisa.id]);
    expect((await listAuditEvents(t.ctx.store.db, { target: cisa.id, action: 'statement.attach', limit: 5 }))[0]!.detail).toEqual({ incidentId: SAMPLE_INCIDENT.id });
  });

  it('a claim against the collateral incident is contradicted', async () => {
    const res = await post('claims', { ...FRIDAY, actor: 'Anonymous Legion', claimedMethod: 'unspecified' }, 'admin', SAMPLE_INCIDENT.id);
    expect(res.json().assessment.verdict).toBe('contradicted');
    expect(res.json().assessment.reasons.at(-1)).toMatch(/^Contradicted: detection found verizon's network working/);
  });

  it('edits a claim; the timeline lists markers, statements and claims', async () => {
    const [c] = (await get('claims')).json().items;
    const res = await patch(`claims/${c.id}`, { claimedAt: '2024-02-22T07:30:00Z', claimedScope: { level: 'state', regions: ['48'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ claimedMethod: 'ddos', claimedAt: '2024-02-22T07:30:00.000Z', claimedScope: { level: 'state', regions: ['48'] }, assessment: { timing: 'pre-onset', postEvent: false } });
    const view = (await get('attribution')).json();
    expect(view.markers.map((m: { kind: string }) => m.kind)).toEqual(['onset', 'detection', 'restoration', 'first-official']);
    expect(view.publicFrom).toMatchObject({ kind: 'detection', at: '2024-02-22T08:47:00.000Z' });
    expect(view.statements).toHaveLength(1);
    expect(view.claims[0].id).toBe(c.id);
  });

  it('marks the first crowd report: the first report of the incident’s network from its onset on', async () => {
    const ongoing = ongoingAttIncident(Date.now(), { id: 'att-ongoing-attribution' });
    await upsertIncidents(t.ctx.store.db, [ongoing]);
    const markers = async () => (await get('attribution', 'analyst', ongoing.id)).json().markers as Array<{ kind: string; at: string }>;
    expect((await markers()).map((m) => m.kind)).toEqual(['onset', 'detection']);
    const file = (carrier: string) => t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier, services: ['voice'], zip: '10001' } });
    await file('verizon'); // another network: not this incident's
    expect((await markers()).map((m) => m.kind)).toEqual(['onset', 'detection']);
    const first = (await file('cricket')).json(); // rides AT&T's network
    await file('att');
    expect((await markers()).find((m) => m.kind === 'first-report')?.at).toBe(first.receivedAt);
  });

  it('keeps markup as text', async () => {
    const text = '<script>alert(1)</script> <b>bold</b>';
    const res = await post('statements', { ...CISA, source: 'other', speaker: '<i>x</i>', text });
    expect(res.json()).toMatchObject({ speaker: '<i>x</i>', text });
  });

  it('lets analysts read but not write; anonymous callers get 401', async () => {
    expect((await get('claims', 'analyst')).statusCode).toBe(200);
    for (const path of ['claims', 'statements']) {
      const res = await post(path, path === 'claims' ? FRIDAY : CISA, 'analyst');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ type: 'https://outage-desk.dev/problems/forbidden' });
    }
    const [s] = (await get('statements')).json().items;
    expect((await patch(`statements/${s.id}`, { text: 'x' }, 'analyst')).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/incidents/${ID}/claims` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/incidents/${ID}/statements`, payload: CISA })).statusCode).toBe(401);
  });

  const paths = async (res: Awaited<ReturnType<typeof post>>) => {
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return (res.json().errors as Array<{ path: string }>).map((e) => e.path).sort();
  };

  it('names the bad field: links other than http(s), unknown enums, times, regions, unknown fields', async () => {
    expect(await paths(await post('statements', { ...CISA, url: 'javascript:alert(1)' }))).toEqual(['url']);
    expect(await paths(await post('statements', { ...CISA, source: 'blog', saidAt: 'yesterday' }))).toEqual(['saidAt', 'source']);
    expect(await paths(await post('statements', { ...CISA, asserts: { cause: 'aliens' } }))).toEqual(['asserts.cause']);
    expect(await paths(await post('statements', { speaker: 'CISA' }))).toEqual(['saidAt', 'source', 'text']);
    expect(await paths(await post('claims', { ...FRIDAY, url: 'ftp://example.org/x', claimedMethod: 'magic' }))).toEqual(['claimedMethod', 'url']);
    expect(await paths(await post('claims', { ...FRIDAY, claimedScope: { level: 'state', regions: ['48001'] } }))).toEqual(['claimedScope.regions']);
    expect(await paths(await post('claims', { ...FRIDAY, extra: 1 }))).toEqual(['extra']);
    expect(await paths(await patch('claims/whatever', {}))).toEqual(['(body)']);
  });

  it('never answers 5xx to malformed statements and claims (generated bodies, with NUL and lone surrogates)', async () => {
    const [s] = (await get('statements')).json().items;
    const [c] = (await get('claims')).json().items;
    const cases = fc.oneof(
      bodyOf(['source', 'speaker', 'saidAt', 'seenAt', 'url', 'text', 'asserts'], CISA).map((b) => ['POST', 'statements', b] as const),
      bodyOf(['actor', 'channel', 'url', 'claimedAt', 'text', 'claimedMethod', 'claimedScope', 'claimedAttackAt'], FRIDAY).map((b) => ['POST', 'claims', b] as const),
      bodyOf(['speaker', 'text', 'url', 'asserts'], {}).map((b) => ['PATCH', `statements/${s.id}`, b] as const),
      bodyOf(['actor', 'text', 'claimedScope'], {}).map((b) => ['PATCH', `claims/${c.id}`, b] as const),
    );
    await fc.assert(fc.asyncProperty(cases, async ([method, path, payload]) => {
      const res = await t.app.inject({ method, url: `/api/v1/incidents/${ID}/${path}`, headers: auth.admin, payload });
      expect(res.statusCode, `${method} ${path} ${JSON.stringify(payload)}: ${res.body}`).toBeLessThan(500);
    }), { numRuns: 150 });
    const nul = await post('statements', { ...CISA, text: 'a\u0000b' });
    expect(nul.json().errors).toEqual([{ path: 'text', message: expect.stringContaining('NUL') }]);
  }, 120_000);

  it('answers 404 for an unknown incident, statement or claim', async () => {
    const code = async (res: Awaited<ReturnType<typeof post>>) => [res.statusCode, res.json().type.split('/').pop()];
    expect(await code(await post('claims', FRIDAY, 'investigator', 'nope'))).toEqual([404, 'incident-not-found']);
    expect(await code(await get('statements', 'analyst', 'nope'))).toEqual([404, 'incident-not-found']);
    expect(await code(await patch('statements/nope', { text: 'x' }))).toEqual([404, 'statement-not-found']);
    expect(await code(await patch('claims/nope', { text: 'x' }))).toEqual([404, 'claim-not-found']);
    // A statement exists, but on another incident: not editable through this one.
    const other = (await post('statements', CISA, 'admin', SAMPLE_INCIDENT.id)).json();
    expect(await code(await patch(`statements/${other.id}`, { text: 'x' }))).toEqual([404, 'statement-not-found']);
  });
});
