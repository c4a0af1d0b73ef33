// The PDF dossier of an incident: summary, timeline, chart, map, service mix, impact with every
// assumption, the FCC Part 4 checklist, the NORS draft, credits, extra sections (statements and
// claims: the attribution capability passes a writer), a sample of complaints (redacted by
// default), and when and by whom it was generated. Built with pdfkit; vector throughout.
import PDFDocument from 'pdfkit';
import type { NorsDraft } from '../nors.js';
import type { CaseView, ImpactView, ReportView } from '../../presenters/index.js';
import { drawBars, drawSeriesChart, type SeriesPoint } from './chart.js';
import { drawCountyMap } from './map.js';

export interface DossierIncident {
  id: string;
  network: string;
  status: string;
  kind: string;
  primaryIncidentId: string | null;
  scope: { level: string; regions: string[] };
  services: Record<string, number>;
  onsetAt: string;
  detectedAt: string;
  resolvedAt: string | null;
  reportCount: number;
  peak: { at: string; count: number };
  series: SeriesPoint[];
  impact: ImpactView;
  nors: NorsDraft;
  case: CaseView;
}

export interface DossierData {
  incident: DossierIncident;
  networkName: string;
  area: string;
  counties: Array<{ county: string; count: number }>;
  sample: ReportView[];
  sampleRedacted: boolean;
  generatedAt: Date;
  generatedBy: string;
}

/**
 * A section another capability adds (e.g. attribution's statements and claims): it writes into
 * the open document at the current position, with `heading` for a title in the dossier's style.
 */
export type DossierSection = (doc: PDFKit.PDFDocument, data: DossierData, heading: (title: string) => void) => void | Promise<void>;

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const usd = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '-');
const WHAT: Record<string, string> = {
  onset: 'Onset (estimated start)',
  'duration-threshold': 'Outage reaches 30 minutes',
  'user-minutes-threshold': 'Reportable: 900,000 user-minutes reached (47 CFR 4.9)',
  'psap-notice-due': 'PSAP notice due (30 min)',
  'notification-due': 'FCC notification due (120 min)',
  'initial-report-due': 'Initial report due (72 h)',
  'final-report-due': 'Final report due (30 days)',
  resolved: 'Resolved',
};

