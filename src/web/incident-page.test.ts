import { describe, expect, it } from 'vitest';
import { OPENING, SAMPLE_INCIDENT } from '../../test/support/sample-incident.js';
import { Assets } from './assets.js';
import { incidentPage } from './incident-page.js';
import { incidentMap } from './us-map.js';

const analyst = { id: '1', email: 'a@b.c', role: 'analyst' as const };
const RED = '#e52207';

describe('incident page', () => {
  it('says what was found and why, with the chart and the map', () => {
    const text = incidentPage(new Assets(), analyst, SAMPLE_INCIDENT).text;
    expect(text).toContain('<h1>Verizon collateral spike: nationwide</h1>');
    expect(text).toContain('74 % of its reporters were calling att');
    expect(text).toContain('2024-02-22 08:54 UTC (4 min after onset)');
    expect(text).toContain('lasted 677 min');
    expect(text).toContain('900 reporters where 10 were expected');
    expect(text).toMatch(/<svg class="od-chart"[^>]*aria-label="Reports per 15 minutes[^"]*peak 900 at 09:00/);
    expect(text).toContain('<a href="/desk/incidents/att-20240222T0845Z">');
  });

  it('marks the place on the map: every state for the nation, the counties of a county outage', () => {
    const nation = incidentMap({ level: 'nation', regions: ['US'] }, 'm').text;
    expect(nation.split(RED).length - 1).toBeGreaterThanOrEqual(50);
    const county = incidentMap({ level: 'county', regions: ['17097', '48201'] }, 'm').text;
    expect(county).toMatch(new RegExp(`data-fips="17097" fill="${RED}"`));
    expect(county).toMatch(new RegExp(`data-fips="48201" fill="${RED}"`));
    expect(county).toMatch(/data-fips="17" fill="#dfe1e2"/); // Illinois itself stays grey
    const states = incidentMap({ level: 'state', regions: ['48'] }, 'm').text;
    expect(states).toMatch(new RegExp(`data-fips="48" fill="${RED}"`));
    expect(states.split(RED).length - 1).toBe(1);
    expect(states).toMatch(/<path d="M[\d.]+,[\d.]+L/);
  });

  it('shows the opening evidence even for a county incident without a series', () => {
    const county = { ...SAMPLE_INCIDENT, kind: 'primary' as const, primaryIncidentId: null, scope: { level: 'county' as const, regions: ['17097'] }, series: [], evidence: { opening: OPENING, collateral: null } };
    const text = incidentPage(new Assets(), analyst, county).text;
    expect(text).toContain('Verizon outage: Lake, IL');
    expect(text).toContain('No series stored for this incident.');
  });
});
