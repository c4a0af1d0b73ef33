// Admission control: when the event loop lags, memory passes its cap or the intake queue is
// deep, requests that would add work are answered 503 with Retry-After at once instead of
// queueing behind the others (the admitted ones stay fast). Intake and staff routes are shed;
// public page reads (the status page and feeds are served from cache) and the ops routes are
// not. A route decides for itself with `config: { shed: false }` (never shed) or `shed: true`.
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem } from '../problems/index.js';
import type { AdmissionLimits } from '../config.js';
import type { AppContext } from './context.js';
import { sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: never shed (cheap, cached public reads; health); true: always subject to shedding. */
    shed?: boolean;
    /** The route queues a report for commit: refused while the intake queue is full. */
    intake?: boolean;
    /** The answer is a long-lived stream (server-sent events): it holds no in-flight slot. */
    longLived?: boolean;
  }
}

/** The route option that keeps a route answering under pressure (cached public reads). */
export const NEVER_SHED = { shed: false } as const;

/**
 * The lag is the mean over a second: one long pause (a startup load, a GC) among many quick
 * turns does not shed; a loop that stays behind for the whole second does.
 */
const SAMPLE_MS = 1_000;

/** Event-loop lag sheds only with at least this many requests in flight. */
const MIN_IN_FLIGHT_TO_SHED = 16;

const isRead = (req: FastifyRequest) => req.method === 'GET' || req.method === 'HEAD';

/** Public pages outside the API and the desk (form, status, feeds, assets): served from cache, not shed. */
const isPublicPage = (url: string) => !url.startsWith('/api/') && !url.startsWith('/desk');

export function isShed(req: FastifyRequest): boolean {
  return req.routeOptions.config.shed ?? !(isRead(req) && isPublicPage(req.url));
}

const BUSY = 'The server is busy; retry shortly.';

function refuse(reply: FastifyReply, retryAfter: number, detail: string): FastifyReply {
  reply.header('Retry-After', String(retryAfter));
  return sendProblem(reply, problem('overloaded', detail, { retryAfter }));
}

export async function installAdmission(app: FastifyInstance, ctx: AppContext, limits: AdmissionLimits = ctx.config.admission): Promise<void> {
  const shed = ctx.metrics.counter('http_shed_total', 'Requests answered 503 by admission control, by reason');
  // Requests in flight, counted before under-pressure looks at a request.
  let inFlight = 0;
  app.addHook('onRequest', (_req, reply, done) => {
    inFlight++;
    // 'close' comes exactly once, whether the answer was sent or the client went away.
    reply.raw.once('close', () => inFlight--);
    done();
  });
  installInFlightCap(app, limits, shed, ctx);
  // under-pressure lets the request through when this returns nothing, and sends what it returns.
  const shedUnlessExempt = (req: FastifyRequest, reply: FastifyReply, type: string) => {
    if (!isShed(req)) return undefined;
    // A slow loop with few requests in flight is our own work (start-up, a neighbour on the
    // cores), not load: refusing those few would relieve nothing. Memory pressure always sheds.
    if (type !== 'rssBytes' && inFlight < MIN_IN_FLIGHT_TO_SHED) return undefined;
    shed({ reason: type });
    reply.code(503).type('application/problem+json').header('Retry-After', String(limits.retryAfterSeconds));
    return problem('overloaded', BUSY, { retryAfter: limits.retryAfterSeconds });
  };
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxRssBytes: limits.memoryCapBytes,
    sampleInterval: SAMPLE_MS,
    retryAfter: limits.retryAfterSeconds,
    pressureHandler: shedUnlessExempt as unknown as (req: FastifyRequest, reply: FastifyReply, type: string) => void,
  });
  // The intake queue is checked before the body is read: a full queue costs the client nothing more.
  app.addHook('onRequest', (req, reply, done) => {
    if (req.routeOptions.config.intake && ctx.intake.pending >= limits.maxPendingReports) {
      shed({ reason: 'intakeQueue' });
      refuse(reply, limits.retryAfterSeconds, 'Many reports are waiting to be stored; retry shortly.');
      return;
    }
    done();
  });
}

type ShedCounter = (labels: { reason: string }) => void;

/** When each admitted request's MAX_QUEUE_WAIT_MS runs out (performance.now() ms). */
const deadlines = new WeakMap<FastifyRequest, number>();

/**
 * True once the request has waited MAX_QUEUE_WAIT_MS since it arrived, or will have by
 * `marginMs` from now (the commit it would join): a report still waiting for its commit then is
 * answered 503 rather than stored and answered late (its client would
 * be answered after the latency that shedding exists to prevent).
 */
