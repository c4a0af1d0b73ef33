// GET / and POST / with errors: the public report form, mobile first, USWDS patterns.
import { listCarriers } from '../reference/index.js';
import { DESCRIPTION_MAX, SERVICES } from '../intake/schema.js';
import type { Assets } from './assets.js';
import { checkboxField, choiceGroup, errorSummary, selectField, textareaField, textField } from './form-fields.js';
import { flag, html, type Html, type HtmlValue } from './html.js';
import { layout } from './layout.js';
import { SERVICE_LABELS, STARTED_CHOICES, type ReportForm } from './report-form.js';

export interface FormPageState {
  form: ReportForm;
  errors?: Map<keyof ReportForm, string>;
  /** A page-level message that is not about one field (rate limit, busy server). */
  notice?: { heading: string; text: string };
}

/** The id of the control each form field's error links to (a group links to its first option). */
function fieldAnchor(field: keyof ReportForm): string {
  switch (field) {
    case 'carrier':
      return `carrier-${listCarriers()[0]!.id}`;
    case 'services':
      return `services-${SERVICES[0]}`;
    default:
      return field;
  }
}

const ORDER: ReadonlyArray<keyof ReportForm> = [
  'carrier', 'services', 'sosMode', 'zip', 'started', 'startedAtLocal', 'ended', 'endedAtLocal',
  'calledCarrier', 'description', 'name', 'email', 'phone', 'consentToContact', 'website',
];

export function formPage(assets: Assets, s: FormPageState): Html {
  const f = s.form;
  const err = (k: keyof ReportForm) => s.errors?.get(k);
  const summary = s.errors && s.errors.size > 0
    ? errorSummary(ORDER.filter((k) => s.errors!.has(k)).map((k) => ({ href: `#${fieldAnchor(k)}`, message: s.errors!.get(k)! })))
    : undefined;
  const notice = s.notice && html`<div class="usa-alert usa-alert--warning" role="alert" tabindex="-1" autofocus id="notice"><div class="usa-alert__body">
<h2 class="usa-alert__heading">${s.notice.heading}</h2><p class="usa-alert__text">${s.notice.text}</p></div></div>`;
  const carriers = listCarriers();
  const main = html`<h1>Report a phone outage</h1>
<p class="od-lead">Tell us what stopped working. It takes about 30 seconds. Fields marked ${html`<abbr title="required" class="usa-hint usa-hint--required">*</abbr>`} are required.</p>
${summary}${notice}
<form class="usa-form usa-form--large od-form" method="post" action="/" novalidate>
${choiceGroup({
    kind: 'radio', name: 'carrier', idPrefix: 'carrier', legend: 'Your mobile carrier', required: true, tiles: true, error: err('carrier'),
    options: carriers.map((c) => ({ value: c.id, label: c.name })), checked: (v) => v === f.carrier,
  })}
${choiceGroup({
    kind: 'checkbox', name: 'services', idPrefix: 'services', legend: 'What does not work?', hint: 'Check all that apply.', required: true, tiles: true,
    error: err('services'), options: SERVICES.map((v) => ({ value: v, label: SERVICE_LABELS[v] })), checked: (v) => f.services.includes(v),
  })}
${checkboxField({ id: 'sosMode', name: 'sosMode', label: 'My phone showed “SOS” or “SOS only”', checked: f.sosMode, error: err('sosMode'), tile: true })}
${textField({
    id: 'zip', name: 'zip', label: 'ZIP code where it happened', hint: '5 digits, for example 30303.', required: true, value: f.zip, error: err('zip'),
    inputClass: 'usa-input--small', attrs: html` inputmode="numeric" autocomplete="postal-code" maxlength="5" pattern="[0-9]{5}"`,
  })}
${timeGroup(f, err('startedAtLocal'))}
${endedGroup(f, err('endedAtLocal'))}
${selectField({
    id: 'calledCarrier', name: 'calledCarrier', label: 'Who were you calling? (optional)', hint: 'The carrier of the person you tried to reach, if you know it.',
    value: f.calledCarrier, error: err('calledCarrier'), options: [{ value: '', label: 'I don’t know' }, ...carriers.map((c) => ({ value: c.id, label: c.name }))],
  })}
${textareaField({
    id: 'description', name: 'description', label: 'What happened? (optional)', hint: `Up to ${DESCRIPTION_MAX} characters. Do not include passwords or account numbers.`,
    value: f.description, error: err('description'), attrs: html` maxlength="${DESCRIPTION_MAX}" rows="3"`,
  })}
${contactGroup(f, err)}
<div class="od-hp" aria-hidden="true"><label for="website">Leave this empty</label><input id="website" name="website" type="text" value="${f.website}" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="tzOffset" id="tzOffset" value="${f.tzOffset}">
<button class="usa-button usa-button--big od-submit" type="submit">Send report</button>
</form>`;
  return layout(assets, { title: s.errors?.size ? 'Error: Report a phone outage' : 'Report a phone outage', main });
}

