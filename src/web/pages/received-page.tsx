// GET /received/:reference — the confirmation after Post/Redirect/Get: a refresh shows this
// page again instead of sending the report twice.
import type { Assets } from '../assets.js';
import { Page } from '../components/page.js';

/** The shape of store/ids.ts reportReference(): OD- and groups of four Crockford base32 characters. */
export const REFERENCE = /^OD-[0-9A-Z]{4}(?:-[0-9A-Z]{4}){1,3}$/;

export function receivedPage(assets: Assets, reference: string) {
  return (
    <Page assets={assets} title={`Report received: ${reference}`}>
      <div class="usa-alert usa-alert--success" role="status">
        <div class="usa-alert__body">
          <h1 class="usa-alert__heading">Thank you — we received your report</h1>
          <p class="usa-alert__text">Your reference number is</p>
          <p class="od-reference" id="reference">{reference}</p>
          <p class="usa-alert__text">Write it down or take a screenshot. Quote it if you contact the office about this outage.</p>
        </div>
      </div>
      <h2>What happens next</h2>
      <ul class="usa-list">
        <li>Your report is counted with others from your area to see how large the outage is and how long it lasts.</li>
        <li>If you left contact details and agreed, an investigator may contact you. Nobody from this office will ask for passwords or account numbers.</li>
        <li>If you need emergency help and your phone shows SOS, calls to 911 may still work: try calling.</li>
      </ul>
      <p><a class="usa-button usa-button--outline" href="/">Report another problem</a></p>
    </Page>
  );
}
