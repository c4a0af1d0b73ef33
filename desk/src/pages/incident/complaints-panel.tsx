// The complaints of an incident: its reports with server-side filters, order and cursor paging,
// and the downloads (CSV and JSON Lines with the same filters, the incident as JSON, the PDF
// dossier). Contact details are never in the table; exports carry them only for investigators
// and admins who do not ask for a redacted file. Investigators and admins detach a report from
// its row and attach one by its reference; detection never undoes either.
import { createColumnHelper } from '@tanstack/table-core';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, query } from '../../api.js';
import { DataTable, type DeskFeatures } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/problem.js';
import { useReportColumns } from '../../components/report-columns.js';
import { carrierName, serviceWord, STATE_LIST, stateName } from '../../names.js';
import { useCountyNames } from '../../places.js';
import type { IncidentDetail, Me, Report, ReportPage } from '../../types.js';
import { useAction } from '../../use-action.js';
import { useApi } from '../../use-api.js';
import { Pager } from '../incidents-table.js';

const CARRIERS = ['att', 'cricket', 'verizon', 'visible', 'tmobile', 'metro', 'mint', 'uscellular', 'boost', 'other'];
const SERVICES = ['voice', 'sms', 'data', '911'];

interface Filters {
  zip: string;
  county: string;
  state: string;
  carrier: string;
  service: string;
  sos: string;
  since: string;
  until: string;
  q: string;
  order: string;
  jurisdiction: string;
}

const EMPTY: Filters = { zip: '', county: '', state: '', carrier: '', service: '', sos: '', since: '', until: '', q: '', order: 'newest', jurisdiction: '' };

const h = createColumnHelper<DeskFeatures, Report>();

