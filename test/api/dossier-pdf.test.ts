// The PDF dossier: text extracted from the generated file (pdfjs-dist) carries the incident's
// figures; the complaint sample is redacted by default; an extra section writer is included.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDossierPdf } from '../../src/commands/index.js';
import { ImpactTallies } from '../../src/dossier/index.js';
import { IncidentCountyCounts } from '../../src/incidents/county-counts.js';
import { upsertIncidents, type StoredIncident } from '../../src/incidents/index.js';
import { CLI_ACTOR } from '../../src/staff/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { insertRows } from '../support/report-rows.js';
import { OPENING, SAMPLE_INCIDENT } from '../support/sample-incident.js';

const ONSET = '2024-02-22T08:45:00.000Z';
const at = (min: number) => new Date(Date.parse(ONSET) + min * 60_000).toISOString();
const INCIDENT: StoredIncident = {
  ...SAMPLE_INCIDENT, id: 'att-20240222T0845Z', network: 'att', kind: 'primary', primaryIncidentId: null, status: 'resolved',
  onsetAt: ONSET, detectedAt: at(3), resolvedAt: at(685), evidence: { opening: OPENING, collateral: null },
};

async function pdfText(buf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  return pages.join('\n');
}

describe('PDF dossier', () => {
  let t: TestApp;
  let inv: { authorization: string };
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    inv = { authorization: `Bearer ${await t.tokenFor('investigator')}` };
    await insertRows(t.ctx.store, Array.from({ length: 12 }, (_, k) => ({ receivedAt: at(5 + k), startedAt: at(0), zip: '10001', email: `p${k}@example.org`, description: `no service ${k}`, services: ['voice', '911'] })));
    await upsertIncidents(t.ctx.store.db, [INCIDENT]);
  });
  afterAll(async () => t?.destroy());

  it('is application/pdf and its text names the figures, redacted by default', async () => {
    const res = await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/dossier.pdf`, headers: inv });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    const m = (await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}`, headers: inv })).json().impact;
    expect(text).toContain('user-minutes');
    expect(text).toContain(m.userMinutes.reported.toLocaleString('en-US')); // 12 × 685
    expect(m.userMinutes.reported).toBe(12 * 685);
    expect(text).toContain(Math.round(m.userMinutes.estimated).toLocaleString('en-US'));
    expect(text).toContain('2024-02-22 09:15 UTC'); // the FCC threshold crossing
    expect(text).toContain('NORS');
    expect(text).toContain('A8369');
    expect(text).toContain(`$${m.credits.owedTotal.toFixed(2)}`);
    expect(text).toMatch(/generated .* by investigator/);
    expect(text).not.toMatch(/p\d+@example\.org/);
    expect(text).toContain('contact redacted');
  });

  it('shows contact details only when an investigator asks, and takes extra sections', async () => {
    const analyst = { authorization: `Bearer ${await t.tokenFor('analyst')}` };
    expect((await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/dossier.pdf?redacted=false`, headers: analyst })).statusCode).toBe(403);
    const pdf = await incidentDossierPdf(t.ctx, CLI_ACTOR, INCIDENT.id, {
      tallies: new ImpactTallies(t.ctx.store, undefined), counts: new IncidentCountyCounts(t.ctx.store), now: new Date(), redacted: false,
      sections: [(doc, data, heading) => { heading('Statements and claims'); doc.text(`attribution of ${data.incident.id}`); }],
    });
    const text = await pdfText(pdf);
    expect(text).toContain('p3@example.org');
    expect(text).toContain('Statements and claims');
    expect(text).toContain(`attribution of ${INCIDENT.id}`);
  });

  it('carries the attribution section: a recorded claim with its verdict and reasons', async () => {
    const post = (kind: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/incidents/${INCIDENT.id}/${kind}`, headers: inv, payload: body });
    expect((await post('statements', { source: 'agency', speaker: 'CISA', saidAt: at(400), text: 'No indication of malicious activity.', asserts: { maliciousActivity: 'none-seen' } })).statusCode).toBe(201);
    expect((await post('claims', { actor: 'Example Group', channel: 'Telegram', claimedAt: at(1500), text: 'We did it.', claimedMethod: 'ddos' })).statusCode).toBe(201);
    const text = await pdfText((await t.app.inject({ url: `/api/v1/incidents/${INCIDENT.id}/dossier.pdf`, headers: inv })).rawPayload);
    expect(text).toContain('Attribution');
    expect(text).toContain('Example Group via Telegram');
    expect(text).toContain('Contradicted');
    expect(text).toContain('No indication of malicious activity.');
  });
});