function timeGroup(f: ReportForm, error: string | undefined): Html {
  const local = html`<div class="od-subfield${error ? ' usa-form-group--error' : ''}">
<label class="usa-label${error ? ' usa-label--error' : ''}" for="startedAtLocal">If earlier: date and time it started</label>
<div class="usa-hint" id="startedAtLocal-hint">Your local time.</div>
${error && html`<span class="usa-error-message" id="startedAtLocal-error">${error}</span>`}
<input class="usa-input${error ? ' usa-input--error' : ''}" id="startedAtLocal" name="startedAtLocal" type="datetime-local" value="${f.startedAtLocal}" aria-describedby="startedAtLocal-hint${error ? ' startedAtLocal-error' : ''}"${flag('aria-invalid="true"', Boolean(error))}>
</div>`;
  return choiceGroup({
    kind: 'radio', name: 'started', idPrefix: 'started', legend: 'When did it start?', options: STARTED_CHOICES, checked: (v) => v === f.started, after: local,
  });
}

function endedGroup(f: ReportForm, error: string | undefined): Html {
  const local = html`<div class="od-subfield${error ? ' usa-form-group--error' : ''}">
<label class="usa-label${error ? ' usa-label--error' : ''}" for="endedAtLocal">If it came back: date and time</label>
<div class="usa-hint" id="endedAtLocal-hint">Your local time. Leave empty if it just came back.</div>
${error && html`<span class="usa-error-message" id="endedAtLocal-error">${error}</span>`}
<input class="usa-input${error ? ' usa-input--error' : ''}" id="endedAtLocal" name="endedAtLocal" type="datetime-local" value="${f.endedAtLocal}" aria-describedby="endedAtLocal-hint${error ? ' endedAtLocal-error' : ''}"${flag('aria-invalid="true"', Boolean(error))}>
</div>`;
  return choiceGroup({
    kind: 'radio', name: 'ended', idPrefix: 'ended', legend: 'Has it come back? (optional)',
    options: [{ value: 'no', label: 'No, still not working' }, { value: 'yes', label: 'Yes, it works again' }], checked: (v) => v === f.ended, after: local,
  });
}

function contactGroup(f: ReportForm, err: (k: keyof ReportForm) => string | undefined): HtmlValue {
  return html`<fieldset class="usa-fieldset od-contact">
<legend class="usa-legend od-legend-section">Can we contact you? (optional)</legend>
<p class="usa-hint">Only investigators see these details.</p>
${textField({ id: 'name', name: 'name', label: 'Your name', value: f.name, error: err('name'), attrs: html` autocomplete="name" maxlength="200"` })}
${textField({ id: 'email', name: 'email', label: 'Email', type: 'email', value: f.email, error: err('email'), attrs: html` autocomplete="email" maxlength="254"` })}
${textField({ id: 'phone', name: 'phone', label: 'Phone', type: 'tel', value: f.phone, error: err('phone'), attrs: html` autocomplete="tel" maxlength="40"` })}
${checkboxField({ id: 'consentToContact', name: 'consentToContact', label: 'You may contact me about this report.', checked: f.consentToContact, error: err('consentToContact') })}
</fieldset>`;
}

