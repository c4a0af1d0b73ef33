// The case: what staff decided (confirm, dismiss, resolve, reopen), who is assigned, notes, and
// the timeline of every staff change with who and when. Investigators and admins act; analysts read.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { When } from '../../components/incident-cells.js';
import { ErrorAlert } from '../../components/problem.js';
import { Link, incidentHref, reportHref } from '../../router.js';
import type { CaseEvent, IncidentDetail, Me } from '../../types.js';
import { useAction } from '../../use-action.js';

const ACTIONS: Record<string, Array<{ action: string; label: string }>> = {
  suspected: [{ action: 'confirm', label: 'Confirm' }, { action: 'dismiss', label: 'Dismiss' }, { action: 'resolve', label: 'Resolve' }],
  confirmed: [{ action: 'dismiss', label: 'Dismiss' }, { action: 'resolve', label: 'Resolve' }],
  resolved: [{ action: 'confirm', label: 'Confirm' }, { action: 'reopen', label: 'Reopen' }, { action: 'dismiss', label: 'Dismiss' }],
  dismissed: [{ action: 'reopen', label: 'Reopen' }],
};

const WORDS: Record<string, string> = {
  confirm: 'confirmed', dismiss: 'dismissed', resolve: 'resolved', reopen: 'reopened', assign: 'assigned', note: 'added a note', assumptions: 'changed the assumptions',
  declare: 'declared it', merge: 'merged in', merged: 'merged it into', split: 'split off a part as', 'split-from': 'split it off from',
  'attach-report': 'attached report', 'detach-report': 'detached report', 'report-moved': 'moved report',
};

/** What one timeline entry did, with links to the report and the other incident it touched. */
function EventWords({ e }: { e: CaseEvent }) {
  const report = e.report ? <> <Link class="od-mono" href={reportHref(e.report.id)}>{e.report.reference}</Link></> : null;
  const other = e.otherIncident ? <Link class="od-mono" href={incidentHref(e.otherIncident)}>{e.otherIncident}</Link> : null;
  if (e.action === 'report-moved') return <>{WORDS[e.action]}{report} to {other}</>;
  if (e.action === 'attach-report') return <>{WORDS[e.action]}{report}{other ? <> (moved from {other})</> : null}</>;
  return <>{WORDS[e.action] ?? e.action}{report}{other ? <> {other}</> : null}</>;
}

export function CasePanel({ i, me, reload }: { i: IncidentDetail; me: Me; reload: () => void }) {
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState(i.case.assignee ?? '');
  const { error, act } = useAction(reload);
  const canAct = me.role !== 'analyst';
  const path = `/api/v1/incidents/${encodeURIComponent(i.id)}/actions`;
  const send = (body: object) => act(async () => {
    await api.post(path, { ...body, ...(note.trim() ? { note: note.trim() } : {}) });
    setNote('');
  });
  return (
    <section aria-labelledby="case-heading">
      <h2 id="case-heading">The case</h2>
      <p>
        {i.case.decision ? <>Staff {i.case.decision} it ({i.case.decidedBy}, <When iso={i.case.decidedAt!} />); detection will not change that. </> : 'No staff decision yet: the status is detection’s. '}
        Assigned to: <strong>{i.case.assignee ?? 'nobody'}</strong>.
      </p>
      {canAct ? (
        <form class="od-inline-form" onSubmit={(e) => { e.preventDefault(); void send({ action: 'note' }); }}>
          <div class="od-filter">
            <label class="usa-label" for="case-note">Note (kept on the timeline)</label>
            <input class="usa-input" id="case-note" value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <button class="usa-button usa-button--outline" type="submit" disabled={!note.trim()}>Add note</button>
          {(ACTIONS[i.status] ?? []).map((a) => (
            <button key={a.action} class="usa-button" type="button" onClick={() => void send({ action: a.action })}>{a.label}</button>
          ))}
        </form>
      ) : <p class="od-muted">Investigators and admins can confirm, dismiss, resolve, reopen and assign.</p>}
      {canAct ? (
        <form class="od-inline-form" onSubmit={(e) => { e.preventDefault(); void send({ action: 'assign', assignee: assignee.trim() || null }); }}>
          <div class="od-filter">
            <label class="usa-label" for="case-assignee">Assign to (email)</label>
            <input class="usa-input" id="case-assignee" type="email" value={assignee} onInput={(e) => setAssignee(e.currentTarget.value)} />
          </div>
          <button class="usa-button usa-button--outline" type="submit">Assign</button>
        </form>
      ) : null}
      <ErrorAlert error={error} heading="That did not work" />
      <h3>Timeline</h3>
      {i.case.timeline.length === 0 ? <p class="od-muted">No staff action yet.</p> : (
        <ol class="od-timeline">
          {i.case.timeline.map((e, k) => (
            <li key={k}><When iso={e.at} /> — {e.actor} <EventWords e={e} />{e.note ? `: “${e.note}”` : ''}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
