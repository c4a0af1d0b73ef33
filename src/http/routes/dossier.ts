// The investigation routes: case actions, assumptions, the complaints table and the exports.
// Registered by incidentRoutes with the tallies it shares with the incident detail.
import { PassThrough, pipeline, Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { actOnIncident, attachReport, detachReport, declareIncident, mergeIncidents, splitIncident, caseView, exportIncidentCsv, exportIncidentJson, exportIncidentReports, ExportReader, type ExportBatch, incidentDossierPdf, listIncidentReports, readIncidentCase, setAssumptions } from '../../commands/index.js';
import type { ImpactTallies } from '../../dossier/index.js';
import type { DossierSection } from '../../dossier/pdf/dossier-pdf.js';
import { CSV_COLUMNS } from '../../presenters/index.js';
import { IncidentCountyCounts } from '../../incidents/county-counts.js';
import { actorOf, requireActor } from '../auth.js';
import type { AppContext } from '../context.js';
import { assumptionsSchema, attachReportSchema, caseActionSchema, detachReportSchema, declareSchema, mergeSchema, splitSchema, dossierPdfSchema, exportCsvSchema, exportIncidentSchema, exportJsonlSchema, incidentReportsSchema } from './dossier.schema.js';

const date = (s: string | undefined) => (s ? new Date(s) : undefined);

/** The CSV's header line, as csv-stringify writes it. */
const CSV_HEADER = Buffer.from(stringifyCsv([], { header: true, columns: [...CSV_COLUMNS] }));

/**
 * An export's bytes, `head` first, a chunk per batch (EXPORT_BATCH rows, written by the reader
 * thread). Pulled by the response stream, so a slow client stops the reads.
 */
async function* exportChunks(batches: AsyncGenerator<ExportBatch>, head?: Buffer): AsyncGenerator<Buffer> {
  if (head) yield head;
  for await (const { bytes } of batches) yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `head`, then `body`'s bytes (the COPY's stream), with its back-pressure; the response going
 * away (or failing) destroys `body`, which frees its connection.
 */
function afterHead(head: Buffer, body: Readable): Readable {
  const out = new PassThrough();
  out.write(head);
  pipeline(body, out, () => {}); // a failure destroys `out` with it, and the response ends cut off (its headers were sent)
  return out;
}

export interface DossierRouteOptions {
  tallies: ImpactTallies;
  /** Extra PDF sections (attribution's statements and claims). */
  sections?: readonly DossierSection[];
}

export async function dossierRoutes(root: FastifyInstance, ctx: AppContext, o: DossierRouteOptions): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const counts = new IncidentCountyCounts(ctx.store);
  const reader = new ExportReader(ctx.store);
  root.addHook('onClose', () => reader.close());

  app.post('/api/v1/incidents/:id/actions', { preHandler: requireActor(ctx), schema: caseActionSchema }, async (req) => {
    const b = req.body;
    return actOnIncident(ctx, actorOf(req), req.params.id, { ...b, resolvedAt: date(b.resolvedAt) }, ctx.clock());
  });

  app.post('/api/v1/incidents', { preHandler: requireActor(ctx), schema: declareSchema }, async (req, reply) => {
    const b = req.body;
    return reply.code(201).send(await declareIncident(ctx, actorOf(req), { ...b, onsetAt: new Date(b.onsetAt) }, ctx.clock()));
  });

  app.post('/api/v1/incidents/:id/merge', { preHandler: requireActor(ctx), schema: mergeSchema }, async (req) => {
    await mergeIncidents(ctx, actorOf(req), req.params.id, req.body.from, req.body.note, ctx.clock());
    return caseView(ctx, req.params.id);
  });

  app.post('/api/v1/incidents/:id/split', { preHandler: requireActor(ctx), schema: splitSchema }, async (req, reply) => {
    return reply.code(201).send(await splitIncident(ctx, actorOf(req), req.params.id, req.body.region, req.body.note, ctx.clock()));
  });

  app.post('/api/v1/incidents/:id/reports/:reportId/attach', { preHandler: requireActor(ctx), schema: attachReportSchema }, async (req) => {
    return attachReport(ctx, actorOf(req), req.params.id, req.params.reportId, req.body.note, ctx.clock());
  });

  app.post('/api/v1/incidents/:id/reports/:reportId/detach', { preHandler: requireActor(ctx), schema: detachReportSchema }, async (req) => {
    return detachReport(ctx, actorOf(req), req.params.id, req.params.reportId, req.body.note, ctx.clock());
  });

  app.put('/api/v1/incidents/:id/assumptions', { preHandler: requireActor(ctx), schema: assumptionsSchema }, async (req) => {
    const actor = actorOf(req);
    await setAssumptions(ctx, actor, req.params.id, req.body, ctx.clock());
    return (await readIncidentCase(ctx, actor, req.params.id, o.tallies, ctx.clock())).impact;
  });

  app.get('/api/v1/incidents/:id/reports', { preHandler: requireActor(ctx), schema: incidentReportsSchema }, async (req) => {
    const { since, until, include, q, jurisdiction, ...rest } = req.query;
    return listIncidentReports(ctx, actorOf(req), req.params.id, {
      ...rest, text: q, since: date(since), until: date(until), includeContact: include === 'contact', inJurisdiction: jurisdiction,
    }, ctx.clock());
  });

  const exportRows = (format: 'jsonl') => async (req: { params: { id: string }; query: Record<string, unknown> }, actor: Parameters<typeof exportIncidentReports>[2]) => {
    const { since, until, q, jurisdiction, redacted, ...rest } = req.query as { since?: string; until?: string; q?: string; jurisdiction?: boolean; redacted?: boolean };
    return exportIncidentReports(ctx, reader, actor, req.params.id, {
      ...(rest as object), text: q, since: date(since), until: date(until), inJurisdiction: jurisdiction, redacted: redacted ?? false, format, limit: 0,
    }, ctx.clock());
  };

  app.get('/api/v1/incidents/:id/reports.csv', { preHandler: requireActor(ctx), schema: exportCsvSchema }, async (req, reply) => {
    const { since, until, q, jurisdiction, redacted, ...rest } = req.query;
    const csv = await exportIncidentCsv(ctx, reader, actorOf(req), req.params.id, {
      ...rest, text: q, since: date(since), until: date(until), inJurisdiction: jurisdiction, redacted: redacted ?? false, limit: 0,
    }, ctx.clock());
    reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${req.params.id}-reports.csv"`);
    return reply.send('stream' in csv ? afterHead(CSV_HEADER, csv.stream) : Readable.from(exportChunks(csv.batches, CSV_HEADER), { highWaterMark: 2 }));
  });

  app.get('/api/v1/incidents/:id/reports.jsonl', { preHandler: requireActor(ctx), schema: exportJsonlSchema }, async (req, reply) => {
    const body = Readable.from(exportChunks(await exportRows('jsonl')(req, actorOf(req))), { highWaterMark: 2 });
    reply.header('Content-Type', 'application/x-ndjson; charset=utf-8').header('Content-Disposition', `attachment; filename="${req.params.id}-reports.jsonl"`);
    return reply.send(body);
  });

  app.get('/api/v1/incidents/:id/export.json', { preHandler: requireActor(ctx), schema: exportIncidentSchema }, async (req, reply) => {
    const view = await exportIncidentJson(ctx, actorOf(req), req.params.id, o.tallies, ctx.clock());
    reply.header('Content-Disposition', `attachment; filename="${req.params.id}.json"`);
    return view;
  });

  app.get('/api/v1/incidents/:id/dossier.pdf', { preHandler: requireActor(ctx), schema: dossierPdfSchema }, async (req, reply) => {
    const pdf = await incidentDossierPdf(ctx, actorOf(req), req.params.id, { tallies: o.tallies, counts, now: ctx.clock(), redacted: req.query.redacted ?? true, sections: o.sections });
    reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="${req.params.id}-dossier.pdf"`);
    return reply.send(pdf);
  });
}
