// USWDS alerts that take focus on load (tabindex -1 + autofocus, and the page script) so a
// screen reader reads them first: the error summary and a page-level notice.

export interface SummaryItem {
  href: string;
  message: string;
}

/** The error summary: an alert at the top that lists every problem and links to its field. */
export function ErrorSummary({ items, heading = 'There is a problem with your report' }: { items: readonly SummaryItem[]; heading?: string }) {
  return (
    <div class="usa-alert usa-alert--error od-error-summary" role="alert" tabindex={-1} autofocus id="error-summary" aria-labelledby="error-summary-heading">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading" id="error-summary-heading">{heading}</h2>
        <ul class="usa-list usa-list--unstyled">
          {items.map((i) => <li key={i.href}><a href={i.href}>{i.message}</a></li>)}
        </ul>
      </div>
    </div>
  );
}

/** A page-level message that is not about one field (rate limit, busy server). */
export interface Notice {
  heading: string;
  text: string;
}

export function NoticeAlert({ notice }: { notice: Notice }) {
  return (
    <div class="usa-alert usa-alert--warning" role="alert" tabindex={-1} autofocus id="notice">
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">{notice.heading}</h2>
        <p class="usa-alert__text">{notice.text}</p>
      </div>
    </div>
  );
}
