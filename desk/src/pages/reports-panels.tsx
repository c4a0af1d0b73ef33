// The reports side of the desk: find a report by the reference a caller quotes, and the
// newest reports (cursor paging; the first page refreshes itself as reports arrive).
import { useState } from 'preact/hooks';
import { api, ApiError, query } from '../api.js';
import { DataTable } from '../components/data-table.js';
import { ErrorAlert } from '../components/problem.js';
import { useReportColumns } from '../components/report-columns.js';
import { useLiveEvent } from '../live.js';
import { useCountyNames } from '../places.js';
import type { ReportPage } from '../types.js';
import { useApi } from '../use-api.js';
import { Pager } from './incidents-table.js';

export function ReferenceSearch() {
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<{ typed: string; page: ReportPage }>();
  const [error, setError] = useState<Error>();
  const counties = useCountyNames(Boolean(result?.page.items.length));
  const columns = useReportColumns(counties);
  const search = async (e: Event) => {
    e.preventDefault();
    const reference = typed.trim();
    if (!reference) return;
    setError(undefined);
    try {
      setResult({ typed: reference, page: await api.get<ReportPage>(`/api/v1/reports${query({ reference })}`) });
    } catch (err) {
      setResult(undefined);
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return (
    <section aria-labelledby="search-heading" class="od-search">
      <h2 id="search-heading">Find a report</h2>
      <form class="od-search__form" role="search" onSubmit={search}>
        <label class="usa-label" for="reference">
          Find a report by the reference the caller quotes
        </label>
        <span class="usa-hint" id="reference-hint">
          Like OD-7K3M-Q9XA-2B4D; spaces, dashes and lower case are fine.
        </span>
        <div class="od-search__row">
          <input class="usa-input" id="reference" name="reference" aria-describedby="reference-hint" autocomplete="off" spellcheck={false} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button class="usa-button" type="submit">
            Find
          </button>
        </div>
      </form>
      <ErrorAlert error={error} heading={error instanceof ApiError && error.problem.status === 400 ? 'That is not a reference' : undefined} />
      <div aria-live="polite">
        {result && result.page.items.length === 0 ? <p>No report has the reference {result.typed}.</p> : null}
        {result && result.page.items.length > 0 ? <DataTable caption={`Reports with reference ${result.typed}`} columns={columns} rows={result.page.items} rowId={(r) => r.id} empty="" /> : null}
      </div>
    </section>
  );
}

export function NewestReports() {
  // Cursors of the pages before this one, so "Newer" can step back.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const page = useApi<ReportPage>(`/api/v1/reports${query({ limit: 25, cursor })}`);
  const counties = useCountyNames(Boolean(page.data?.items.length));
  const columns = useReportColumns(counties);
  useLiveEvent('reports', () => {
    if (cursor === undefined) page.reload();
  });
  const items = page.data?.items ?? [];
  return (
    <section aria-labelledby="newest-heading">
      <h2 id="newest-heading">{cursor ? 'Older reports' : 'Newest reports'}</h2>
      <ErrorAlert error={page.error} heading="The reports did not load" />
      <DataTable
        caption={cursor ? 'Older reports, newest first' : 'Newest reports, newest first'}
        columns={columns}
        rows={items}
        rowId={(r) => r.id}
        empty={page.loading ? 'Loading reports…' : cursor ? 'No older reports.' : 'No reports yet. They appear here as people send them, through the public form or the API.'}
      />
      <Pager
        label="Report pages"
        newerText="Newer"
        onNewer={cursor ? () => setCursors(cursors.slice(0, -1)) : undefined}
        onOlder={page.data?.nextCursor ? () => setCursors([...cursors, page.data!.nextCursor!]) : undefined}
      />
    </section>
  );
}
