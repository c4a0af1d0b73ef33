// GET /desk/incidents/:id — one incident for staff: what detection found and why, its curve
// against the baseline, and where it is on a map.
import type { StoredIncident } from '../incidents/index.js';
import { findCarrier } from '../reference/index.js';
import type { StaffUser } from '../staff/index.js';
import type { Assets } from './assets.js';
import { collateralReason, place } from './desk-incidents.js';
import { html, type Html } from './html.js';
import { incidentChartLarge } from './incident-chart.js';
import { layout, signOutForm } from './layout.js';
import { incidentMap } from './us-map.js';

const when = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'not yet');
const minutesBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 60_000);

function servicesMix(i: StoredIncident): string {
  return Object.entries(i.services)
    .sort(([, a], [, b]) => b - a)
    .map(([s, share]) => `${s} ${Math.round(share * 100)} %`)
    .join(', ');
}

/** The test that opened the incident, in words. */
function openingText(i: StoredIncident): string {
  const o = i.evidence?.opening;
  if (!o) return 'Opened by detection.';
  const who = o.calledNetwork ? `reporters naming ${o.calledNetwork} as the network they were calling` : 'reporters';
  return `Opened on ${o.windowMinutes} minutes of reports at ${o.level} level: ${o.observed} ${who} where ${o.expected} were expected ` +
    `(${o.ratio.toFixed(1)}x; tested against ${o.tested}), log-likelihood ratio ${o.llr}, ${o.elevatedMinutes} elevated minutes, ${Math.round(o.duplicateShare * 100)} % repeats.`;
}

function facts(i: StoredIncident): Html {
  const why = collateralReason(i);
  return html`<dl class="od-facts">
<dt>Status</dt><dd>${i.status}</dd>
<dt>Kind</dt><dd>${i.kind}${i.primaryIncidentId && html` of <a href="/desk/incidents/${encodeURIComponent(i.primaryIncidentId)}">${i.primaryIncidentId}</a>`}${why && html` — ${why}`}</dd>
<dt>Where</dt><dd>${place(i)} (${i.scope.level}: ${i.scope.regions.join(', ')})</dd>
<dt>Services</dt><dd>${servicesMix(i)}</dd>
<dt>Onset</dt><dd>${when(i.onsetAt)}</dd>
<dt>Detected</dt><dd>${when(i.detectedAt)} (${minutesBetween(i.onsetAt, i.detectedAt)} min after onset)</dd>
<dt>Resolved</dt><dd>${when(i.resolvedAt)}${i.resolvedAt && html` (lasted ${minutesBetween(i.onsetAt, i.resolvedAt)} min)`}</dd>
<dt>Reports</dt><dd>${i.reportCount.toLocaleString('en-US')}; peak ${i.peak.count.toLocaleString('en-US')} in 15 minutes from ${when(i.peak.at)}</dd>
</dl>`;
}

export function incidentPage(assets: Assets, user: StaffUser, i: StoredIncident): Html {
  const network = findCarrier(i.network)?.name ?? i.network;
  const main = html`<p><a href="/desk">Back to the desk</a></p>
<h1>${network} ${i.kind === 'collateral' ? 'collateral spike' : 'outage'}: ${place(i)}</h1>
<p class="od-muted">${i.id}</p>
${facts(i)}
<h2>Why detection opened it</h2>
<p>${openingText(i)}</p>
<h2>Reports against the baseline</h2>
<p>Reports per 15 minutes (red) and the expected count for the time of week (grey, dashed); times UTC.</p>
${incidentChartLarge(i.series)}
<h2>Where</h2>
${incidentMap(i.scope, `Map of the United States with ${place(i)} marked`)}`;
  return layout(assets, { title: `Incident ${i.id}`, main, headerExtra: signOutForm(user), wide: true });
}
