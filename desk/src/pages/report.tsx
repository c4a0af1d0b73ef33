// /desk/reports/:id — one report as the API presents it to this role (the server audits the read).
import { ContactText } from '../components/report-columns.js';
import { When } from '../components/incident-cells.js';
import { ErrorAlert, Loading } from '../components/problem.js';
import { carrierName, networkName, serviceWord, stateName } from '../names.js';
import { useCountyNames } from '../places.js';
import { Link } from '../router.js';
import type { Report } from '../types.js';
import { useApi } from '../use-api.js';

export function ReportPage({ id }: { id: string }) {
  const report = useApi<Report>(`/api/v1/reports/${encodeURIComponent(id)}`);
  const names = useCountyNames(Boolean(report.data));
  const r = report.data;
  return (
    <>
      <p class="od-back">
        <Link href="/desk">← Incidents and reports</Link>
      </p>
      <h1 tabIndex={-1}>{r ? `Report ${r.reference}` : 'Report'}</h1>
      <ErrorAlert error={report.error} heading="This report did not load" />
      {!r && !report.error ? <Loading what="the report" /> : null}
      {r ? (
        <dl class="od-facts">
          <dt>Reference</dt>
          <dd class="od-mono">{r.reference}</dd>
          <dt>Received</dt>
          <dd>
            <When iso={r.receivedAt} /> <span class="od-muted">via {r.source}</span>
          </dd>
          <dt>Carrier</dt>
          <dd>
            {carrierName(r.carrier)}
            {r.network !== r.carrier ? <span class="od-muted"> (on {networkName(r.network)}'s network)</span> : null}
          </dd>
          <dt>Affected</dt>
          <dd>{r.services.map(serviceWord).join(', ') || 'not said'}</dd>
          <dt>SOS shown</dt>
          <dd>{r.sosMode ? 'Yes' : 'No'}</dd>
          <dt>Place</dt>
          <dd>
            ZIP {r.zip}, {names?.get(r.county) ?? `county ${r.county}`}, {stateName(r.state)}
          </dd>
          <dt>Started</dt>
          <dd>
            <When iso={r.startedAt} />
          </dd>
          <dt>Ended</dt>
          <dd>{r.endedAt ? <When iso={r.endedAt} /> : 'not yet, or not said'}</dd>
          <dt>Was calling</dt>
          <dd>{r.calledCarrier ? carrierName(r.calledCarrier) : 'not said'}</dd>
          <dt>What happened</dt>
          <dd class="od-prose">{r.description || <span class="od-muted">nothing written</span>}</dd>
          <dt>Contact</dt>
          <dd>
            <ContactText r={r} />
            {r.contact ? <span class="od-muted"> — {r.consentToContact ? 'agreed to be contacted' : 'did not agree to be contacted'}</span> : null}
          </dd>
          <dt>Fingerprint</dt>
          <dd class="od-mono od-muted">{r.fingerprint}</dd>
        </dl>
      ) : null}
    </>
  );
}
