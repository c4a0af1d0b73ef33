// The shell of the server-rendered staff desk pages (desk-page.ts, incident-page.ts), built
// with html.ts. Public pages use components/page.tsx; this file goes with the desk pages when
// the desk becomes its own app. Pages are sent with view/send-page.ts.
import type { StaffUser } from '../staff/index.js';
import type { Assets } from './assets.js';
import { html, type Html, type HtmlValue } from './html.js';

export interface PageParts {
  title: string;
  main: HtmlValue;
  /** Shown in the header's right corner (staff pages: who is signed in, sign out). */
  headerExtra?: HtmlValue;
  /** Staff pages watched during an event reload themselves (no script needed). */
  refreshSeconds?: number;
  /** Staff tables use the width of a desk screen; public pages keep a reading width. */
  wide?: boolean;
}

export function layout(assets: Assets, p: PageParts): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} – Outage Desk</title>${p.refreshSeconds && html`
<meta http-equiv="refresh" content="${p.refreshSeconds}">`}
<link rel="stylesheet" href="${assets.url('outage-desk.css')}">
<script src="${assets.url('outage-desk.js')}" defer></script>
</head>
<body>
<a class="usa-skipnav" href="#main-content">Skip to main content</a>
<header class="od-header"><div class="od-container${p.wide ? ' od-container--wide' : ''} od-header__inner">
<a class="od-header__title" href="/">Outage Desk</a>${p.headerExtra}
</div></header>
<main id="main-content" class="od-container${p.wide ? ' od-container--wide' : ''}">
${p.main}
</main>
</body>
</html>
`;
}

/** Staff pages' header corner: who is signed in, and the way out. */
export function signOutForm(user: StaffUser): Html {
  return html`<form class="od-header__session" method="post" action="/logout">
<span>${user.email} (${user.role})</span> <button class="usa-button usa-button--unstyled od-header__signout" type="submit">Sign out</button></form>`;
}
