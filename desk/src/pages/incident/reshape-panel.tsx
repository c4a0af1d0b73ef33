// Merge and split (investigators and admins): merge another incident of the same network and
// time into this one, or split the reports of some states off into a new incident. Both ask to
// be confirmed, then say what happened; each report stays in exactly one incident (the server's rule).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query } from '../../api.js';
import { ErrorAlert } from '../../components/problem.js';
import { utc } from '../../format.js';
import { stateName, statusWord } from '../../names.js';
import { scopeWords } from '../../places.js';
import { Link, incidentHref } from '../../router.js';
import type { IncidentCounties, IncidentDetail, IncidentPage, Me, NewIncident } from '../../types.js';
import { useAction } from '../../use-action.js';
import { useApi } from '../../use-api.js';

interface Props {
  i: IncidentDetail;
  me: Me;
  counties: IncidentCounties | undefined;
  reload: () => void;
}

export function ReshapePanel({ i, me, counties, reload }: Props) {
  if (me.role === 'analyst') return null;
  const merged = i.case.timeline.some((e) => e.action === 'merged');
  return (
    <section aria-labelledby="reshape-heading">
      <h2 id="reshape-heading">Merge and split</h2>
      {merged ? <p class="od-muted">This incident was merged into another; merge or split that one.</p> : (
        <>
          <MergeForm i={i} reload={reload} />
          <SplitForm i={i} counties={counties} reload={reload} />
        </>
      )}
    </section>
  );
}

function Done({ children }: { children: ComponentChildren }) {
  return <div class="usa-alert usa-alert--success usa-alert--slim od-done" role="status"><div class="usa-alert__body"><p class="usa-alert__text">{children}</p></div></div>;
}

/** Incidents of the same network active during this one (the API's since/until). */
function MergeForm({ i, reload }: { i: IncidentDetail; reload: () => void }) {
  const list = useApi<IncidentPage>(`/api/v1/incidents${query({ network: i.network, since: i.onsetAt, until: i.resolvedAt ?? undefined, limit: 50 })}`);
  const candidates = (list.data?.items ?? []).filter((c) => c.id !== i.id);
  const [from, setFrom] = useState('');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState('');
  const { error, act } = useAction(() => { list.reload(); reload(); });
  const chosen = candidates.find((c) => c.id === from);
  const merge = () => act(async () => {
    await api.post(`/api/v1/incidents/${encodeURIComponent(i.id)}/merge`, { from });
    setDone(from);
    setAsking(false);
    setFrom('');
  });
  return (
    <>
      <h3>Merge another incident into this one</h3>
      <form class="od-inline-form" onSubmit={(e) => { e.preventDefault(); setDone(''); setAsking(true); }}>
        <div class="od-filter od-filter--wide">
          <label class="usa-label" for="merge-from">Incident (same network, overlapping in time)</label>
          <select class="usa-select" id="merge-from" value={from} onChange={(e) => { setFrom(e.currentTarget.value); setAsking(false); }}>
            <option value="">{list.loading && !list.data ? 'Loading…' : candidates.length ? 'Choose an incident' : 'None found'}</option>
            {candidates.map((c) => <option key={c.id} value={c.id}>{`${c.id} — ${statusWord(c.status)}, ${scopeWords(c.scope)}, from ${utc(c.onsetAt)}`}</option>)}
          </select>
        </div>
        <button class="usa-button usa-button--outline" type="submit" disabled={!chosen}>Merge…</button>
      </form>
      {asking && chosen ? (
        <Confirm
          text={<>Merge <span class="od-mono">{chosen.id}</span> ({scopeWords(chosen.scope)}) into this incident? Its reports join this one, each once; it is dismissed as merged.</>}
          yes="Yes, merge" onYes={() => void merge()} onNo={() => setAsking(false)}
        />
      ) : null}
      <ErrorAlert error={error ?? list.error} heading="Not merged" />
      {done ? <Done>Merged <Link class="od-mono" href={incidentHref(done)}>{done}</Link> into this incident; the counts below include its reports.</Done> : null}
    </>
  );
}

/** The states this incident's reports came from (by county), or its scope's, but those split off already. */
function statesOf(i: IncidentDetail, counties: IncidentCounties | undefined): string[] {
  const fromReports = (counties?.items ?? []).map((c) => c.county.slice(0, 2));
  const fromScope = i.scope.level === 'state' ? i.scope.regions : i.scope.level === 'county' ? i.scope.regions.map((c) => c.slice(0, 2)) : [];
  const gone = new Set(i.case.timeline.filter((e) => e.action === 'split' && e.region?.level === 'state').flatMap((e) => e.region!.regions));
  return [...new Set([...fromScope, ...fromReports])].filter((s) => /^[0-9]{2}$/.test(s) && !gone.has(s)).sort((a, b) => stateName(a).localeCompare(stateName(b)));
}

function SplitForm({ i, counties, reload }: { i: IncidentDetail; counties: IncidentCounties | undefined; reload: () => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState('');
  const { error, act } = useAction(reload);
  const states = statesOf(i, counties);
  const toggle = (s: string) => { setAsking(false); setPicked(picked.includes(s) ? picked.filter((p) => p !== s) : [...picked, s]); };
  const names = picked.map(stateName).join(', ');
  const split = () => act(async () => {
    const res = await api.post<NewIncident>(`/api/v1/incidents/${encodeURIComponent(i.id)}/split`, { region: { level: 'state', regions: picked } });
    setDone(res.id);
    setAsking(false);
    setPicked([]);
  });
  return (
    <>
      <h3>Split states off into a new incident</h3>
      {states.length === 0 ? <p class="od-muted">No reports yet to split by state.</p> : (
        <form onSubmit={(e) => { e.preventDefault(); setDone(''); setAsking(true); }}>
          <fieldset class="usa-fieldset od-states">
            <legend class="usa-legend">States to split off (their reports leave this incident)</legend>
            {states.map((s) => (
              <div class="usa-checkbox" key={s}>
                <input class="usa-checkbox__input" id={`split-${s}`} type="checkbox" checked={picked.includes(s)} onChange={() => toggle(s)} />
                <label class="usa-checkbox__label" for={`split-${s}`}>{stateName(s)}</label>
              </div>
            ))}
          </fieldset>
          <button class="usa-button usa-button--outline" type="submit" disabled={picked.length === 0}>Split…</button>
        </form>
      )}
      {asking && picked.length ? (
        <Confirm text={<>Split the reports from {names} off into a new incident? Each report stays in exactly one of the two.</>} yes="Yes, split" onYes={() => void split()} onNo={() => setAsking(false)} />
      ) : null}
      <ErrorAlert error={error} heading="Not split" />
      {done ? <Done>Split off as <Link class="od-mono" href={incidentHref(done)}>{done}</Link>; this incident keeps the other reports.</Done> : null}
    </>
  );
}

/** An inline confirmation (no modal): its question is read out and its "yes" takes the focus. */
function Confirm({ text, yes, onYes, onNo }: { text: ComponentChildren; yes: string; onYes: () => void; onNo: () => void }) {
  const yesButton = useRef<HTMLButtonElement>(null);
  useEffect(() => yesButton.current?.focus(), []);
  return (
    <div class="usa-alert usa-alert--warning usa-alert--slim od-confirm" role="group" aria-label="Please confirm">
      <div class="usa-alert__body">
        <p class="usa-alert__text">{text}</p>
        <div class="od-inline-form">
          <button ref={yesButton} class="usa-button usa-button--secondary" type="button" onClick={onYes}>{yes}</button>
          <button class="usa-button usa-button--unstyled" type="button" onClick={onNo}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
