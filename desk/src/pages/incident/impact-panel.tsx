// What the outage cost: duration, reports, user-minutes (proven and estimated), the FCC Part 4
// checklist as a timeline, credits owed under each policy beside the credit offered (with the
// distribution over complainants), and every assumption, editable by investigators and admins.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { When } from '../../components/incident-cells.js';
import { ErrorAlert } from '../../components/problem.js';
import { count, percent } from '../../format.js';
import { stateName } from '../../names.js';
import type { Impact, IncidentDetail, Me } from '../../types.js';
import { useAction } from '../../use-action.js';

const usd = (x: number) => x.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
const FCC_WORDS: Record<string, string> = {
  onset: 'Onset (estimated start)',
  'duration-threshold': 'Outage reaches 30 minutes',
  'user-minutes-threshold': 'Reportable: 900,000 user-minutes reached (47 CFR 4.9)',
  'psap-notice-due': 'PSAP notice due (30 minutes after 911 trouble is seen)',
  'notification-due': 'FCC notification due (120 minutes)',
  'initial-report-due': 'Initial report due (72 hours)',
  'final-report-due': 'Final report due (30 days)',
  resolved: 'Resolved',
};

export function ImpactPanel({ i, me, reload }: { i: IncidentDetail; me: Me; reload: () => void }) {
  const m = i.impact;
  return (
    <section aria-labelledby="impact-heading">
      <h2 id="impact-heading">Impact</h2>
      <dl class="od-facts">
        <dt>Duration</dt>
        <dd>{count(Math.round(m.durationMinutes))} minutes{i.resolvedAt ? '' : ` so far (as of ${m.asOf.slice(11, 16)} UTC)`}</dd>
        <dt>Reports</dt>
        <dd>{count(m.reports)} ({count(m.reportsSos)} with phones in SOS mode, {count(m.reports911)} naming 911)</dd>
        {m.jurisdiction ? (<><dt>Our jurisdiction</dt><dd>{stateName(m.jurisdiction.state)} residents: {count(m.jurisdiction.reports)} reports ({percent(m.jurisdiction.share)})</dd></>) : null}
        <dt>User-minutes reported</dt>
        <dd>{count(m.userMinutes.reported)} <span class="od-muted">(each complainant’s minutes without service, summed)</span></dd>
        <dt>User-minutes estimated</dt>
        <dd>{count(m.userMinutes.estimated)} <span class="od-muted">({count(m.userMinutes.usersAffected)} people affected × minutes)</span></dd>
      </dl>
      <FccTimeline m={m} />
      <Credits m={m} />
      <Assumptions i={i} canEdit={me.role !== 'analyst'} reload={reload} />
    </section>
  );
}

function FccTimeline({ m }: { m: Impact }) {
  return (
    <>
      <h3>FCC Part 4 checklist</h3>
      <p>
        {m.fcc.reportable ? <strong>Reportable to the FCC.</strong> : 'Not reportable on this evidence.'} 911 affected: {m.fcc.affects911 ? `yes (${count(m.reports911)} reports name 911)` : 'no report names 911'}.
      </p>
      <ol class="od-timeline">
        {m.fcc.timeline.map((e) => (
          <li key={e.what}><When iso={e.at} /> — {FCC_WORDS[e.what] ?? e.what}</li>
        ))}
      </ol>
    </>
  );
}