export async function buildDossierPdf(data: DossierData, extraSections: readonly DossierSection[] = []): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 50, bufferPages: true, info: { Title: `Outage dossier ${data.incident.id}`, Author: data.generatedBy, CreationDate: data.generatedAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (title: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#1b1b1b').text(title, left).moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const pairs = (rows: Array<[string, string]>) => {
    for (const [k, v] of rows) {
      const y = doc.y;
      doc.font('Helvetica-Bold').fontSize(9).text(k, left, y, { width: 170 });
      const after = doc.y;
      doc.font('Helvetica').fontSize(9).text(v, left + 175, y, { width: width - 175 });
      doc.y = Math.max(after, doc.y) + 2;
    }
  };
  const i = data.incident;
  const m = i.impact;

  doc.font('Helvetica-Bold').fontSize(18).text(`${data.networkName} outage — ${data.area}`);
  doc.font('Helvetica').fontSize(9).fillColor('#444444').text(`Incident ${i.id} · generated ${when(data.generatedAt.toISOString())} by ${data.generatedBy}`).fillColor('#1b1b1b');

  heading('Summary');
  pairs([
    ['Status', `${i.status}${i.case.decision ? ` (staff: ${i.case.decision} by ${i.case.decidedBy})` : ''}`],
    ['Kind', i.kind + (i.primaryIncidentId ? ` of ${i.primaryIncidentId}` : '')],
    ['Scope', `${i.scope.level}: ${data.area}`],
    ['Onset', when(i.onsetAt)], ['Detected', when(i.detectedAt)], ['Resolved', when(i.resolvedAt)],
    ['Duration', `${n(m.durationMinutes)} minutes`],
    ['Reports', `${n(m.reports)} (${n(m.reportsSos)} in SOS mode, ${n(m.reports911)} naming 911); peak ${n(i.peak.count)} per 15 min at ${when(i.peak.at)}`],
    ...(m.jurisdiction ? ([['Our jurisdiction', `${n(m.jurisdiction.reports)} reports (${(m.jurisdiction.share * 100).toFixed(1)}%) from state ${m.jurisdiction.state}`]] as Array<[string, string]>) : []),
    ['User-minutes', `${n(m.userMinutes.reported)} reported by the complainants; ${n(m.userMinutes.estimated)} estimated for the scope`],
    ['Assigned to', i.case.assignee ?? '-'],
  ]);

  heading('Reports against the expected count (per 15 minutes)');
  drawSeriesChart(doc, i.series, left, doc.y, width, 130);
  doc.y += 150;

  heading('Where the reports came from (per county)');
  const counts = new Map(data.counties.map((c) => [c.county, c.count]));
  doc.y += drawCountyMap(doc, counts, left, doc.y, width) + 6;
  doc.fontSize(8).text(`Darker counties sent more reports (log scale); ${n(data.counties.reduce((s, c) => s + c.count, 0))} reports with a known county.`, left);

  heading('Service mix (share of reporters naming each service)');
  doc.y += drawBars(doc, Object.entries(i.services).map(([s, v]) => ({ label: s, value: v, text: `${(v * 100).toFixed(0)}%` })), left, doc.y, width) + 4;

  heading('Impact and assumptions');
  const a = m.assumptions;
  pairs([
    ['Reported user-minutes', `${n(m.userMinutes.reported)} — each complainant's outage minutes (their start and end, within the incident's bounds), summed`],
    ['Estimated user-minutes', `${n(m.userMinutes.estimated)} = people in scope × network share × affected share × ${n(m.durationMinutes)} min`],
    ['People in scope', `${n(a.peopleInScope)} — ${a.peopleSource}`],
    ['Network share', `${a.networkShare} — ${a.shareSource}`],
    ['Affected share', `${a.affectedShare}`],
    ['Monthly prices', `${Object.entries(a.monthlyPrices).map(([c, p]) => `${c} ${usd(p)}`).join(', ')} — ${a.priceSource}`],
    ['Credit offered', `${usd(a.offeredCreditPerAccount)} per account — ${a.offerSource}`],
  ]);

  heading('FCC Part 4 checklist (47 CFR 4.9, wireless)');
  pairs([
    ['Reportable', m.fcc.reportable ? 'yes' : 'not on this evidence'],
    ['Threshold crossed', m.fcc.thresholdCrossedAt ? `${when(m.fcc.thresholdCrossedAt)} (>= 30 minutes and >= 900,000 user-minutes)` : 'not crossed'],
    ['911 affected', m.fcc.affects911 ? `yes — ${n(m.reports911)} reports name 911; PSAP notice due ${when(m.fcc.psapNoticeDue)}` : 'no report names 911'],
  ]);
  doc.moveDown(0.3);
  for (const e of m.fcc.timeline) doc.fontSize(9).text(`${when(e.at)}   ${WHAT[e.what] ?? e.what}`, left + 10);

  heading('NORS notification, drafted from the public evidence (47 CFR 4.11)');
  const d = i.nors;
  pairs([
    ['Provider', d.carrier], ['Onset', `${when(d.onsetAt)} (${d.onsetLocal})`], ['Description', d.description],
    ['Services affected', d.servicesAffected.join(', ') || '-'], ['911 affected', d.affects911 ? 'yes' : 'no'], ['Geographic area', d.geographicArea],
    ['Users affected (est.)', n(d.estimatedUsersAffected)], ['User-minutes (est.)', n(d.estimatedUserMinutes)], ['Duration', `${n(d.durationMinutes)} minutes${d.resolved ? '' : ' (ongoing)'}`],
    ['Contact', d.contact],
  ]);

  heading('Credits owed and offered (complainants)');
  const c = m.credits;
  pairs([
    ['Owed, pro rata', usd(c.owed.proRata)], ['Owed, whole started days', usd(c.owed.wholeDays)], ['Owed, NY A8369 (per 24 h, 4 h minimum)', usd(c.owed.nyA8369)],
    ['Offered', `${usd(c.offeredTotal)} (${usd(c.offeredPerAccount)} × ${n(m.reports)} complainants)`],
    ['Owed to all estimated affected, pro rata', usd(c.estimatedOwedTotal)],
  ]);
  if (c.distribution.length) {
    doc.moveDown(0.3).fontSize(9).text('Complainants by pro-rata credit owed:', left).moveDown(0.2);
    doc.y += drawBars(doc, c.distribution.map((b) => ({ label: `${usd(b.from)}–${usd(b.to)}`, value: b.reports, text: n(b.reports) })), left, doc.y, width) + 4;
  }

  heading('Case timeline');
  if (i.case.timeline.length === 0) doc.fontSize(9).text('No staff action yet.', left);
  for (const e of i.case.timeline) doc.fontSize(9).text(`${when(e.at)}   ${e.action} by ${e.actor}${e.note ? ` — ${e.note}` : ''}`, left + 10);

  for (const section of extraSections) await section(doc, data, heading);

  heading(`Sample of complaints (${data.sample.length}${data.sampleRedacted ? ', contact details redacted' : ''})`);
  for (const r of data.sample) {
    const who = r.contact ? ` · ${[r.contact.name, r.contact.email, r.contact.phone].filter(Boolean).join(', ')}` : r.contactRedacted ? ' · contact redacted' : '';
    doc.font('Helvetica-Bold').fontSize(8).text(`${r.reference} · ${when(r.receivedAt)} · ${r.carrier} · ZIP ${r.zip} · ${r.services.join('+')}${r.sosMode ? ' · SOS' : ''}${who}`, left);
    if (r.description) doc.font('Helvetica').fontSize(8).text(r.description.slice(0, 400), left + 10);
    doc.moveDown(0.2);
  }

  const pages = doc.bufferedPageRange();
  for (let p = 0; p < pages.count; p++) {
    doc.switchToPage(pages.start + p);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no page break for it
    doc.font('Helvetica').fontSize(7).fillColor('#666666').text(`Outage Desk dossier ${i.id} · generated ${when(data.generatedAt.toISOString())} by ${data.generatedBy} · page ${p + 1} of ${pages.count}`, left, doc.page.height - 35, { lineBreak: false });
  }
  doc.end();
  return done;
}
