// The attribution section rendered into a standalone pdfkit document and read back with pdfjs:
// the timeline, statements, and each claim's verdict with its reasons are there, as text.
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { presentClaim, presentStatement, type AttributionView } from '../presenters/attribution.js';
import { assessClaim, incidentMarkers, markerList, type IncidentFacts } from './index.js';
import type { StoredClaim, StoredStatement } from './queries.js';
import { writeAttributionSection } from './pdf-section.js';

const INCIDENT: IncidentFacts = {
  id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null, primaryNetwork: null,
  scope: { level: 'nation', regions: ['US'] }, services: { voice: 0.95, sms: 0.6, data: 0.8, '911': 0.1 },
  onsetAt: '2024-02-22T08:45:00.000Z', detectedAt: '2024-02-22T08:47:00.000Z', resolvedAt: '2024-02-22T20:04:00.000Z', openingRatio: 60, firstReportAt: null,
};
const rec = { createdAt: '2024-03-01T00:00:00.000Z', createdBy: 'x', updatedAt: '2024-03-01T00:00:00.000Z' };
const STATEMENTS: StoredStatement[] = [
  { id: 's1', source: 'agency', speaker: 'CISA', saidAt: '2024-02-22T20:00:00.000Z', seenAt: '2024-02-22T20:00:00.000Z', url: 'https://www.cisa.gov/x', text: 'No indications of malicious activity.', asserts: { cause: 'unknown', maliciousActivity: 'none-seen' }, ...rec },
  { id: 's2', source: 'carrier', speaker: 'AT&T', saidAt: '2024-02-23T00:46:00.000Z', seenAt: '2024-02-23T00:46:00.000Z', url: null, text: 'Not a cyberattack. <b>really</b>', asserts: { cause: 'configuration', maliciousActivity: 'none-seen' }, ...rec },
];
const CLAIM: StoredClaim = { id: 'c1', actor: '62IX', channel: 'telegram', url: 'https://example.org/claim', claimedAt: '2024-02-23T15:00:00.000Z', text: 'We took down AT&T with a DDoS attack.', claimedMethod: 'ddos', claimedScope: null, claimedAttackAt: null, ...rec };

function view(): AttributionView {
  const m = incidentMarkers(INCIDENT, STATEMENTS);
  return { incidentId: INCIDENT.id, markers: markerList(m), publicFrom: m.publicFrom, statements: STATEMENTS.map(presentStatement), claims: [presentClaim(CLAIM, assessClaim(CLAIM, INCIDENT, STATEMENTS))] };
}

async function render(v: AttributionView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 54 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  writeAttributionSection(doc, v);
  doc.end();
  return done;
}

const FONTS = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

async function textOf(pdf: Buffer): Promise<string> {
  const d = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, standardFontDataUrl: FONTS }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= d.numPages; p++) {
    const content = await (await d.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  return pages.join('\n').replace(/[ \t]+/g, ' ');
}

describe('writeAttributionSection', () => {
  it('writes the timeline, the statements and each claim’s verdict with its reasons', async () => {
    const text = await textOf(await render(view()));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Attribution');
    expect(flat).toContain('2024-02-22 08:45 UTC Outage began');
    expect(flat).toContain('2024-02-22 20:04 UTC Service restored');
    expect(flat).toContain('Statement: CISA (agency) — cause: unknown; no malicious activity seen');
    expect(flat).toContain('Not a cyberattack. <b>really</b>'); // markup stays text
    expect(flat).toContain('Link: https://www.cisa.gov/x');
    expect(flat).toContain('62IX via telegram, 2024-02-23 15:00 UTC: Contradicted');
    expect(flat).toContain('Timing: after-restoration, post-event.');
    expect(flat).toContain('CISA (agency) saw no indication of malicious activity (2024-02-22 20:00 UTC).');
    expect(flat).toContain('Contradicted: official statements rule out an attack and none confirms one.');
  });

  it('says when nothing is on record', async () => {
    const v = { ...view(), statements: [], claims: [] };
    const flat = (await textOf(await render(v))).replace(/\s+/g, ' ');
    expect(flat).toContain('Statements (0) None on record.');
    expect(flat).toContain('Claims of responsibility (0) None on record.');
  });
});
