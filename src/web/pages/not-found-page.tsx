// The page a browser gets for a path or a reference that does not exist: a way back to the form.
import type { Assets } from '../assets.js';
import { Page } from '../components/page.js';

export function notFoundPage(assets: Assets, why = 'That reference number does not look right.') {
  return (
    <Page assets={assets} title="Page not found">
      <h1>Page not found</h1>
      <p>{why} <a href="/">Go to the report form</a>.</p>
    </Page>
  );
}
