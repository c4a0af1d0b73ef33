// The incident as a file: JSON (detail, impact, NORS draft, case file) and the PDF dossier.
// Each is an audit event; the PDF's complaint sample shows contact details only when an
// investigator or admin asks for them (redacted=false).
import { recordAudit } from '../audit/index.js';
import { listComplaints, incidentMembership, type ImpactTallies } from '../dossier/index.js';
import type { DossierSection } from '../dossier/pdf/dossier-pdf.js';
import type { AttributionView } from '../presenters/index.js';
import type { IncidentCountyCounts } from '../incidents/county-counts.js';
import { authorize, may } from '../policy/index.js';
import { presentReport } from '../presenters/index.js';
import type { Actor } from '../staff/index.js';
import { readAttribution } from './attribution.js';
import type { CommandContext } from './context.js';
import { areaName, loadIncident, networkName, readIncidentCase, type IncidentCaseView } from './incident-case.js';

export async function exportIncidentJson(cx: CommandContext, actor: Actor, id: string, tallies: ImpactTallies, now: Date): Promise<IncidentCaseView> {
  authorize(actor, 'incident.export');
  const view = await readIncidentCase(cx, actor, id, tallies, now);
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.export-json', target: id }, now);
  return view;
}

export const DOSSIER_SAMPLE_SIZE = 25;

export interface DossierRequest {
  tallies: ImpactTallies;
  counts: IncidentCountyCounts;
  now: Date;
  redacted: boolean;
  /** Sections other capabilities add (attribution: statements and claims). */
  sections?: readonly DossierSection[];
}

export async function incidentDossierPdf(cx: CommandContext, actor: Actor, id: string, r: DossierRequest): Promise<Buffer> {
  authorize(actor, 'incident.export');
  if (!r.redacted) authorize(actor, 'incident.export-contact');
  const stored = await loadIncident(cx, id);
  const incident = await readIncidentCase(cx, actor, id, r.tallies, r.now);
  const counties = await r.counts.of(stored, r.now);
  const sample = await listComplaints(cx.store.db, await incidentMembership(cx.store.db, stored, r.now), { limit: DOSSIER_SAMPLE_SIZE });
  const attribution = may(actor, 'attribution.read') ? await readAttribution(cx, actor, id) : null;
  await recordAudit(cx.store, { actor: actor.email, action: 'incident.export-pdf', target: id, detail: { redacted: r.redacted } }, r.now);
  // pdfkit and the atlas load on the first PDF, not with every CLI command and server start.
  const { buildDossierPdf } = await import('../dossier/pdf/dossier-pdf.js');
  return buildDossierPdf(
    {
      incident, networkName: networkName(stored.network), area: areaName(stored), counties: counties.items,
      sample: sample.map((row) => presentReport(row, !r.redacted)), sampleRedacted: r.redacted, generatedAt: r.now, generatedBy: actor.email,
    },
    [...(r.sections ?? []), ...(attribution ? [attributionSection(attribution)] : [])],
  );
}

/** Statements and claims with their verdicts, written by attribution's own section writer. */
function attributionSection(view: AttributionView): DossierSection {
  return async (doc) => {
    const { writeAttributionSection } = await import('../attribution/pdf-section.js');
    doc.moveDown(0.8);
    writeAttributionSection(doc, view);
  };
}
