// GET /received/:reference — the confirmation after Post/Redirect/Get: a refresh shows this
// page again instead of sending the report twice.
import type { OfficeConfig } from '../../config.js';
import type { Assets } from '../assets.js';
import { Page } from '../components/page.js';
import { en } from '../i18n/en.js';
import { hrefIn, type Messages } from '../i18n/index.js';

/** The shape of store/ids.ts reportReference(): OD- and groups of four Crockford base32 characters. */
export const REFERENCE = /^OD-[0-9A-Z]{4}(?:-[0-9A-Z]{4}){1,3}$/;

export function receivedPage(assets: Assets, reference: string, p: { m?: Messages; office?: OfficeConfig; path?: string } = {}) {
  const m = p.m ?? en;
  const t = m.received;
  return (
    <Page assets={assets} m={m} office={p.office} path={p.path ?? `/received/${reference}`} title={t.title(reference)}>
      <div class="usa-alert usa-alert--success" role="status">
        <div class="usa-alert__body">
          <h1 class="usa-alert__heading">{t.heading}</h1>
          <p class="usa-alert__text">{t.yourReference}</p>
          <p class="od-reference" id="reference">{reference}</p>
          <p class="usa-alert__text">{t.writeDown}</p>
        </div>
      </div>
      <h2>{t.nextHeading}</h2>
      <ul class="usa-list">{t.next.map((x) => <li key={x}>{x}</li>)}</ul>
      <p><a class="usa-button" href={hrefIn(m, '/status')}>{t.status}</a></p>
      <p><a class="usa-button usa-button--outline" href={hrefIn(m, '/')}>{t.another}</a></p>
    </Page>
  );
}