function Credits({ m }: { m: Impact }) {
  const c = m.credits;
  const max = Math.max(1, ...c.distribution.map((b) => b.reports));
  return (
    <>
      <h3>Credits owed and offered</h3>
      <div class="od-table-scroll" tabIndex={0} role="region" aria-label="Credits owed under each policy and offered">
        <table class="usa-table usa-table--compact od-table">
          <caption class="usa-sr-only">Credits to the {count(m.reports)} complainants</caption>
          <thead><tr><th scope="col">Policy</th><th scope="col">Owed to complainants</th></tr></thead>
          <tbody>
            <tr><th scope="row">Pro rata (monthly price × minutes ÷ minutes in the month)</th><td>{usd(c.owed.proRata)}</td></tr>
            <tr><th scope="row">Whole started days</th><td>{usd(c.owed.wholeDays)}</td></tr>
            <tr><th scope="row">New York A8369 (1/30 per 24 h, once 4 h)</th><td>{usd(c.owed.nyA8369)}</td></tr>
            <tr><th scope="row">Offered by the carrier ({usd(c.offeredPerAccount)} per account)</th><td>{usd(c.offeredTotal)}</td></tr>
            <tr><th scope="row">Owed pro rata to everyone estimated affected</th><td>{usd(c.estimatedOwedTotal)}</td></tr>
          </tbody>
        </table>
      </div>
      {c.distribution.length ? (
        <figure class="od-bars" aria-labelledby="credit-dist-caption">
          <figcaption id="credit-dist-caption">Complainants by pro-rata credit owed</figcaption>
          <ul>
            {c.distribution.map((b) => (
              <li key={b.from}>
                <span class="od-bars__label">{usd(b.from)}–{usd(b.to)}</span>
                <span class="od-bars__bar" style={{ width: `${(b.reports / max) * 60}%` }} aria-hidden="true" />
                <span>{count(b.reports)}</span>
              </li>
            ))}
          </ul>
        </figure>
      ) : null}
    </>
  );
}

function Assumptions({ i, canEdit, reload }: { i: IncidentDetail; canEdit: boolean; reload: () => void }) {
  const a = i.impact.assumptions;
  const [share, setShare] = useState(String(a.networkShare));
  const [affected, setAffected] = useState(String(a.affectedShare));
  const [offer, setOffer] = useState(String(a.offeredCreditPerAccount));
  const [note, setNote] = useState('');
  const { error, act } = useAction(reload);
  const save = (e: Event) => {
    e.preventDefault();
    void act(async () => {
      await api.put(`/api/v1/incidents/${encodeURIComponent(i.id)}/assumptions`, { networkShare: Number(share), affectedShare: Number(affected), offeredCreditPerAccount: Number(offer), ...(note.trim() ? { note: note.trim() } : {}) });
    });
  };
  return (
    <>
      <h3>Assumptions</h3>
      <dl class="od-facts">
        <dt>People in scope</dt><dd>{count(a.peopleInScope)} <span class="od-muted">— {a.peopleSource}</span></dd>
        <dt>Network share</dt><dd>{a.networkShare} <span class="od-muted">— {a.shareSource}</span></dd>
        <dt>Affected share</dt><dd>{a.affectedShare}</dd>
        <dt>Monthly prices</dt><dd>{Object.entries(a.monthlyPrices).map(([k, v]) => `${k} ${usd(v)}`).join(', ')} <span class="od-muted">— {a.priceSource}</span></dd>
        <dt>Credit offered</dt><dd>{usd(a.offeredCreditPerAccount)} per account <span class="od-muted">— {a.offerSource}</span></dd>
      </dl>
      {canEdit ? (
        <form class="od-inline-form" onSubmit={save}>
          <div class="od-filter"><label class="usa-label" for="as-share">Network share (0–1)</label><input class="usa-input" id="as-share" inputMode="decimal" value={share} onInput={(e) => setShare(e.currentTarget.value)} /></div>
          <div class="od-filter"><label class="usa-label" for="as-affected">Affected share (0–1)</label><input class="usa-input" id="as-affected" inputMode="decimal" value={affected} onInput={(e) => setAffected(e.currentTarget.value)} /></div>
          <div class="od-filter"><label class="usa-label" for="as-offer">Credit offered per account ($)</label><input class="usa-input" id="as-offer" inputMode="decimal" value={offer} onInput={(e) => setOffer(e.currentTarget.value)} /></div>
          <div class="od-filter"><label class="usa-label" for="as-note">Why (source)</label><input class="usa-input" id="as-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} /></div>
          <button class="usa-button usa-button--outline" type="submit">Save assumptions</button>
        </form>
      ) : null}
      <ErrorAlert error={error} heading="The assumptions were not saved" />
    </>
  );
}
