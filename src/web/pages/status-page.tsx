// GET /status — the public status page, server-rendered, no JavaScript needed: "is it just me?"
// (a plain GET form), the known outages in plain words, each carrier's state and last 24 hours
// against its usual level, the county map, the most reported problems and places, and advice.
// Every number comes from the public status, where counts below the threshold are already null.
import type { OfficeConfig } from '../../config.js';
import { listCarriers } from '../../reference/index.js';
import { publicNetworks, type PublicCarrier, type PublicCount, type PublicStatus, type ZipCheck } from '../../status/index.js';
import type { Assets } from '../assets.js';
import { Page } from '../components/page.js';
import { hrefIn, type Messages } from '../i18n/index.js';
import { placeName } from '../status/atlas.js';
import { StatusChart } from '../status/chart.js';
import { CountyMap } from '../status/county-map.js';
import { incidentWords, timeWords } from '../status/words.js';

export interface StatusPageState {
  status: PublicStatus;
  /** The ZIP asked about, as typed (for the form), and what we know about it. */
  zip: string;
  carrier: string;
  check: ZipCheck | undefined;
  zipProblem: 'unknown' | 'invalid' | undefined;
  timeZone: string;
  /** Map for this network, or every network. */
  mapNetwork: string | undefined;
}

export function statusPage(assets: Assets, m: Messages, office: OfficeConfig, s: StatusPageState, path: string) {
  const { status } = s;
  const now = Date.parse(status.generatedAt);
  const zone = m.time.zone(new Date(now), s.timeZone);
  const count = (c: PublicCount) => (c.count === null ? m.status.fewerThan(status.minCount) : m.status.reportsCount(c.count));
  const mapCarrier = status.carriers.find((c) => c.network === s.mapNetwork);
  const open = status.incidents.filter((i) => i.status !== 'resolved');
  const recent = status.incidents.filter((i) => i.status === 'resolved');
  return (
    <Page assets={assets} m={m} office={office} path={path} title={m.status.title}>
      <h1>{m.status.title}</h1>
      <p class="od-lead">{m.status.lead}</p>
      <p class="od-updated">{m.status.updated(timeWords(m, status.generatedAt, s.timeZone, now))} {m.status.timesIn(zone)}</p>

      <ZipForm m={m} s={s} count={count} />

      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">{m.status.incidentsHeading}</h2>
        {open.length === 0 && <p>{m.status.noIncidents}</p>}
        <ul class="usa-list od-incidents">
          {open.map((i) => (
            <li key={i.id} class="od-incident">
              <strong>{incidentWords(m, i, s.timeZone, now)}</strong>
              {i.status === 'suspected' && <> — {m.status.suspected}</>}
            </li>
          ))}
          {recent.map((i) => <li key={i.id} class="od-incident od-incident--resolved">{incidentWords(m, i, s.timeZone, now)}</li>)}
        </ul>
      </section>

      <section aria-labelledby="carriers-heading">
        <h2 id="carriers-heading">{m.status.carriersHeading}</h2>
        {status.carriers.map((c) => <CarrierCard key={c.network} c={c} m={m} s={s} count={count} />)}
      </section>

      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{m.status.mapHeading}</h2>
        <form method="get" action="/status" class="usa-form od-inline-form">
          {m.lang !== 'en' && <input type="hidden" name="lang" value={m.lang} />}
          {s.zip && <input type="hidden" name="zip" value={s.zip} />}
          <label class="usa-label" for="map">{m.status.mapFor}</label>
          <select class="usa-select" id="map" name="map">
            <option value="" selected={!mapCarrier}>{m.status.mapAll}</option>
            {status.carriers.map((c) => <option key={c.network} value={c.network} selected={c === mapCarrier}>{c.name}</option>)}
          </select>
          <button class="usa-button usa-button--outline" type="submit">{m.status.show}</button>
        </form>
        <CountyMap counties={mapCarrier ? mapCarrier.counties : status.counties} m={m} minCount={status.minCount} title={m.status.mapTitle(mapCarrier ? mapCarrier.name : m.status.mapAll)} />
      </section>

      <section aria-labelledby="advice-heading">
        <h2 id="advice-heading">{m.status.adviceHeading}</h2>
        <ul class="usa-list">{m.status.advice.map((a) => <li key={a}>{a}</li>)}</ul>
      </section>

      <SubscribeForm m={m} />

      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{m.status.feedsHeading}</h2>
        <ul class="usa-list">
          <li><a href="/status/feed.atom">{m.status.feedAtom}</a></li>
          <li><a href="/status/cap.atom">{m.status.feedCap}</a></li>
          <li><a href="/api/v1/status">{m.status.api}</a></li>
        </ul>
      </section>
    </Page>
  );
}

/** A plain POST form (no JavaScript): double opt-in follows by e-mail. */
function SubscribeForm({ m }: { m: Messages }) {
  const t = m.alerts;
  return (
    <section aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t.subscribeHeading}</h2>
      <p class="usa-hint" id="subscribe-hint">{t.subscribeHint}</p>
      <form method="post" action="/status/subscribe" class="usa-form">
        <input type="hidden" name="lang" value={m.lang} />
        <label class="usa-label" for="subscribe-email">{t.emailLabel}</label>
        <input class="usa-input" id="subscribe-email" name="email" type="email" autocomplete="email" required aria-describedby="subscribe-hint" />
        <label class="usa-label" for="subscribe-carrier">{t.carrierLabel}</label>
        <select class="usa-select" id="subscribe-carrier" name="network" required>
          {publicNetworks().map((n) => <option key={n.network} value={n.network}>{n.name}</option>)}
        </select>
        <label class="usa-label" for="subscribe-state">{t.stateLabel}</label>
        <input class="usa-input usa-input--small" id="subscribe-state" name="state" maxlength={2} autocomplete="address-level1" required />
        <button class="usa-button" type="submit">{t.subscribeButton}</button>
      </form>
    </section>
  );
}

