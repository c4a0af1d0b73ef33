// One StatusService per app, shared by the API routes, the pages and the feeds (its cache is
// the point: every reader is served from the same computed status).
import { StatusService } from '../status/service.js';
import type { AppContext } from './context.js';

const services = new WeakMap<AppContext, StatusService>();

export function statusServiceOf(ctx: AppContext): StatusService {
  let s = services.get(ctx);
  if (!s) services.set(ctx, (s = new StatusService({ store: ctx.store, minCount: ctx.config.publicMinCount, clock: ctx.clock })));
  return s;
}