export function pastQueueDeadline(req: FastifyRequest, marginMs = 0): boolean {
  const at = deadlines.get(req);
  return at !== undefined && performance.now() + marginMs > at;
}

/**
 * A cap on shed-eligible requests in flight, and a queue deadline. Past the cap a request is
 * refused at onRequest, before its body is read: the waiting would otherwise pile up in front of
 * the event loop and the commit queue, where no lag sample sees it, and every admitted report
 * would wait behind it (Little's law: in flight = rate × time). A request that still waited
 * longer than the deadline between arriving and its handler is refused rather than served late.
 *
 * A slot is for the server's work, not for waiting on a client: a request whose body is still
 * arriving after IN_FLIGHT_BODY_GRACE_MS (250) gives its slot back (else 64 trickling bodies shut intake for the
 * whole request timeout) and takes one again once its body is in, or is refused then; its queue
 * wait counts from then too (a phone uploading slowly is not queueing here).
 */
function installInFlightCap(app: FastifyInstance, limits: AdmissionLimits, shed: ShedCounter, ctx: AppContext): void {
  let held = 0;
  const arrivedAt = new WeakMap<FastifyRequest, number>();
  const handledAt = new WeakMap<FastifyRequest, number>();
  /** Requests holding a slot, with the timer that gives it back if their body is slow. */
  const slots = new WeakMap<FastifyRequest, { held: boolean; grace: NodeJS.Timeout | undefined }>();
  observeAdmitted(app, ctx, arrivedAt, handledAt);
  const startWait = (req: FastifyRequest, now: number) => {
    arrivedAt.set(req, now);
    if (limits.maxQueueWaitMs > 0) deadlines.set(req, now + limits.maxQueueWaitMs);
  };
  app.addHook('onRequest', (req, reply, done) => {
    if (!isShed(req) || req.routeOptions.config.longLived) return done();
    if (limits.maxInFlight > 0 && held >= limits.maxInFlight) {
      shed({ reason: 'inFlight' });
      refuse(reply, limits.retryAfterSeconds, BUSY);
      return;
    }
    held++;
    const slot = { held: true, grace: undefined as NodeJS.Timeout | undefined };
    slot.grace = setTimeout(() => {
      slot.held = false;
      held--;
    }, limits.bodyGraceMs);
    slot.grace.unref();
    slots.set(req, slot);
    reply.raw.once('close', () => {
      clearTimeout(slot.grace);
      if (slot.held) held--;
      slot.held = false;
    });
    startWait(req, performance.now());
    done();
  });
  app.addHook('preValidation', (req, reply, done) => {
    const slot = slots.get(req);
    if (!slot) return done();
    clearTimeout(slot.grace);
    if (slot.held) return done();
    // Its body was slow: it gave its slot back, and takes one again now that the work begins.
    if (limits.maxInFlight > 0 && held >= limits.maxInFlight) {
      shed({ reason: 'inFlight' });
      refuse(reply, limits.retryAfterSeconds, BUSY);
      return;
    }
    held++;
    slot.held = true;
    startWait(req, performance.now());
    done();
  });
  app.addHook('preHandler', (req, reply, done) => {
    const at = arrivedAt.get(req);
    const now = performance.now();
    if (at !== undefined) handledAt.set(req, now);
    if (limits.maxQueueWaitMs > 0 && at !== undefined && now - at > limits.maxQueueWaitMs) {
      shed({ reason: 'queueWait' });
      refuse(reply, limits.retryAfterSeconds, BUSY);
      return;
    }
    done();
  });
}

const LATENCY_BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5, 10];

/**
 * Server-side latency of the reports admitted and stored (2xx): from arrival (onRequest) and from
 * the handler (body read) to the answer sent, so a flood's figures can be told apart from the
 * load generator's own delays.
 */
function observeAdmitted(app: FastifyInstance, ctx: AppContext, arrivedAt: WeakMap<FastifyRequest, number>, handledAt: WeakMap<FastifyRequest, number>): void {
  const total = ctx.metrics.histogram('intake_admitted_seconds', 'Admitted reports (2xx): arrival to answer', LATENCY_BOUNDS);
  const handler = ctx.metrics.histogram('intake_admitted_handler_seconds', 'Admitted reports (2xx): handler start to answer', LATENCY_BOUNDS);
  app.addHook('onResponse', (req, reply, done) => {
    if (req.routeOptions.config.intake && reply.statusCode < 300) {
      const now = performance.now();
      const at = arrivedAt.get(req);
      const h = handledAt.get(req);
      if (at !== undefined) total((now - at) / 1000);
      if (h !== undefined) handler((now - h) / 1000);
    }
    done();
  });
}
