// A sortable table of one page of rows, built with @tanstack/table-core (headless: it orders
// the rows and tracks the sort; the markup here is USWDS's table). Sorting is within the page;
// paging is the server's (limit/offset or cursor), done by the caller.
import {
  constructTable,
  createSortedRowModel,
  functionalUpdate,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/table-core';
import { flexRender } from '@tanstack/table-core/flex-render';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';

export const tableFeaturesForDesk = tableFeatures({
  coreReactivityFeature: storeReactivityBindings(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
export type DeskFeatures = typeof tableFeaturesForDesk;
// Columns of one table have different value types; the helper checks each where it is made.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DeskColumn<T extends RowData> = ColumnDef<DeskFeatures, T, any>;

interface Props<T extends RowData> {
  caption: string;
  columns: Array<DeskColumn<T>>;
  rows: T[];
  rowId: (row: T) => string;
  empty: ComponentChildren;
  /** Rows to mark as just changed (live updates). */
  fresh?: ReadonlySet<string>;
}

export function DataTable<T extends RowData>({ caption, columns, rows, rowId, empty, fresh }: Props<T>) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useMemo(
    () =>
      constructTable({
        features: tableFeaturesForDesk,
        columns,
        data: rows,
        getRowId: rowId,
        state: { sorting },
        onSortingChange: (u) => setSorting((old) => functionalUpdate(u, old)),
      }),
    [columns, rows, sorting],
  );
  const body = table.getRowModel().rows;
  return (
    <div class="od-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="usa-table usa-table--compact usa-table--striped od-table">
        <caption class="usa-sr-only">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const dir = h.column.getIsSorted();
                const label = flexRender(h.column.columnDef.header, h.getContext()) as ComponentChildren;
                return (
                  <th key={h.id} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                    {h.column.getCanSort() ? (
                      <button type="button" class="od-sort" onClick={h.column.getToggleSortingHandler()}>
                        {label}
                        <span aria-hidden="true" class="od-sort__mark">
                          {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ' ↕'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {body.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty}</td>
            </tr>
          ) : (
            body.map((r) => (
              <tr key={r.id} class={fresh?.has(r.id) ? 'od-fresh' : undefined}>
                {r.getAllCells().map((c, i) => {
                  const content = flexRender(c.column.columnDef.cell, c.getContext()) as ComponentChildren;
                  return i === 0 ? (
                    <th key={c.id} scope="row">
                      {content}
                    </th>
                  ) : (
                    <td key={c.id}>{content}</td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
