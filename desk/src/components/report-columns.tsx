// Columns of a reports table: reference (to the report page), when, carrier, services, place, contact.
import { createColumnHelper } from '@tanstack/table-core';
import { useMemo } from 'preact/hooks';
import { carrierName, serviceWord, stateAbbr } from '../names.js';
import { Link, reportHref } from '../router.js';
import type { Report } from '../types.js';
import type { DeskFeatures } from './data-table.js';
import { When } from './incident-cells.js';

const h = createColumnHelper<DeskFeatures, Report>();

export function place(r: Report, counties: Map<string, string> | undefined): string {
  const county = counties?.get(r.county);
  return county ? `${r.zip} · ${county}` : `${r.zip} · ${stateAbbr(r.state)}`;
}

/**
 * Lists never carry contact details (a list refreshes itself; a read of them is audited), so a
 * row says only that there are some; the report's own page shows them to those who may see them.
 */
export function ContactText({ r, inList = false }: { r: Report; inList?: boolean }) {
  if (r.contact) {
    const parts = [r.contact.name, r.contact.email, r.contact.phone].filter(Boolean);
    return parts.length ? <>{parts.join(' · ')}</> : <span class="od-muted">none given</span>;
  }
  if (!r.contactRedacted) return <span class="od-muted">none given</span>;
  return <span class="od-muted">{inList ? 'given: on the report page' : 'hidden: investigators only'}</span>;
}

export function useReportColumns(counties: Map<string, string> | undefined) {
  return useMemo(
    () => [
      h.accessor('reference', { header: 'Reference', cell: (c) => <Link class="od-mono" href={reportHref(c.row.original.id)}>{c.getValue()}</Link> }),
      h.accessor('receivedAt', { header: 'Received', cell: (c) => <When iso={c.getValue()} /> }),
      h.accessor((r) => carrierName(r.carrier), { id: 'carrier', header: 'Carrier' }),
      h.accessor((r) => r.services.map(serviceWord).join(', ') + (r.sosMode ? '; SOS shown' : ''), { id: 'services', header: 'Affected', enableSorting: false }),
      h.accessor((r) => place(r, counties), { id: 'place', header: 'ZIP · county' }),
      h.accessor('startedAt', { header: 'Started', cell: (c) => <When iso={c.getValue()} /> }),
      h.display({ id: 'contact', header: 'Contact', cell: (c) => <ContactText r={c.row.original} inList /> }),
    ],
    [counties],
  );
}
