import { describe, expect, it } from 'vitest';
import { OPENING, SAMPLE_INCIDENT } from '../../test/support/sample-incident.js';
import { incidentsSection } from './desk-incidents.js';

const base = SAMPLE_INCIDENT;
const opening = OPENING;

describe('desk incidents', () => {
  it('says why a spike is collateral, by either rule', () => {
    expect(incidentsSection([base]).text).toContain('74 % of its reporters were calling att');
    const tracking = { ...base, evidence: { opening, collateral: { ...base.evidence!.collateral!, rule: 'tracks-primary' as const } } };
    expect(incidentsSection([tracking]).text).toContain("small (6 % of att&#39;s excess), 6 min later, tracks it (r = 0.91)");
  });

  it('names counties as staff say them', () => {
    const county = { ...base, scope: { level: 'county' as const, regions: ['17097'] } };
    expect(incidentsSection([county]).text).toContain('Lake, IL');
  });

  it('draws the chart against the baseline and says nationwide for the nation', () => {
    const text = incidentsSection([base]).text;
    expect(text).toContain('nationwide');
    expect(text).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Reports per 15 minutes[^"]*peak 900/);
  });
});
