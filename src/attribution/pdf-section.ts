/// <reference types="pdfkit" />
// The attribution section of the PDF dossier: the timeline (markers, statements, claims), then
// each claim with its verdict and reasons. Writes into a pdfkit document the dossier owns; text
// only (links are printed, not made clickable: they are what someone posted, not ours to follow).
import type { AttributionView } from '../presenters/attribution.js';
import { assertsInWords, attributionTimeline, MARKER_LABELS, type TimelineEntry } from './timeline.js';
import { utc } from './words.js';

export interface SectionFonts {
  regular: string;
  bold: string;
}

const VERDICT_WORDS = { corroborated: 'Corroborated', unverified: 'Unverified', doubtful: 'Doubtful', contradicted: 'Contradicted' } as const;

function entryLine(e: TimelineEntry): string {
  if (e.type === 'marker') return `${MARKER_LABELS[e.marker.kind]} — ${e.marker.by}`;
  if (e.type === 'statement') return `Statement: ${e.statement.speaker} (${e.statement.source})${assertsInWords(e.statement) ? ` — ${assertsInWords(e.statement)}` : ''}`;
  return `Claim: ${e.claim.actor} via ${e.claim.channel} — ${e.claim.assessment.verdict}`;
}

export function writeAttributionSection(doc: PDFKit.PDFDocument, view: AttributionView, fonts: SectionFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold' }): void {
  const heading = (text: string, size: number) => doc.font(fonts.bold).fontSize(size).text(text).moveDown(0.3);
  const left = doc.page.margins.left;
  /** A paragraph indented as a block (pdfkit's own `indent` moves only the first line). */
  const body = (text: string, indent = 0) => {
    doc.font(fonts.regular).fontSize(9.5).text(text, left + indent, undefined, { width: doc.page.width - left - doc.page.margins.right - indent });
    doc.x = left;
  };

  heading('Attribution', 16);
  body(`Statements and claims of responsibility for incident ${view.incidentId}, weighed against its timeline. The outage counts as public from ${utc(view.publicFrom.at)} (${view.publicFrom.by}).`);
  doc.moveDown(0.6);

  heading('Timeline', 12);
  for (const e of attributionTimeline(view)) body(`${utc(e.at)}   ${entryLine(e)}`);
  doc.moveDown(0.6);

  heading(`Statements (${view.statements.length})`, 12);
  if (view.statements.length === 0) body('None on record.');
  for (const s of view.statements) {
    doc.font(fonts.bold).fontSize(9.5).text(`${s.speaker} (${s.source}), ${utc(s.saidAt)}`);
    body(s.text, 12);
    const words = assertsInWords(s);
    if (words) body(`Asserts: ${words}`, 12);
    if (s.url) body(`Link: ${s.url}`, 12);
    doc.moveDown(0.4);
  }
  doc.moveDown(0.4);

  heading(`Claims of responsibility (${view.claims.length})`, 12);
  if (view.claims.length === 0) body('None on record.');
  for (const c of view.claims) {
    const a = c.assessment;
    doc.font(fonts.bold).fontSize(9.5).text(`${c.actor} via ${c.channel}, ${utc(c.claimedAt)}: ${VERDICT_WORDS[a.verdict]}`);
    body(c.text, 12);
    body(`Claimed method: ${c.claimedMethod}. Timing: ${a.timing}${a.postEvent ? ', post-event' : ''}.`, 12);
    if (c.url) body(`Link: ${c.url}`, 12);
    body('Reasons:', 12);
    for (const r of a.reasons) body(`• ${r}`, 24);
    doc.moveDown(0.4);
  }
}