export function ComplaintsPanel({ i, me, reload }: { i: IncidentDetail; me: Me; reload: () => void }) {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [cursors, setCursors] = useState<string[]>([]);
  const base = `/api/v1/incidents/${encodeURIComponent(i.id)}`;
  const params = { ...filters, order: filters.order === 'newest' ? '' : filters.order };
  const page = useApi<ReportPage>(`${base}/reports${query({ ...params, limit: 25, cursor: cursors.at(-1) })}`);
  const counties = useCountyNames(Boolean(page.data?.items.length));
  // A staff change on the case (a merge, a split) changes which reports are the incident's.
  const changes = useRef(i.case.timeline.length);
  useEffect(() => {
    if (changes.current === i.case.timeline.length) return;
    changes.current = i.case.timeline.length;
    page.reload();
  }, [i.case.timeline.length]);
  const canAct = me.role !== 'analyst';
  const [done, setDone] = useState('');
  const changed = useAction(reload); // the new timeline entry reloads the page (above)
  const link = (r: { id: string; reference: string }, what: 'attach' | 'detach') => changed.act(async () => {
    setDone('');
    await api.post(`${base}/reports/${encodeURIComponent(r.id)}/${what}`, {});
    setDone(`Report ${r.reference} ${what === 'attach' ? 'attached to' : 'detached from'} this incident.`);
  });
  const reportColumns = useReportColumns(counties);
  const columns = useMemo(() => (canAct ? [...reportColumns, h.display({
    id: 'detach', header: 'Case',
    cell: (c) => <button type="button" class="usa-button usa-button--unstyled" aria-label={`Detach ${c.row.original.reference}`} onClick={() => void link(c.row.original, 'detach')}>Detach</button>,
  })] : reportColumns), [reportColumns, canAct, base]);
  const set = (k: keyof Filters) => (e: Event) => setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  const apply = (e: Event) => {
    e.preventDefault();
    setCursors([]);
    setFilters(draft);
  };
  const redacted = me.role === 'analyst';
  const exportQuery = query({ ...params, redacted: redacted ? 'true' : '' });
  const j = i.impact.jurisdiction;
  return (
    <section aria-labelledby="complaints-heading">
      <h2 id="complaints-heading">Complaints</h2>
      {j ? <p>{stateName(j.state)} residents: <strong>{j.reports.toLocaleString('en-US')}</strong> reports of {i.impact.reports.toLocaleString('en-US')}.</p> : null}
      <form class="od-filters" onSubmit={apply} aria-label="Filter the complaints">
        <div class="od-filter"><label class="usa-label" for="cf-zip">ZIP</label><input class="usa-input" id="cf-zip" inputMode="numeric" pattern="[0-9]{5}" value={draft.zip} onInput={set('zip')} /></div>
        <div class="od-filter"><label class="usa-label" for="cf-county">County (5-digit FIPS)</label><input class="usa-input" id="cf-county" inputMode="numeric" pattern="[0-9]{5}" value={draft.county} onInput={set('county')} /></div>
        <div class="od-filter"><label class="usa-label" for="cf-state">State</label>
          <select class="usa-select" id="cf-state" value={draft.state} onChange={set('state')}><option value="">Any</option>{STATE_LIST.map((s) => <option key={s.fips} value={s.fips}>{s.name}</option>)}</select></div>
        <div class="od-filter"><label class="usa-label" for="cf-carrier">Carrier</label>
          <select class="usa-select" id="cf-carrier" value={draft.carrier} onChange={set('carrier')}><option value="">Any</option>{CARRIERS.map((c) => <option key={c} value={c}>{carrierName(c)}</option>)}</select></div>
        <div class="od-filter"><label class="usa-label" for="cf-service">Service</label>
          <select class="usa-select" id="cf-service" value={draft.service} onChange={set('service')}><option value="">Any</option>{SERVICES.map((s) => <option key={s} value={s}>{serviceWord(s)}</option>)}</select></div>
        <div class="od-filter"><label class="usa-label" for="cf-sos">SOS mode</label>
          <select class="usa-select" id="cf-sos" value={draft.sos} onChange={set('sos')}><option value="">Either</option><option value="true">SOS shown</option><option value="false">No SOS</option></select></div>
        <div class="od-filter"><label class="usa-label" for="cf-since">Received from (UTC, ISO)</label><input class="usa-input" id="cf-since" placeholder="2024-02-22T12:00:00Z" value={draft.since} onInput={set('since')} /></div>
        <div class="od-filter"><label class="usa-label" for="cf-until">Received before (UTC, ISO)</label><input class="usa-input" id="cf-until" placeholder="2024-02-22T13:00:00Z" value={draft.until} onInput={set('until')} /></div>
        <div class="od-filter"><label class="usa-label" for="cf-q">Words in the description</label><input class="usa-input" id="cf-q" type="search" value={draft.q} onInput={set('q')} /></div>
        <div class="od-filter"><label class="usa-label" for="cf-order">Order</label>
          <select class="usa-select" id="cf-order" value={draft.order} onChange={set('order')}><option value="newest">Newest first</option><option value="oldest">Oldest first</option></select></div>
        {j ? <div class="od-filter"><label class="usa-label" for="cf-jur">Residents</label>
          <select class="usa-select" id="cf-jur" value={draft.jurisdiction} onChange={set('jurisdiction')}><option value="">Everyone</option><option value="true">{stateName(j.state)} only</option></select></div> : null}
        <div class="od-filter od-filter--button"><button class="usa-button" type="submit">Filter</button></div>
      </form>
      <ErrorAlert error={page.error} heading="The complaints did not load" />
      {canAct ? <AttachForm onAttach={(r) => link(r, 'attach')} /> : null}
      <ErrorAlert error={changed.error} heading="That did not work" />
      {done ? <div class="usa-alert usa-alert--success usa-alert--slim od-done" role="status"><div class="usa-alert__body"><p class="usa-alert__text">{done}</p></div></div> : null}
      <DataTable caption="Complaints of this incident" columns={columns} rows={page.data?.items ?? []} rowId={(r) => r.id} empty={page.loading ? 'Loading complaints…' : 'No complaints match.'} />
      <Pager label="Complaint pages" newerText="Previous" onNewer={cursors.length ? () => setCursors(cursors.slice(0, -1)) : undefined} onOlder={page.data?.nextCursor ? () => setCursors([...cursors, page.data!.nextCursor!]) : undefined} />
      <h3>Downloads</h3>
      <ul class="od-downloads">
        <li><a href={`${base}/dossier.pdf`} download>PDF dossier</a> <span class="od-muted">(complaint sample redacted)</span></li>
        <li><a href={`${base}/reports.csv${exportQuery}`} download>Complaints as CSV</a> <span class="od-muted">({redacted ? 'contact details redacted' : 'with contact details; audited'}, with the filters above)</span></li>
        <li><a href={`${base}/reports.jsonl${exportQuery}`} download>Complaints as JSON Lines</a></li>
        <li><a href={`${base}/export.json`} download>The incident as JSON</a></li>
      </ul>
    </section>
  );
}

/** Attach a report by the reference a caller quotes (the reports list forgives case, spaces and look-alike letters). */
function AttachForm({ onAttach }: { onAttach: (r: Report) => Promise<void> }) {
  const [reference, setReference] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const found = await api.get<ReportPage>(`/api/v1/reports${query({ reference: reference.trim(), limit: 1 })}`);
      const r = found.items[0];
      if (!r) throw new Error(`No report has the reference ${reference.trim()}.`);
      await onAttach(r);
      setReference('');
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return (
    <form class="od-inline-form" onSubmit={(e) => void submit(e)} aria-label="Attach a report">
      <div class="od-filter">
        <label class="usa-label" for="cf-attach">Attach a report by its reference</label>
        <input class="usa-input od-mono" id="cf-attach" value={reference} placeholder="OD-…" autoComplete="off" onInput={(e) => setReference(e.currentTarget.value)} />
      </div>
      <button class="usa-button usa-button--outline" type="submit" disabled={!reference.trim()}>Attach</button>
      <ErrorAlert error={error} heading="Not attached" />
    </form>
  );
}
