// How one incident reads in a table cell or a fact list: the same words on every page.
import { count, duration, local, utc } from '../format.js';
import { networkName, statusWord } from '../names.js';
import { incidentHref, Link } from '../router.js';
import type { IncidentSummary } from '../types.js';

export function When({ iso, label }: { iso: string | null; label?: string }) {
  if (!iso) return <span class="od-muted">—</span>;
  return (
    <span class="od-when">
      <time dateTime={iso}>{label ? `${label} ` : ''}{utc(iso)}</time>
      <span class="od-muted od-when__local">{local(iso)}</span>
    </span>
  );
}

export function StatusTag({ status }: { status: string }) {
  return <span class={`od-tag od-tag--${status}`}>{statusWord(status)}</span>;
}

/** "primary", or "collateral of AT&T" linking to the primary incident. */
export function KindText({ i, primaryNetwork }: { i: IncidentSummary; primaryNetwork?: string | undefined }) {
  if (i.kind !== 'collateral') return <>primary</>;
  const of = primaryNetwork ? networkName(primaryNetwork) : i.primaryIncidentId ? networkName(i.primaryIncidentId.split('-')[0]!) : undefined;
  return (
    <>
      collateral
      {i.primaryIncidentId ? (
        <>
          {' '}of <Link href={incidentHref(i.primaryIncidentId)}>{of ?? i.primaryIncidentId}</Link>
        </>
      ) : null}
    </>
  );
}

export function DurationText({ i, now }: { i: IncidentSummary; now: number }) {
  return <span class={i.resolvedAt ? 'od-nowrap' : 'od-nowrap od-ongoing'}>{duration(i.onsetAt, i.resolvedAt, now)}</span>;
}

export function DetectedText({ i }: { i: IncidentSummary }) {
  const delay = Math.round((Date.parse(i.detectedAt) - Date.parse(i.onsetAt)) / 60_000);
  return (
    <span class="od-when">
      <time dateTime={i.detectedAt}>{utc(i.detectedAt)}</time>
      <span class="od-muted od-when__local">{delay} min after onset</span>
    </span>
  );
}

export function PeakText({ i }: { i: IncidentSummary }) {
  return (
    <span class="od-when">
      <span>{count(i.peak.count)} / 15 min</span>
      <span class="od-muted od-when__local">at {utc(i.peak.at).slice(-9)}</span>
    </span>
  );
}