function ZipForm({ m, s, count }: { m: Messages; s: StatusPageState; count: (c: PublicCount) => string }) {
  const problem = s.zipProblem === 'unknown' ? m.status.zipUnknown(s.zip) : s.zipProblem === 'invalid' ? m.status.zipInvalid : undefined;
  return (
    <section class="od-check" aria-labelledby="check-heading">
      <h2 id="check-heading">{m.status.checkHeading}</h2>
      <p class="usa-hint" id="check-hint">{m.status.checkHint}</p>
      <form method="get" action="/status" class="usa-form od-inline-form">
        {m.lang !== 'en' && <input type="hidden" name="lang" value={m.lang} />}
        <div class={problem ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}>
          <label class="usa-label" for="zip">{m.status.zipLabel}</label>
          {problem && <span class="usa-error-message" id="zip-error">{problem}</span>}
          <input class="usa-input usa-input--small" id="zip" name="zip" value={s.zip} inputmode="numeric" autocomplete="postal-code" maxlength={5}
            aria-describedby={problem ? 'check-hint zip-error' : 'check-hint'} aria-invalid={problem ? 'true' : undefined} />
        </div>
        <div class="usa-form-group">
          <label class="usa-label" for="carrier">{m.status.carrierLabel}</label>
          <select class="usa-select" id="carrier" name="carrier">
            <option value="">{m.status.anyCarrier}</option>
            {listCarriers().map((c) => <option key={c.id} value={c.id} selected={c.id === s.carrier}>{c.name}</option>)}
          </select>
        </div>
        <button class="usa-button" type="submit">{m.status.checkButton}</button>
      </form>
      {s.check && <ZipAnswer m={m} check={s.check} count={count} />}
    </section>
  );
}

function ZipAnswer({ m, check, count }: { m: Messages; check: ZipCheck; count: (c: PublicCount) => string }) {
  const place = `${check.zip} (${check.place.city}, ${check.place.stateAbbr})`;
  const carrier = check.carrier?.name;
  const answer = check.covered
    ? carrier ? m.status.covered(carrier, place) : m.status.coveredAny(place)
    : carrier ? m.status.notCovered(carrier, place) : m.status.notCoveredAny(place);
  const county = check.place.countyName || check.place.city;
  const report = `/?zip=${check.zip}${check.carrier ? `&carrier=${check.carrier.id}` : ''}`;
  return (
    <div class={check.covered ? 'usa-alert usa-alert--warning' : 'usa-alert usa-alert--info'} role="status" id="zip-answer">
      <div class="usa-alert__body">
        <p class="usa-alert__heading"><strong>{answer}</strong></p>
        <ul class="usa-list">
          {check.nearby.map((n) => <li key={n.network}>{n.name}: {m.status.nearby(count(n.lastHour), county)}</li>)}
        </ul>
        <p><a class="usa-button" href={hrefIn(m, report)}>{m.status.reportThis}</a></p>
      </div>
    </div>
  );
}

function CarrierCard({ c, m, s, count }: { c: PublicCarrier; m: Messages; s: StatusPageState; count: (c: PublicCount) => string }) {
  const brands = c.brands.filter((b) => b.id !== c.network).map((b) => b.name);
  return (
    <article class="od-carrier" aria-labelledby={`carrier-${c.network}`}>
      <h3 id={`carrier-${c.network}`}>
        {c.name} <span class={`od-state od-state--${c.state}`}>{m.status.state[c.state]}</span>
      </h3>
      {brands.length > 0 && <p class="od-brands">{m.status.brands(m.list(brands))}</p>}
      <dl class="od-facts">
        <dt>{m.status.lastHour}</dt>
        <dd>{count(c.lastHour)}</dd>
        <dt>{m.status.last24h}</dt>
        <dd>{count(c.last24h)}</dd>
      </dl>
      {/* A quiet carrier has nothing to draw: its card stays short (a light page on a weak phone). */}
      {(c.state !== 'normal' || !c.last24h.suppressed) && <CarrierDetail c={c} m={m} s={s} />}
    </article>
  );
}

function CarrierDetail({ c, m, s }: { c: PublicCarrier; m: Messages; s: StatusPageState }) {
  return (
    <>
      <StatusChart c={c} m={m} timeZone={s.timeZone} minCount={s.status.minCount} />
      <div class="od-columns">
        <table class="usa-table usa-table--compact od-table">
          <caption>{m.status.problemsHeading}</caption>
          <thead><tr><th scope="col">{m.status.problemCol}</th><th scope="col">{m.status.reportsCol}</th></tr></thead>
          <tbody>
            {c.problems.map((p) => (
              <tr key={p.problem}><th scope="row">{m.problems[p.problem]}</th><td>{p.count === null ? m.status.hidden(s.status.minCount) : p.count.toLocaleString(m.locale)}</td></tr>
            ))}
          </tbody>
        </table>
        <table class="usa-table usa-table--compact od-table">
          <caption>{m.status.placesHeading}</caption>
          <thead><tr><th scope="col">{m.status.placeCol}</th><th scope="col">{m.status.reportsCol}</th></tr></thead>
          <tbody>
            {c.places.length === 0 && <tr><td colSpan={2}>{m.status.noPlaces(s.status.minCount)}</td></tr>}
            {c.places.map((p) => <tr key={p.county}><th scope="row">{placeName(p.county)}</th><td>{p.count.toLocaleString(m.locale)}</td></tr>)}
          </tbody>
        </table>
      </div>
    </>
  );
}
