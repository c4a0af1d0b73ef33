// /desk/incidents/:id — one incident: the facts, why detection opened it, its curve against
// the expected count, and where its reports came from. Refetched when the incident changes.
import { useMemo, useRef } from 'preact/hooks';
import { IncidentChart } from '../components/incident-chart.js';
import { DetectedText, DurationText, KindText, StatusTag, When } from '../components/incident-cells.js';
import { IncidentMap } from '../components/incident-map.js';
import { ErrorAlert, Loading } from '../components/problem.js';
import { count, percent, utc } from '../format.js';
import { useLiveEvent } from '../live.js';
import { networkName, serviceWord } from '../names.js';
import { scopeWords, useCountyNames } from '../places.js';
import { Link } from '../router.js';
import type { IncidentCounties, IncidentDetail, Me } from '../types.js';
import { useApi } from '../use-api.js';
import { useNow } from '../use-now.js';
import { IncidentAttribution } from './incident-attribution.js';
import { collateralWords, openingWords, scopeEvidenceWords } from './incident-evidence.js';
import { CasePanel } from './incident/case-panel.js';
import { ComplaintsPanel } from './incident/complaints-panel.js';
import { ImpactPanel } from './incident/impact-panel.js';
import { ReshapePanel } from './incident/reshape-panel.js';

const COUNTIES_EVERY_MS = 60_000;

export function IncidentPage({ id, me }: { id: string; me: Me }) {
  const path = `/api/v1/incidents/${encodeURIComponent(id)}`;
  const incident = useApi<IncidentDetail>(path);
  const counties = useApi<IncidentCounties>(`${path}/counties`);
  // Counting a national incident's reports per county groups ~1 M rows: at most once a minute.
  const countedAt = useRef(Date.now());
  useLiveEvent('incident', (i) => {
    if (i.id !== id) return;
    incident.reload();
    if (Date.now() - countedAt.current < COUNTIES_EVERY_MS) return;
    countedAt.current = Date.now();
    counties.reload();
  });
  const i = incident.data;
  const names = useCountyNames(Boolean(i && (i.scope.level === 'county' || i.evidence.opening.level === 'county')));
  if (incident.error) {
    return (
      <>
        <h1 tabIndex={-1}>Incident {id}</h1>
        <ErrorAlert error={incident.error} heading="This incident did not load" />
        <p>
          <Link href="/desk">Back to the incidents</Link>
        </p>
      </>
    );
  }
  if (!i) return <Loading what="the incident" />;
  const where = scopeWords(i.scope, names);
  const title = `${networkName(i.network)} ${i.kind === 'collateral' ? 'collateral spike' : 'outage'}: ${where}`;
  return (
    <>
      <p class="od-back">
        <Link href="/desk">← All incidents</Link>
      </p>
      <h1 tabIndex={-1}>{title}</h1>
      <p class="od-muted od-mono">{i.id}</p>
      <Facts i={i} where={where} />
      <h2>Why detection opened it</h2>
      <p class="od-prose">{openingWords(i.evidence.opening, names)}</p>
      {scopeEvidenceWords(i.evidence) ? <p class="od-prose">{scopeEvidenceWords(i.evidence)}</p> : null}
      {i.evidence.collateral ? (
        <>
          <h2>Why it is collateral</h2>
          <p class="od-prose">{collateralWords(i.evidence.collateral)}</p>
        </>
      ) : null}
      <h2>Reports against the expected count</h2>
      <IncidentChart series={i.series} title={title} />
      <h2>Where the reports came from</h2>
      <p class="od-muted">
        {counties.data
          ? `${count(counties.data.total)} stored reports of ${networkName(i.network)} customers from ${utc(i.onsetAt)} to ${i.resolvedAt ? utc(i.resolvedAt) : 'now'}, per county. The incident's scope is outlined.`
          : 'Counting the reports per county…'}
      </p>
      <ErrorAlert error={counties.error} heading="The counts per county did not load" />
      <IncidentMap counts={counties.data?.items} scope={i.scope} label={`Map of reports per county for the ${title}`} />
      <IncidentAttribution id={i.id} />
      <CasePanel i={i} me={me} reload={incident.reload} />
      <ReshapePanel i={i} me={me} counties={counties.data} reload={() => { incident.reload(); counties.reload(); }} />
      <ImpactPanel i={i} me={me} reload={incident.reload} />
      <ComplaintsPanel i={i} me={me} reload={incident.reload} />
    </>
  );
}

function Facts({ i, where }: { i: IncidentDetail; where: string }) {
  const now = useNow(30_000);
  const mix = useMemo(() => Object.entries(i.services).sort(([, a], [, b]) => b - a), [i.services]);
  return (
    <dl class="od-facts">
      <dt>Network</dt>
      <dd>{networkName(i.network)}</dd>
      <dt>Status</dt>
      <dd>
        <StatusTag status={i.status} />
      </dd>
      <dt>Kind</dt>
      <dd>
        <KindText i={i} primaryNetwork={i.evidence.collateral?.primaryNetwork} />
      </dd>
      <dt>Where</dt>
      <dd>{where}</dd>
      <dt>Services</dt>
      <dd>{mix.map(([s, share]) => `${serviceWord(s)} ${percent(share)}`).join(', ')} <span class="od-muted">(share of reporters naming each)</span></dd>
      <dt>Onset</dt>
      <dd>
        <When iso={i.onsetAt} />
      </dd>
      <dt>Detected</dt>
      <dd>
        <DetectedText i={i} />
      </dd>
      <dt>{i.resolvedAt ? 'Resolved' : 'Ongoing'}</dt>
      <dd>{i.resolvedAt ? <When iso={i.resolvedAt} /> : 'not resolved yet'}</dd>
      <dt>Duration</dt>
      <dd>
        <DurationText i={i} now={now} />
      </dd>
      <dt>Reports</dt>
      <dd>
        {count(i.impact.reports)}
        {i.impact.reports !== i.reportCount ? <span class="od-muted"> (detection’s own count: {count(i.reportCount)}; the figures and complaints below follow staff’s merges, splits and attached or detached reports)</span> : null}
      </dd>
      <dt>Peak</dt>
      <dd>
        {count(i.peak.count)} reports in the 15 minutes from {utc(i.peak.at)}
      </dd>
    </dl>
  );
}
