// GET /api/v1/events over a real socket on both stores: an `incident` event after an incident
// row changes, a `reports` event after reports arrive, 401 for bad credentials, the OpenAPI entry,
// and a server that closes while a stream is open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertIncidents } from '../../src/incidents/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ongoingAttIncident } from '../support/live-incident.js';
import { STORE_KINDS } from '../support/stores.js';

interface SseEvent {
  event: string;
  data: string;
}

/** A minimal SSE reader over fetch: frames are separated by a blank line. */
async function openEvents(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let ended = false;
  const frames = async function* (): AsyncGenerator<SseEvent> {
    for (;;) {
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const lines = frame.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? (lines[0]?.startsWith(': ') ? lines[0] : undefined);
        const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (event) yield { event, data };
      }
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        return;
      }
      buffer += value;
    }
  };
  const stream = frames();
  return {
    res,
    get ended() {
      return ended;
    },
    /** The next event named `name` whose data passes `test`. */
    async next<T>(name: string, test: (data: T) => boolean = () => true): Promise<T> {
      for (;;) {
        const r = await stream.next();
        if (r.done) throw new Error(`stream ended before a ${name} event`);
        if (r.value.event !== name) continue;
        const data = JSON.parse(r.value.data) as T;
        if (test(data)) return data;
      }
    },
    /** Waits for the comment line `: text`. */
    async comment(text: string): Promise<void> {
      for (;;) {
        const r = await stream.next();
        if (r.done) throw new Error(`stream ended before ": ${text}"`);
        if (r.value.event === `: ${text}`) return;
      }
    },
    /** Resolves when the server ends the stream. */
    async end(): Promise<void> {
      while (!(await stream.next()).done);
    },
    close: () => controller.abort(),
  };
}

describe.each(STORE_KINDS)('live events on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let auth: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    auth = { authorization: `Bearer ${await t.tokenFor('analyst')}` };
  });
  afterAll(async () => t?.destroy());

  it('sends an incident event when an incident row changes', async () => {
    const events = await openEvents(`${base}/api/v1/events`, auth);
    try {
      expect(events.res.status).toBe(200);
      expect(events.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await events.comment('watching');
      const incident = ongoingAttIncident();
      await upsertIncidents(t.ctx.store.db, [incident]);
      const got = await events.next<{ id: string; reportCount: number }>('incident', (d) => d.id === incident.id);
      expect(got).toMatchObject({ id: incident.id, network: 'att', kind: 'primary', reportCount: 1200 });
      expect(got).not.toHaveProperty('evidence');
      expect(got).not.toHaveProperty('series');
      await upsertIncidents(t.ctx.store.db, [{ ...incident, reportCount: 1500 }]);
      expect(await events.next<{ id: string; reportCount: number }>('incident', (d) => d.id === incident.id)).toMatchObject({ reportCount: 1500 });
    } finally {
      events.close();
    }
  });

  it('sends a reports event with counts per network when reports arrive', async () => {
    const events = await openEvents(`${base}/api/v1/events`, auth);
    try {
      // Reports filed before the poller has set its watermark would count as old.
      await events.comment('watching');
      const file = (carrier: string) => t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { carrier, services: ['voice'], zip: '30303' } });
      for (const c of ['att', 'cricket', 'verizon']) expect((await file(c)).statusCode).toBe(201);
      let seen = { att: 0, verizon: 0 };
      while (seen.att < 2 || seen.verizon < 1) {
        const v = await events.next<{ since: string; until: string; total: number; byNetwork: Record<string, number> }>('reports');
        expect(v.total).toBe(Object.values(v.byNetwork).reduce((a, b) => a + b, 0));
        expect(Date.parse(v.until)).toBeGreaterThan(Date.parse(v.since));
        seen = { att: seen.att + (v.byNetwork.att ?? 0), verizon: seen.verizon + (v.byNetwork.verizon ?? 0) };
      }
      expect(seen).toEqual({ att: 2, verizon: 1 });
    } finally {
      events.close();
    }
  });

  it('refuses a caller whose token or session is not valid (no credentials at all is the public stream)', async () => {
    const res = await t.app.inject({ url: '/api/v1/events', headers: { authorization: 'Bearer nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ type: 'https://outage-desk.dev/problems/unauthenticated' });
    const cookie = await t.app.inject({ url: '/api/v1/events', cookies: { od_session: 'nope' } });
    expect(cookie.statusCode).toBe(401);
  });

  it('documents the stream in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/events'].get.responses['200'].content['text/event-stream'].schema).toEqual({ type: 'string' });
  });
});

describe('live events at shutdown', () => {
  it('ends open streams so the server closes', async () => {
    const t = await startTestApp('sqlite');
    try {
      const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const events = await openEvents(`${base}/api/v1/events`, { authorization: `Bearer ${await t.tokenFor('investigator')}` });
      expect(events.res.status).toBe(200);
      const ended = events.end();
      await t.close();
      await ended;
      expect(events.ended).toBe(true);
    } finally {
      await t.location.destroy();
    }
  });
});
