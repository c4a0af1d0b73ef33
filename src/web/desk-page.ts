// GET /desk — the minimal staff page: the 50 newest reports as a server-rendered table.
// Rows are ReportView (report-presenter.ts), so an analyst's rows carry no contact details.
import type { ReportView } from '../http/report-presenter.js';
import type { StoredIncident } from '../incidents/index.js';
import { countyName, findCarrier, stateAbbr } from '../reference/index.js';
import type { StaffUser } from '../staff/index.js';
import type { Assets } from './assets.js';
import { html, type Html } from './html.js';
import { incidentsSection } from './desk-incidents.js';
import { layout, signOutForm } from './layout.js';

export const DESK_PAGE_SIZE = 50;
export const DESK_INCIDENTS = 20;

const carrierName = (id: string): string => findCarrier(id)?.name ?? id;

const minute = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function contactCell(r: ReportView): Html {
  if (r.contactRedacted) return html`<span class="od-muted">hidden (investigators only)</span>`;
  const c = r.contact;
  if (!c || !(c.name || c.email || c.phone)) return html`<span class="od-muted">none</span>`;
  return html`${[c.name, c.email, c.phone].filter(Boolean).map((v, i) => html`${i > 0 && html`<br>`}${v}`)}${r.consentToContact ? '' : html`<br><span class="od-muted">no consent</span>`}`;
}

function row(r: ReportView): Html {
  return html`<tr>
<td>${minute(r.receivedAt)}</td>
<th scope="row" class="od-nowrap">${r.reference}</th>
<td>${carrierName(r.carrier)}${r.carrier !== r.network && html` <span class="od-muted">(${r.network} network)</span>`}</td>
<td>${r.services.join(', ')}${r.sosMode && ', SOS'}</td>
<td>${r.zip} ${stateAbbr(r.state) ?? r.state}<br><span class="od-muted">${countyName(r.county) ?? 'county'} (${r.county})</span></td>
<td>${minute(r.startedAt)}${r.endedAt && html`<br>back ${minute(r.endedAt)}`}</td>
<td>${r.calledCarrier && carrierName(r.calledCarrier)}</td>
<td class="od-description">${r.description}</td>
<td>${contactCell(r)}</td>
</tr>`;
}

/** What the reports table shows: the newest, or what a reference search found. */
export interface ReportsShown {
  reports: readonly ReportView[];
  /** The reference searched for as typed, and its normalized form (undefined if it cannot be one). */
  search?: { typed: string; reference: string | undefined };
}

function referenceSearch(search: ReportsShown['search']): Html {
  const bad = search && !search.reference;
  return html`<form class="usa-form od-reference-search" method="get" action="/desk" role="search">
<label class="usa-label" for="reference">Find a report by the reference the caller quotes</label>
${bad ? html`<span class="usa-error-message" id="reference-error">"${search.typed}" is not a reference (OD-XXXX-XXXX-XXXX)</span>` : ''}
<input class="usa-input${bad ? ' usa-input--error' : ''}" id="reference" name="reference" type="search" autocomplete="off" value="${search?.typed ?? ''}"${bad ? html` aria-describedby="reference-error" aria-invalid="true"` : ''}>
<button class="usa-button" type="submit">Find</button>
</form>`;
}

function reportsHeading(shown: ReportsShown): Html {
  const s = shown.search;
  if (!s) return html`<h2>Newest reports</h2>
<p>The ${DESK_PAGE_SIZE} most recent reports, newest first.</p>`;
  const found = s.reference && shown.reports.length > 0;
  return html`<h2>${found ? html`Report ${s.reference}` : 'No report found'}</h2>
<p><a href="/desk">Back to the newest reports</a></p>`;
}

export function deskPage(assets: Assets, user: StaffUser, shown: ReportsShown, incidents: readonly StoredIncident[] = []): Html {
  const { reports } = shown;
  const headerExtra = signOutForm(user);
  const main = html`<h1>Desk</h1>
${referenceSearch(shown.search)}
${incidentsSection(incidents)}
${reportsHeading(shown)}
<div class="od-table-scroll" tabindex="0" role="region" aria-label="Reports">
<table class="usa-table usa-table--compact usa-table--striped">
<thead><tr><th scope="col">Received</th><th scope="col">Reference</th><th scope="col">Carrier</th><th scope="col">Not working</th><th scope="col">Place</th><th scope="col">Started</th><th scope="col">Calling</th><th scope="col">Description</th><th scope="col">Contact</th></tr></thead>
<tbody>${reports.length > 0 ? reports.map(row) : html`<tr><td colspan="9">No reports yet.</td></tr>`}</tbody>
</table></div>`;
  // A search result does not move; only the live view reloads itself.
  return layout(assets, { title: 'Desk', main, headerExtra, refreshSeconds: shown.search ? undefined : 15, wide: true });
}
