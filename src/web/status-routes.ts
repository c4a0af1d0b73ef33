// GET /status (the page, and "is it just me?" as /status?zip=10001&carrier=att). Pages are
// rendered from the cached public status and kept per language and view until the status
// changes, so a crowd on the page costs one render per few seconds, not one per visitor.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.js';
import { PUBLIC_CACHE_CONTROL } from '../http/routes/status.js';
import { REBUILD_BOUNDS, statusServiceOf } from '../http/status-service.js';
import { findCarrier, lookupZip, networks, timeZoneOf } from '../reference/index.js';
import type { Assets } from './assets.js';
import { messagesOf, type Messages } from './i18n/index.js';
import { statusPage, type StatusPageState } from './pages/status-page.js';
import { renderedPageHeaders, renderPage, sendRenderedPage, type RenderedPage } from './view/send-page.js';
import { hotCacheOf } from '../http/hot-cache.js';
import { capAtom, incidentsAtom, type FeedContext } from './feeds/atom.js';
import { capAlert } from './feeds/cap.js';
import { mapLayers } from './status/atlas.js';
import type { FastifyReply } from 'fastify';
import type { Cached } from '../status/service.js';

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
  const hot = hotCacheOf(ctx);
  const renderTime = ctx.metrics.histogram('status_page_render_seconds', 'Renders of the status page (JSX to gzipped bytes), on the event loop', REBUILD_BOUNDS);

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
      const started = performance.now();
      page = renderPage(statusPage(assets, m, ctx.config.office, state, pathWithoutLang(req)), etag);
      renderTime((performance.now() - started) / 1000);
      // Only the views without a ZIP are many readers' pages; ZIP answers are kept briefly too, boundedly.
      if (rendered.size > 1_000) rendered.clear();
      rendered.set(key, page);
    }
    // The crowd's page (no ZIP asked): its next identical requests are answered from these bytes.
    if (!check && zip === '') {
      const shown = page;
      hot?.keep(req, { headers: renderedPageHeaders(shown, PUBLIC_CACHE_CONTROL), body: shown.body, gzipped: shown.gzipped, fresh: () => service.isCurrentStatus(status) }, true);
    }
    return sendRenderedPage(req, reply, page, PUBLIC_CACHE_CONTROL);
  });

  // The map's unchanging layers: versioned URLs, cached for good.
  for (const [name, layer] of Object.entries(mapLayers())) {
    app.get(`/status/map/${name}.svg`, { schema: { hide: true } }, (_req, reply) =>
      reply.type('image/svg+xml').header('Cache-Control', 'public, max-age=31536000, immutable').send(layer.svg));
  }

  // Feeds: built once per version of the incident list, language and host.
  const documents = new Map<string, { etag: string; text: string }>();
  const sendDocument = (req: FastifyRequest, reply: FastifyReply, key: string, source: Cached<unknown>, type: string, build: (c: FeedContext) => string) => {
    const m = messagesOf(req);
    const base = `${req.protocol}://${req.host}`;
    const k = `${key}|${m.lang}|${base}`;
    const etag = `"${source.etag.slice(1, -1)}-${Buffer.from(k).toString('base64url')}"`;
    let doc = documents.get(k);
    if (!doc || doc.etag !== etag) {
      if (documents.size > 1_000) documents.clear();
      doc = { etag, text: build({ m, base, officeName: ctx.config.office.name, timeZone: ctx.config.office.timeZone, generatedAt: new Date(source.at) }) };
      documents.set(k, doc);
    }
    reply.header('ETag', doc.etag).header('Cache-Control', PUBLIC_CACHE_CONTROL).header('Vary', 'Accept-Language');
    if (req.headers['if-none-match'] === doc.etag) return reply.code(304).send();
    return reply.type(type).send(doc.text);
  };
  const ATOM = 'application/atom+xml; charset=utf-8';

  app.get('/status/feed.atom', { schema: { hide: true } }, async (req, reply) => {
    const list = await service.feedIncidents();
    return sendDocument(req, reply, 'feed', list, ATOM, (c) => incidentsAtom(c, list.value));
  });

  app.get('/status/cap.atom', { schema: { hide: true } }, async (req, reply) => {
    const list = await service.feedIncidents();
    return sendDocument(req, reply, 'cap', list, ATOM, (c) => capAtom(c, list.value));
  });

  app.get<{ Params: { file: string } }>('/status/cap/:file', { schema: { hide: true } }, async (req, reply) => {
    const id = /^([A-Za-z0-9_-]{1,100})\.xml$/.exec(req.params.file)?.[1];
    const list = await service.feedIncidents();
    const incident = id ? list.value.find((i) => i.id === id) : undefined;
    if (!incident) return reply.code(404).type('text/plain; charset=utf-8').send('No public incident with that id.');
    return sendDocument(req, reply, `cap:${incident.id}`, list, 'application/xml; charset=utf-8', (c) =>
      capAlert(incident, { m: c.m, sender: `outage-desk@${req.host.replace(/:\d+$/, '')}`, senderName: c.officeName, web: `${c.base}/status`, timeZone: c.timeZone }),
    );
  });
}
