// The incidents block of the staff desk: what detection has found, newest first, each with
// its chart against the baseline.
import type { StoredIncident } from '../incidents/index.js';
import { countyName, stateAbbr } from '../reference/index.js';
import { html, type Html } from './html.js';
import { incidentChart } from './incident-chart.js';

const minute = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')}` : '—');

export function place(i: StoredIncident): string {
  const { level, regions } = i.scope;
  if (level === 'nation') return 'nationwide';
  const names = level === 'state' ? regions.map((r) => stateAbbr(r) ?? r) : regions.map((r) => countyName(r) ?? `county ${r}`);
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} +${names.length - 6}` : names.join(', ');
}

export function services(i: StoredIncident): string {
  return Object.entries(i.services)
    .filter(([, share]) => share >= 0.3)
    .map(([s]) => s)
    .join(', ');
}

const percent = (x: number): string => `${Math.round(x * 100)} %`;

/** Why detection calls this spike collateral, in the words staff would use on the phone. */
export function collateralReason(i: StoredIncident): string | null {
  const c = i.evidence?.collateral;
  if (!c) return null;
  return c.rule === 'called-network'
    ? `${percent(c.calledShare)} of its reporters were calling ${c.primaryNetwork}`
    : `small (${percent(c.excessRatio)} of ${c.primaryNetwork}'s excess), ${c.lagMinutes} min later, tracks it (r = ${c.correlation.toFixed(2)})`;
}

function collateralWhy(i: StoredIncident): Html | '' {
  const why = collateralReason(i);
  return why ? html`<br><span class="od-muted">${why}</span>` : '';
}

function row(i: StoredIncident): Html {
  const delay = Math.round((Date.parse(i.detectedAt) - Date.parse(i.onsetAt)) / 60_000);
  return html`<tr>
<th scope="row"><a href="/desk/incidents/${encodeURIComponent(i.id)}">${i.network}</a></th>
<td>${i.kind}${i.primaryIncidentId && html`<br><span class="od-muted">of ${i.primaryIncidentId}</span>`}${collateralWhy(i)}</td>
<td>${i.status}</td>
<td>${place(i)}</td>
<td>${services(i)}</td>
<td class="od-nowrap">${minute(i.onsetAt)}<br><span class="od-muted">found +${delay} min</span></td>
<td class="od-nowrap">${minute(i.resolvedAt)}</td>
<td>${i.reportCount.toLocaleString('en-US')}<br><span class="od-muted">peak ${i.peak.count.toLocaleString('en-US')}/15 min</span></td>
<td>${incidentChart(i.series)}</td>
</tr>`;
}

export function incidentsSection(incidents: readonly StoredIncident[]): Html {
  return html`<h2>Incidents</h2>
<p>Found by detection from report volumes (times UTC). The chart shows reports per 15 minutes (red) against the expected baseline (grey).</p>
<div class="od-table-scroll" tabindex="0" role="region" aria-label="Incidents">
<table class="usa-table usa-table--compact usa-table--striped">
<thead><tr><th scope="col">Network</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Where</th><th scope="col">Services</th><th scope="col">Onset</th><th scope="col">Resolved</th><th scope="col">Reports</th><th scope="col">Against baseline</th></tr></thead>
<tbody>${incidents.length > 0 ? incidents.map(row) : html`<tr><td colspan="9">No incidents.</td></tr>`}</tbody>
</table></div>`;
}
