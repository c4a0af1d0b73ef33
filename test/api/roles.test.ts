// Every staff route × every role, over HTTP on both stores: allowed (2xx/404 for a made-up id)
// or 403; and the presenter rule that an analyst never receives a reporter's contact details
// from any route, while an investigator's read of them is audited with the report ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { ROLES, type Role } from '../../src/staff/index.js';
import { SAMPLE_INCIDENT } from '../support/sample-incident.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { STORE_KINDS } from '../support/stores.js';

const CONTACT = { name: 'Ana Ruiz', email: 'ana.ruiz@example.org', phone: '+1 212 555 0100' };

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: object;
  roles: readonly Role[];
}

const ALL = ROLES;
const ADMIN = ['admin'] as const;

describe.each(STORE_KINDS)('staff routes by role on %s', (kind) => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let reportId: string;
  let tokenId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const role of ROLES) tokens[role] = await t.tokenFor(role);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier: 'att', services: ['voice'], zip: '10001', contact: CONTACT, consentToContact: true } });
    reportId = filed.json().id;
    await upsertIncidents(t.ctx.store.db, [SAMPLE_INCIDENT]);
  });
  afterAll(async () => t.destroy());

  const call = (r: Omit<Route, 'roles'>, role: Role) =>
    t.app.inject({ method: r.method, url: r.url, headers: { authorization: `Bearer ${tokens[role]}` }, ...(r.body ? { payload: r.body } : {}) });

  const routes = (): Route[] => [
    { method: 'GET', url: '/api/v1/me', roles: ALL },
    { method: 'GET', url: '/api/v1/reports', roles: ALL },
    { method: 'GET', url: '/api/v1/reports?include=contact', roles: ['admin', 'investigator'] },
    { method: 'GET', url: `/api/v1/reports/${reportId}`, roles: ALL },
    { method: 'GET', url: '/api/v1/incidents', roles: ALL },
    { method: 'GET', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}`, roles: ALL },
    { method: 'GET', url: '/api/v1/tokens', roles: ALL },
    { method: 'POST', url: '/api/v1/tokens', body: { name: 'role test' }, roles: ALL },
    { method: 'DELETE', url: '/api/v1/tokens/00000000-0000-7000-8000-000000000000', roles: ALL },
    { method: 'GET', url: '/api/v1/users', roles: ADMIN },
    { method: 'POST', url: '/api/v1/users', body: { email: `x-${kind}@example.org`, role: 'analyst' }, roles: ADMIN },
    { method: 'PATCH', url: '/api/v1/users/00000000-0000-7000-8000-000000000000', body: { role: 'analyst' }, roles: ADMIN },
    { method: 'GET', url: '/api/v1/audit', roles: ADMIN },
    { method: 'GET', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/statements`, roles: ALL },
    { method: 'GET', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/claims`, roles: ALL },
    { method: 'GET', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/attribution`, roles: ALL },
    { method: 'POST', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/statements`, body: { source: 'agency', speaker: 'CISA', saidAt: '2024-02-22T21:00:00Z', text: 'x' }, roles: ['admin', 'investigator'] },
    { method: 'POST', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/claims`, body: { actor: 'x', channel: 'forum', claimedAt: '2024-02-23T15:00:00Z', text: 'x' }, roles: ['admin', 'investigator'] },
    { method: 'PATCH', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/statements/none`, body: { text: 'y' }, roles: ['admin', 'investigator'] },
    { method: 'PATCH', url: `/api/v1/incidents/${SAMPLE_INCIDENT.id}/claims/none`, body: { text: 'y' }, roles: ['admin', 'investigator'] },
  ];

  it('answers each role as the policy says: allowed, or 403 forbidden', async () => {
    for (const r of routes()) {
      for (const role of ROLES) {
        const res = await call(r, role);
        const label = `${role} ${r.method} ${r.url}`;
        if (r.roles.includes(role)) {
          expect([200, 201, 204, 404], label).toContain(res.statusCode);
          if (res.statusCode === 404) expect(res.json().type, label).toMatch(/(user|token|statement|claim)-not-found$/);
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().type, label).toBe('https://outage-desk.dev/problems/forbidden');
        }
      }
    }
    expect((await t.app.inject({ url: '/api/v1/reports' })).statusCode).toBe(401);
  });

  it('never gives an analyst contact details, from any route', async () => {
    for (const r of routes().filter((x) => x.method === 'GET')) {
      const body = (await call(r, 'analyst')).body;
      for (const v of Object.values(CONTACT)) expect(body, r.url).not.toContain(v);
    }
    const report = (await call({ method: 'GET', url: `/api/v1/reports/${reportId}` }, 'analyst')).json();
    expect(report.contact).toBeNull();
    expect(report.contactRedacted).toBe(true);
  });

  it('shows contact details to an investigator who asks, and audits which reports were read', async () => {
    const read = async (url: string) => (await call({ method: 'GET', url }, 'investigator')).json();
    const events = () => t.ctx.store.db.selectFrom('audit_events').selectAll().where('action', 'like', '%read-contact').execute();
    const before = (await events()).length;

    const list = await read('/api/v1/reports');
    expect(list.items[0].contact).toBeNull();
    expect(list.items[0].contactRedacted).toBe(true);
    expect((await events()).length).toBe(before); // a list without include=contact reads none

    expect((await read(`/api/v1/reports/${reportId}`)).contact).toEqual(CONTACT);
    const withContact = await read('/api/v1/reports?include=contact');
    expect(withContact.items[0].contact).toEqual(CONTACT);
    const after = await events();
    expect(after.length).toBe(before + 2);
    expect(after.map((e) => JSON.parse(e.detail).reportIds)).toEqual(expect.arrayContaining([[reportId], [reportId]]));
    expect(after.map((e) => e.action).slice(-2)).toEqual(['report.read-contact', 'reports.read-contact']);
  });

  it('lets admins filter the audit trail by who, what and target', async () => {
    const admin = (url: string) => call({ method: 'GET', url }, 'admin').then((r) => r.json());
    const mine = await admin(`/api/v1/audit?action=report.read-contact&target=${reportId}`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e: { action: string; target: string }) => e.action === 'report.read-contact' && e.target === reportId)).toBe(true);
    const page = await admin('/api/v1/audit?limit=1');
    expect(page.items).toHaveLength(1);
    const next = await admin(`/api/v1/audit?limit=1&cursor=${page.nextCursor}`);
    expect(next.items[0].seq).toBeLessThan(page.items[0].seq);
    expect((await call({ method: 'GET', url: '/api/v1/audit?cursor=abc' }, 'admin')).statusCode).toBe(400);
  });
});
