// The shell every public page shares: the stylesheet and the small progressive script from
// our own origin (the CSP allows nothing inline), the skip link, the header and <main>.
import type { ComponentChildren } from 'preact';
import type { Assets } from '../assets.js';

export interface PageProps {
  assets: Assets;
  title: string;
  children: ComponentChildren;
}

export function Page({ assets, title, children }: PageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Outage Desk`}</title>
        <link rel="icon" href={assets.url('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={assets.url('outage-desk.css')} />
        <script src={assets.url('outage-desk.js')} defer />
      </head>
      <body>
        <a class="usa-skipnav" href="#main-content">Skip to main content</a>
        <header class="od-header">
          <div class="od-container od-header__inner">
            <a class="od-header__title" href="/">Outage Desk</a>
          </div>
        </header>
        <main id="main-content" class="od-container">
          {children}
        </main>
      </body>
    </html>
  );
}
