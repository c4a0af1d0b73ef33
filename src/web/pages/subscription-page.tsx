// The pages of the public's e-mail subscription: "check your inbox", confirmed, the
// unsubscribe button (a GET never unsubscribes: mail scanners follow links), done.
import type { OfficeConfig } from '../../config.js';
import type { Assets } from '../assets.js';
import { Page } from '../components/page.js';
import type { Messages } from '../i18n/index.js';

export function subscriptionMessagePage(assets: Assets, m: Messages, office: OfficeConfig, text: string, kind: 'success' | 'error') {
  return (
    <Page assets={assets} m={m} office={office} title={m.alerts.subscribeHeading}>
      <h1>{m.alerts.subscribeHeading}</h1>
      <div class={`usa-alert usa-alert--${kind} usa-alert--slim`} role={kind === 'error' ? 'alert' : 'status'}>
        <div class="usa-alert__body"><p class="usa-alert__text">{text}</p></div>
      </div>
      <p><a href={m.lang === 'en' ? '/status' : `/status?lang=${m.lang}`}>{m.site.statusLink}</a></p>
    </Page>
  );
}

export function unsubscribePage(assets: Assets, m: Messages, office: OfficeConfig, token: string) {
  return (
    <Page assets={assets} m={m} office={office} title={m.alerts.unsubscribeHeading}>
      <h1>{m.alerts.unsubscribeHeading}</h1>
      <form method="post" action={`/status/unsubscribe?token=${encodeURIComponent(token)}&lang=${m.lang}`} class="usa-form">
        <button class="usa-button" type="submit">{m.alerts.unsubscribeButton}</button>
      </form>
    </Page>
  );
}
