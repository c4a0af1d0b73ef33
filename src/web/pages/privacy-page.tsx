// GET /privacy — what is collected, who sees it, how long it is kept, how to ask for deletion.
import type { OfficeConfig } from '../../config.js';
import type { Assets } from '../assets.js';
import { Page } from '../components/page.js';
import type { Messages } from '../i18n/index.js';

export function privacyPage(assets: Assets, p: { m: Messages; office: OfficeConfig; path: string }) {
  const t = p.m.privacy;
  return (
    <Page assets={assets} m={p.m} office={p.office} path={p.path} title={t.title}>
      <h1>{t.title}</h1>
      <p class="od-lead">{t.intro(p.office.name)}</p>
      <h2>{t.collectedHeading}</h2>
      <ul class="usa-list">{t.collected.map((x) => <li key={x}>{x}</li>)}</ul>
      <h2>{t.whoHeading}</h2>
      <ul class="usa-list">{t.who.map((x) => <li key={x}>{x}</li>)}</ul>
      <h2>{t.keptHeading}</h2>
      <ul class="usa-list">{t.kept.map((x) => <li key={x}>{x}</li>)}</ul>
      <h2>{t.deleteHeading}</h2>
      <p>{t.deleteText(p.office.contact)}</p>
    </Page>
  );
}
