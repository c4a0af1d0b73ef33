// GET /api/v1/events: live changes as server-sent events. One poller per app (IncidentChanges)
// fans out to every open stream: for staff `incident` (the list item of an incident whose row
// changed) and `reports` (reports received since the last one, per network); for anyone without
// credentials (the status page) only `incident` as the public incident, and only once it has as
// many reports as PUBLIC_MIN_COUNT. On PostgreSQL a NOTIFY from the incidents table (migration
// 0007) wakes the poller at once, so every API process on the database sees a change together.
//
// The SSE writer is hand-written (no SSE plugin is installed; it is 30 lines): the reply is
// hijacked and frames go straight to the socket.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IncidentChanges, type Change } from '../../incidents/changes.js';
import { watchIncidents } from '../../commands/index.js';
import { identify, requireActor, SESSION_COOKIE } from '../auth.js';
import type { AppContext } from '../context.js';
import { PgListener } from '../../store/pg-listen.js';
import { publicIncidents } from '../../status/index.js';
import type { Actor } from '../../staff/index.js';

export const KEEP_ALIVE_MS = 15_000;
/** A client this far behind is not reading: drop it (EventSource reconnects) rather than buffer. */
const MAX_BUFFERED_BYTES = 1 << 20;

const eventSchema = {
  tags: ['incidents'],
  summary: 'Live changes (server-sent events: `incident`, `reports`, keep-alive comments); without credentials, public incidents only',
  response: { 200: { description: 'Server-sent events', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
};

export async function eventRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const url = ctx.config.databaseUrl;
  const wake = url
    ? (poll: () => void) => {
        const listener = new PgListener(url, 'od_incidents', poll, (err) => app.log.warn({ err }, 'incident LISTEN lost; polling meanwhile'));
        void listener.start();
        return () => void listener.stop();
      }
    : undefined;
  const changes = new IncidentChanges(ctx.store.db, { onError: (err) => app.log.error({ err }, 'change poll failed'), wake });
  const staffOnly = requireActor(ctx);
  // Credentials that fail are a 401 (the desk must see it was signed out); none at all is the public stream.
  const staffOrPublic = async (req: FastifyRequest, reply: import('fastify').FastifyReply) => {
    if (req.headers.authorization || req.cookies?.[SESSION_COOKIE]) return staffOnly(req, reply);
  };
  const streams = new Set<EventStream>();
  const keepAlive = setInterval(() => {
    for (const s of streams) void s.keepAlive();
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  app.get('/api/v1/events', { preHandler: staffOrPublic, schema: eventSchema, config: { longLived: true } }, (req, reply) => {
    if (req.actor) watchIncidents(req.actor);
    reply.hijack();
    const stream = new EventStream(ctx, req, reply.raw, req.actor);
    streams.add(stream);
    const unsubscribe = changes.subscribe((c) => stream.send(c));
    // Tells the client that from here on no change is missed (its earlier reads may be stale).
    changes.watching().then(() => stream.comment('watching'), () => stream.end());
    reply.raw.on('close', () => {
      streams.delete(stream);
      unsubscribe();
    });
  });

  // preClose, not onClose: the HTTP server waits for open sockets before onClose hooks run,
  // and an event stream never finishes by itself.
  app.addHook('preClose', async () => {
    clearInterval(keepAlive);
    for (const s of streams) s.end();
  });
  app.addHook('onClose', async () => changes.stop());
}

class EventStream {
  constructor(
    private readonly ctx: AppContext,
    private readonly req: FastifyRequest,
    private readonly res: ServerResponse,
    /** Undefined: a public stream. */
    private readonly actor: Actor | undefined,
  ) {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // A proxy that buffers (nginx) would hold events back until the buffer fills.
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write('retry: 5000\n\n');
  }

  send(c: Change): void {
    if (!this.actor) return this.#sendPublic(c);
    const [event, data] = c.kind === 'incident' ? ['incident', c.incident] : ['reports', c.volume];
    this.#write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** The public see an incident as the status page shows it, and no report volumes. */
  #sendPublic(c: Change): void {
    if (c.kind !== 'incident') return;
    const [shown] = publicIncidents([c.incident], this.ctx.config.publicMinCount);
    if (shown) this.#write(`event: incident\ndata: ${JSON.stringify(shown)}\n\n`);
  }

  comment(text: string): void {
    this.#write(`: ${text}\n\n`);
  }

  /** Also re-checks the caller: a session signed out (everywhere) or a revoked token ends the stream. */
  async keepAlive(): Promise<void> {
    if (!this.actor) return this.comment('keep-alive');
    const user = await identify(this.ctx, this.req).catch(() => undefined);
    if (!user) return this.end();
    this.comment('keep-alive');
  }

  end(): void {
    if (!this.res.writableEnded) this.res.end();
  }

  #write(frame: string): void {
    if (this.res.writableEnded) return;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) return this.end();
    this.res.write(frame);
  }
}
