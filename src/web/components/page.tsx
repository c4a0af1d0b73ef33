// The shell every public page shares: the stylesheet and the small progressive script from
// our own origin (the CSP allows nothing inline), the skip link, the header with the office's
// name and the language switch, <main>, and the footer with the office's contact.
import type { ComponentChildren } from 'preact';
import type { OfficeConfig } from '../../config.js';
import type { Assets } from '../assets.js';
import { CATALOGUES, type Messages } from '../i18n/index.js';
import { en } from '../i18n/en.js';
import { stateNameOf } from '../status/atlas.js';

export interface PageProps {
  assets: Assets;
  title: string;
  children: ComponentChildren;
  m?: Messages;
  office?: OfficeConfig | undefined;
  /** This page's path and query without `lang`, for the language switch. */
  path?: string;
}

const DEFAULT_OFFICE: OfficeConfig = { name: 'Outage Desk', logoUrl: '', contact: '', jurisdiction: '', jurisdictionState: undefined, timeZone: 'America/New_York' };

/** Whom the office serves, in the footer: its own wording, else the name of its state (JURISDICTION). */
const servedArea = (o: OfficeConfig): string => o.jurisdiction || (o.jurisdictionState ? stateNameOf(o.jurisdictionState) : '');

function withLang(path: string, lang: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

export function Page({ assets, title, children, m = en, office = DEFAULT_OFFICE, path }: PageProps) {
  const others = path === undefined ? [] : CATALOGUES.filter((c) => c.lang !== m.lang);
  return (
    <html lang={m.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${office.name}`}</title>
        <link rel="icon" href={assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.url('outage-desk.css')} />
        <link rel="alternate" type="application/atom+xml" href="/status/feed.atom" title={m.feed.title} />
        <script src={assets.url('outage-desk.js')} defer />
      </head>
      <body>
        <a class="usa-skipnav" href="#main-content">{m.site.skip}</a>
        <header class="od-header">
          <div class="od-container od-header__inner">
            <a class="od-header__title" href={m === en ? '/' : withLang('/', m.lang)}>
              {office.logoUrl && <img class="od-header__logo" src={office.logoUrl} alt="" />}
              {office.name}
            </a>
            <nav class="od-header__nav">
              <a href={m === en ? '/status' : withLang('/status', m.lang)}>{m.site.statusLink}</a>
              {others.map((c) => (
                <a key={c.lang} href={withLang(path!, c.lang)} lang={c.lang} hreflang={c.lang}>{c.languageName}</a>
              ))}
            </nav>
          </div>
        </header>
        <main id="main-content" class="od-container">
          {children}
        </main>
        <footer class="od-footer">
          <div class="od-container">
            <p>
              {office.name}
              {servedArea(office) && <> · {m.site.footerJurisdiction} {servedArea(office)}</>}
              {office.contact && <> · {m.site.footerContact}: {office.contact}</>}
            </p>
            <p><a href={m === en ? '/privacy' : withLang('/privacy', m.lang)}>{m.site.privacyLink}</a> · {m.site.poweredBy}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
