// One StatusService per app, shared by the API routes, the pages and the feeds (its cache is
// the point: every reader is served from the same computed status).
import { StatusService } from '../status/service.js';
import type { AppContext } from './context.js';

/** Seconds: a rebuild is a few ms; one of 100 ms is an event loop taken from the intake. */
export const REBUILD_BOUNDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

const services = new WeakMap<AppContext, StatusService>();

export function statusServiceOf(ctx: AppContext): StatusService {
  let s = services.get(ctx);
  if (!s) {
    const computed = ctx.metrics.histogram('status_compute_seconds', 'Computations of the public status (store reads and aggregation)', REBUILD_BOUNDS);
    services.set(ctx, (s = new StatusService({ store: ctx.store, minCount: ctx.config.publicMinCount, clock: ctx.clock, computed })));
  }
  return s;
}
