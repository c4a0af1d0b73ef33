// GET /api/v1/events without credentials: the status page's stream of public incidents only
// (no report volumes, nothing with fewer reports than the threshold), on both stores; and on
// one PostgreSQL shared by two API processes, an incident written through one reaches a client
// of the other within 2 s (NOTIFY from the incidents table wakes every process's poller).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { insertFixture } from '../support/public-fixture.js';
import { openSse } from '../support/sse.js';
import { newStoreLocation, STORE_KINDS } from '../support/stores.js';

describe.each(STORE_KINDS)('public live events on %s', (kind) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t?.destroy());

  it('streams public incidents to anyone, never report volumes or an incident under the threshold', async () => {
    const s = await openSse(`${base}/api/v1/events`);
    try {
      expect(s.res.status).toBe(200);
      expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await s.next((e) => e.event === ': watching');
      await insertFixture(t.ctx.store);
      const thin = ongoingAttIncident(Date.now(), { id: 'att-thin', reportCount: 9 });
      const shown = ongoingAttIncident(Date.now(), { id: 'att-shown', reportCount: 10 });
      await upsertIncidents(t.ctx.store.db, [thin]);
      await upsertIncidents(t.ctx.store.db, [shown]);
      const got = await s.next((e) => e.event === 'incident');
      expect(JSON.parse(got.data)).toMatchObject({ id: 'att-shown', networkName: 'AT&T', reports: { count: 10, suppressed: false } });
      expect(JSON.parse(got.data)).not.toHaveProperty('peak');
      expect(s.seen.map((e) => e.event)).not.toContain('reports');
      expect(s.seen.some((e) => e.data.includes('att-thin'))).toBe(false);
    } finally {
      s.close();
    }
  });
});

describe('public live events across two processes on one PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let baseB: string;
  beforeAll(async () => {
    const location = await newStoreLocation('postgres');
    a = await startTestApp('postgres', {}, {}, location);
    b = await startTestApp('postgres', {}, {}, location);
    baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.destroy();
  });

  it('a client of one process sees an incident written through the other within 2 s', async () => {
    const s = await openSse(`${baseB}/api/v1/events`);
    try {
      await s.next((e) => e.event === ': watching');
      const incident = ongoingAttIncident(Date.now(), { id: 'att-elsewhere' });
      const written = Date.now();
      await upsertIncidents(a.ctx.store.db, [incident]);
      await s.next((e) => e.event === 'incident' && e.data.includes('att-elsewhere'));
      const latency = Date.now() - written;
      expect(latency).toBeLessThan(2_000);
    } finally {
      s.close();
    }
  });
});
