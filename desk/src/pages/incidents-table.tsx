// The incidents list: filters, one page from the server (limit/offset), live rows.
import { createColumnHelper } from '@tanstack/table-core';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { query } from '../api.js';
import { DataTable, type DeskFeatures } from '../components/data-table.js';
import { DetectedText, DurationText, KindText, PeakText, StatusTag, When } from '../components/incident-cells.js';
import { ErrorAlert } from '../components/problem.js';
import { count } from '../format.js';
import { useLiveEvent } from '../live.js';
import { mainServices, networkName, NETWORKS } from '../names.js';
import { scopeWords, useCountyNames } from '../places.js';
import { incidentHref, Link } from '../router.js';
import type { IncidentPage, IncidentSummary } from '../types.js';
import { useApi } from '../use-api.js';
import { useNow } from '../use-now.js';

const PAGE = 50;
const h = createColumnHelper<DeskFeatures, IncidentSummary>();

interface Filters {
  status: string;
  network: string;
  kind: string;
}

/** As the API's `status=open` (src/incidents/queries.ts): a dismissed incident is not open either. */
const OPEN_STATUSES: ReadonlySet<string> = new Set(['suspected', 'confirmed']);

function matches(i: IncidentSummary, f: Filters): boolean {
  const status = f.status === 'open' ? OPEN_STATUSES.has(i.status) : !f.status || i.status === f.status;
  return status && (!f.network || i.network === f.network) && (!f.kind || i.kind === f.kind);
}

function useColumns(now: number, counties: Map<string, string> | undefined) {
  return useMemo(
    () => [
      h.accessor((i) => networkName(i.network), { id: 'network', header: 'Network', cell: (c) => <Link href={incidentHref(c.row.original.id)}>{c.getValue()}</Link> }),
      h.accessor('status', { header: 'Status', cell: (c) => <StatusTag status={c.getValue()} /> }),
      h.accessor('kind', { header: 'Kind', cell: (c) => <KindText i={c.row.original} /> }),
      h.accessor((i) => scopeWords(i.scope, counties), { id: 'scope', header: 'Where', enableSorting: false }),
      h.accessor((i) => mainServices(i.services), { id: 'services', header: 'Services', enableSorting: false }),
      h.accessor('onsetAt', { header: 'Onset', cell: (c) => <When iso={c.getValue()} /> }),
      h.accessor('detectedAt', { header: 'Detected', cell: (c) => <DetectedText i={c.row.original} /> }),
      h.accessor((i) => (i.resolvedAt ? Date.parse(i.resolvedAt) : now) - Date.parse(i.onsetAt), { id: 'duration', header: 'Duration', cell: (c) => <DurationText i={c.row.original} now={now} /> }),
      h.accessor('reportCount', { header: 'Reports', cell: (c) => count(c.getValue()) }),
      h.accessor((i) => i.peak.count, { id: 'peak', header: 'Peak', cell: (c) => <PeakText i={c.row.original} /> }),
    ],
    [now, counties],
  );
}

export function IncidentsTable({ announce }: { announce: (text: string) => void }) {
  const [filters, setFilters] = useState<Filters>({ status: '', network: '', kind: '' });
  const [offset, setOffset] = useState(0);
  const page = useApi<IncidentPage>(`/api/v1/incidents${query({ limit: PAGE, offset, ...filters })}`);
  const [rows, setRows] = useState<IncidentSummary[]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const now = useNow(30_000);
  useEffect(() => {
    if (page.data) setRows(page.data.items);
  }, [page.data]);
  const counties = useCountyNames(rows.some((i) => i.scope.level === 'county'));
  const columns = useColumns(now, counties);

  useLiveEvent('incident', (i) => {
    const known = rows.some((r) => r.id === i.id);
    if (!known && (offset > 0 || !matches(i, filters))) return;
    setRows((old) => (known ? old.map((r) => (r.id === i.id ? i : r)) : [i, ...old].sort((a, b) => b.onsetAt.localeCompare(a.onsetAt))));
    setFresh((f) => new Set([...f, i.id]));
    if (!known) announce(`New incident: ${networkName(i.network)}, ${i.kind}`);
  });

  const set = (k: keyof Filters) => (e: Event) => {
    setFilters({ ...filters, [k]: (e.currentTarget as HTMLSelectElement).value });
    setOffset(0);
  };
  const anyFilter = filters.status || filters.network || filters.kind;
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">Incidents</h2>
      <form class="od-filters" onSubmit={(e) => e.preventDefault()}>
        <Select id="f-status" label="Status" value={filters.status} onChange={set('status')} options={[['', 'Any status'], ['open', 'Open (suspected or confirmed)'], ['suspected', 'Suspected'], ['confirmed', 'Confirmed'], ['resolved', 'Resolved'], ['dismissed', 'Dismissed']]} />
        <Select id="f-network" label="Network" value={filters.network} onChange={set('network')} options={[['', 'Every network'], ...NETWORKS.map((n): [string, string] => [n.id, n.name])]} />
        <Select id="f-kind" label="Kind" value={filters.kind} onChange={set('kind')} options={[['', 'Primary and collateral'], ['primary', 'Primary'], ['collateral', 'Collateral']]} />
      </form>
      <ErrorAlert error={page.error} heading="The incidents did not load" />
      <DataTable
        caption="Incidents, newest onset first"
        columns={columns}
        rows={rows}
        rowId={(i) => i.id}
        fresh={fresh}
        empty={page.loading ? 'Loading incidents…' : anyFilter ? 'No incident matches these filters.' : 'No incidents yet: detection opens one when reports rise above the expected level.'}
      />
      <p class="od-muted od-table-note">Times in UTC, with your time ({Intl.DateTimeFormat().resolvedOptions().timeZone}) below. Peak: most reports in 15 minutes.</p>
      <Pager
        label="Incident pages"
        onNewer={offset > 0 ? () => setOffset(Math.max(0, offset - PAGE)) : undefined}
        onOlder={page.data?.nextOffset != null ? () => setOffset(page.data!.nextOffset!) : undefined}
      />
    </section>
  );
}

export function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (e: Event) => void; options: Array<[string, string]> }) {
  return (
    <div class="od-filter">
      <label class="usa-label" for={id}>
        {label}
      </label>
      <select class="usa-select" id={id} value={value} onChange={onChange}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Pager({ label, onNewer, onOlder, newerText = 'Newer', olderText = 'Older' }: { label: string; onNewer: (() => void) | undefined; onOlder: (() => void) | undefined; newerText?: string; olderText?: string }) {
  if (!onNewer && !onOlder) return null;
  return (
    <nav class="od-pager" aria-label={label}>
      <button type="button" class="usa-button usa-button--outline" disabled={!onNewer} onClick={onNewer}>
        ← {newerText}
      </button>
      <button type="button" class="usa-button usa-button--outline" disabled={!onOlder} onClick={onOlder}>
        {olderText} →
      </button>
    </nav>
  );
}
