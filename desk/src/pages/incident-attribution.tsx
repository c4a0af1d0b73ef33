// The incident's attribution panel: one timeline of its markers (onset … restoration), the
// statements and the claims of responsibility, each claim's verdict with its reasons, and forms
// to add a statement or a claim (investigators and admins). Everything people wrote is shown as
// text: links too, never followed from here.
import type { AttributionView, Claim, Marker, Statement, Timing } from '../types.js';
import { ErrorAlert, Loading } from '../components/problem.js';
import { utc } from '../format.js';
import { useLiveEvent } from '../live.js';
import '../styles/attribution.scss';
import type { Me } from '../types.js';
import { useApi } from '../use-api.js';
import { ClaimForm, StatementForm } from './incident-attribution-forms.js';

const MARKER_WORDS: Record<Marker['kind'], string> = {
  onset: 'Outage began', 'first-report': 'First crowd report', detection: 'Detected', 'first-media': 'First media item',
  'first-official': 'First official statement', restoration: 'Service restored',
};
const TIMING_WORDS: Record<Timing, string> = {
  'pre-onset': 'before the outage began', 'before-public': 'during the outage, before it was public',
  'after-public': 'during the outage, after it was public', 'after-restoration': 'after service was restored',
};
const MALICIOUS_WORDS = { 'none-seen': 'no malicious activity seen', possible: 'malicious activity possible', confirmed: 'malicious activity confirmed' } as const;

type Entry = { at: string; key: string } & ({ marker: Marker } | { statement: Statement } | { claim: Claim });

function entries(v: AttributionView): Entry[] {
  const all: Entry[] = [
    ...v.markers.map((marker) => ({ at: marker.at, key: `m-${marker.kind}`, marker })),
    ...v.statements.map((statement) => ({ at: statement.saidAt, key: `s-${statement.id}`, statement })),
    ...v.claims.map((claim) => ({ at: claim.claimedAt, key: `c-${claim.id}`, claim })),
  ];
  return all.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function assertsWords(a: Statement['asserts']): string {
  return [
    a.cause ? `cause: ${a.cause}` : '',
    a.maliciousActivity ? MALICIOUS_WORDS[a.maliciousActivity] : '',
    a.restoration ? 'service restored' : '',
    a.creditOffered ? `credit offered: ${a.creditOffered.description}${a.creditOffered.amountUsd !== null ? ` ($${a.creditOffered.amountUsd})` : ''}` : '',
  ].filter(Boolean).join('; ');
}

function Link({ url }: { url: string | null }) {
  return url ? <p class="od-att__link">Link (as given, not followed): <span class="od-mono">{url}</span></p> : null;
}

function VerdictTag({ verdict }: { verdict: Claim['assessment']['verdict'] }) {
  return <span class={`od-tag od-verdict od-verdict--${verdict}`}>{verdict}</span>;
}

function TimelineItem({ e }: { e: Entry }) {
  if ('marker' in e) {
    return (
      <li class="od-att__item od-att__item--marker">
        <span class="od-att__when">{utc(e.at)}</span>
        <strong>{MARKER_WORDS[e.marker.kind]}</strong> <span class="od-muted">— {e.marker.by}</span>
      </li>
    );
  }
  if ('statement' in e) {
    const s = e.statement;
    const words = assertsWords(s.asserts);
    return (
      <li class="od-att__item od-att__item--statement">
        <span class="od-att__when">{utc(e.at)}</span>
        <strong>Statement</strong> by {s.speaker} <span class="od-muted">({s.source})</span>
        <p class="od-att__text">{s.text}</p>
        {words ? <p class="od-att__asserts">Asserts: {words}</p> : null}
        <Link url={s.url} />
      </li>
    );
  }
  const c = e.claim;
  return (
    <li class="od-att__item od-att__item--claim">
      <span class="od-att__when">{utc(e.at)}</span>
      <strong>Claim</strong> by {c.actor} <span class="od-muted">(via {c.channel})</span> <VerdictTag verdict={c.assessment.verdict} />
    </li>
  );
}

function ClaimCard({ c }: { c: Claim }) {
  const a = c.assessment;
  return (
    <article class="od-att__claim" aria-labelledby={`claim-${c.id}`}>
      <h4 id={`claim-${c.id}`}>
        {c.actor} <VerdictTag verdict={a.verdict} />
      </h4>
      <p class="od-muted">
        Claimed {utc(c.claimedAt)} via {c.channel}: {TIMING_WORDS[a.timing]}
        {a.postEvent ? '; post-event' : ''}. Method claimed: {c.claimedMethod}
        {c.claimedScope ? `; where: ${c.claimedScope.level} ${c.claimedScope.regions.join(', ')}` : ''}
        {c.claimedAttackAt ? `; attack said to begin ${utc(c.claimedAttackAt)}` : ''}.
      </p>
      <p class="od-att__text">{c.text}</p>
      <Link url={c.url} />
      <p class="od-att__reasons-label">Why {a.verdict}:</p>
      <ul class="od-att__reasons">
        {a.reasons.map((r, k) => <li key={k}>{r}</li>)}
      </ul>
    </article>
  );
}

export function IncidentAttribution({ id }: { id: string }) {
  const path = `/api/v1/incidents/${encodeURIComponent(id)}`;
  const view = useApi<AttributionView>(`${path}/attribution`);
  const me = useApi<Me>('/api/v1/me');
  // The incident's times are the markers the claims are timed against: reassess when it changes.
  useLiveEvent('incident', (i) => {
    if (i.id === id) view.reload();
  });
  const v = view.data;
  const writer = me.data?.role === 'admin' || me.data?.role === 'investigator';
  return (
    <section class="od-att" aria-labelledby="attribution-heading">
      <h2 id="attribution-heading">Statements and claims of responsibility</h2>
      <ErrorAlert error={view.error} heading="The statements and claims did not load" />
      {!v ? (view.error ? null : <Loading what="the statements and claims" />) : (
        <>
          <p class="od-prose od-muted">
            Public from {utc(v.publicFrom.at)} ({v.publicFrom.by}). A claim first made after that is post-event: the usual pattern of false claims.
          </p>
          <h3>Timeline</h3>
          <ol class="od-att__timeline">
            {entries(v).map((e) => <TimelineItem key={e.key} e={e} />)}
          </ol>
          <h3>Claims and their verdicts</h3>
          {v.claims.length === 0 ? <p>No claim of responsibility on record.</p> : v.claims.map((c) => <ClaimCard key={c.id} c={c} />)}
        </>
      )}
      {writer ? (
        <div class="od-att__forms">
          <StatementForm path={path} done={view.reload} />
          <ClaimForm path={path} done={view.reload} />
        </div>
      ) : null}
    </section>
  );
}
