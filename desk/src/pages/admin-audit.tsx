// /desk/admin/audit — who read or changed what, filterable, newest first, cursor paging.
import { createColumnHelper } from '@tanstack/table-core';
import { useState } from 'preact/hooks';
import { query } from '../api.js';
import { DataTable, type DeskFeatures } from '../components/data-table.js';
import { When } from '../components/incident-cells.js';
import { ErrorAlert } from '../components/problem.js';
import type { AuditEvent, AuditPage } from '../types.js';
import { useApi } from '../use-api.js';
import { Pager } from './incidents-table.js';

const h = createColumnHelper<DeskFeatures, AuditEvent>();
const COLUMNS = [
  h.accessor('seq', { header: '#' }),
  h.accessor('at', { header: 'When', cell: (c) => <When iso={c.getValue()} /> }),
  h.accessor('actor', { header: 'Who' }),
  h.accessor('action', { header: 'Action', cell: (c) => <code>{c.getValue()}</code> }),
  h.accessor('target', { header: 'Target', cell: (c) => <span class="od-mono">{c.getValue()}</span> }),
  h.accessor((e) => (e.detail === null || e.detail === undefined || (typeof e.detail === 'object' && Object.keys(e.detail).length === 0) ? '' : JSON.stringify(e.detail)), { id: 'detail', header: 'Detail', enableSorting: false, cell: (c) => <span class="od-mono od-detail">{c.getValue()}</span> }),
];

interface Filters {
  actor: string;
  action: string;
  target: string;
  since: string;
  until: string;
}
const EMPTY: Filters = { actor: '', action: '', target: '', since: '', until: '' };

/** datetime-local is the viewer's time; the API takes ISO UTC. */
const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function AuditPage() {
  const [typed, setTyped] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useApi<AuditPage>(`/api/v1/audit${query({ ...filters, since: iso(filters.since), until: iso(filters.until), limit: 50, cursor })}`);
  const field = (k: keyof Filters, label: string, type = 'text') => (
    <div class="od-filter">
      <label class="usa-label" for={`audit-${k}`}>
        {label}
      </label>
      <input class="usa-input" id={`audit-${k}`} type={type} value={typed[k]} onInput={(e) => setTyped({ ...typed, [k]: e.currentTarget.value })} />
    </div>
  );
  return (
    <>
      <h1 tabIndex={-1}>Audit log</h1>
      <p>Every read of personal data and every change, chained so that an edit to the past shows.</p>
      <form
        class="od-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(typed);
          setCursors([]);
        }}
      >
        {field('actor', 'Who (email)')}
        {field('action', 'Action')}
        {field('target', 'Target')}
        {field('since', 'From (your time)', 'datetime-local')}
        {field('until', 'Until (your time)', 'datetime-local')}
        <div class="od-filter od-filter--button">
          <button class="usa-button" type="submit">
            Filter
          </button>
        </div>
      </form>
      <ErrorAlert error={page.error} heading="The audit log did not load" />
      <DataTable caption="Audit events, newest first" columns={COLUMNS} rows={page.data?.items ?? []} rowId={(e) => String(e.seq)} empty={page.loading ? 'Loading…' : 'No audit events match.'} />
      <Pager label="Audit pages" onNewer={cursor ? () => setCursors(cursors.slice(0, -1)) : undefined} onOlder={page.data?.nextCursor ? () => setCursors([...cursors, page.data!.nextCursor!]) : undefined} />
    </>
  );
}
