// GET /status (the page, and "is it just me?" as /status?zip=10001&carrier=att). Pages are
// rendered from the cached public status and kept per language and view until the status
// changes, so a crowd on the page costs one render per few seconds, not one per visitor.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.js';
import { PUBLIC_CACHE_CONTROL } from '../http/routes/status.js';
import { statusServiceOf } from '../http/status-service.js';
import { findCarrier, lookupZip, networks, timeZoneOf } from '../reference/index.js';
import type { Assets } from './assets.js';
import { messagesOf, type Messages } from './i18n/index.js';
import { statusPage, type StatusPageState } from './pages/status-page.js';
import { renderPage, sendRenderedPage, type RenderedPage } from './view/send-page.js';

interface StatusQuery {
  zip?: string;
  carrier?: string;
  map?: string;
}

const one = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, 40) : '');

/** The page's own path and query without `lang`, for the language switch. */
export function pathWithoutLang(req: FastifyRequest): string {
  const url = new URL(req.url, 'http://x');
  url.searchParams.delete('lang');
  const q = url.searchParams.toString();
  return q ? `${url.pathname}?${q}` : url.pathname;
}

export async function statusPageRoutes(app: FastifyInstance, ctx: AppContext, assets: Assets): Promise<void> {
  const service = statusServiceOf(ctx);
  const rendered = new Map<string, RenderedPage>();

  app.get<{ Querystring: StatusQuery }>('/status', { schema: { hide: true } }, async (req, reply) => {
    const m: Messages = messagesOf(req);
    const q = req.query as Record<string, unknown>;
    const zip = one(q.zip);
    const carrier = findCarrier(one(q.carrier))?.id ?? '';
    const mapNetwork = networks().has(one(q.map)) ? one(q.map) : undefined;
    const status = await service.status();
    const place = /^\d{5}$/.test(zip) ? lookupZip(zip) : undefined;
    const check = place ? await service.zip(zip, carrier || undefined) : undefined;
    const key = `${m.lang}|${zip}|${carrier}|${mapNetwork ?? ''}`;
    const etag = `"${(check ?? status).etag.slice(1, -1)}-${m.lang}-${Buffer.from(key).toString('base64url')}"`;
    let page = rendered.get(key);
    if (!page || page.etag !== etag) {
      const state: StatusPageState = {
        status: status.value,
        zip,
        carrier,
        check: check?.value,
        zipProblem: zip === '' || place ? undefined : /^\d{5}$/.test(zip) ? 'unknown' : 'invalid',
        timeZone: place ? timeZoneOf(place) : ctx.config.office.timeZone,
        mapNetwork,
      };
      page = renderPage(statusPage(assets, m, ctx.config.office, state, pathWithoutLang(req)), etag);
      // Only the views without a ZIP are many readers' pages; ZIP answers are kept briefly too, boundedly.
      if (rendered.size > 1_000) rendered.clear();
      rendered.set(key, page);
    }
    return sendRenderedPage(req, reply, page, PUBLIC_CACHE_CONTROL);
  });
}
