// GET / and POST / with errors: the public report form, mobile first, USWDS patterns.
import { DESCRIPTION_MAX, SERVICES } from '../../intake/schema.js';
import { listCarriers } from '../../reference/index.js';
import type { Assets } from '../assets.js';
import { ErrorSummary, NoticeAlert, type Notice } from '../components/alerts.js';
import { CheckboxField, ChoiceGroup, Required, SelectField, TextareaField, TextField } from '../components/form-fields.js';
import { Page } from '../components/page.js';
import { SERVICE_LABELS, STARTED_CHOICES, type ReportForm } from '../report-form.js';

export interface FormPageState {
  form: ReportForm;
  errors?: Map<keyof ReportForm, string>;
  /** A page-level message that is not about one field (rate limit, busy server). */
  notice?: Notice;
}

type FieldError = (k: keyof ReportForm) => string | undefined;

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

export function formPage(assets: Assets, s: FormPageState) {
  const f = s.form;
  const err: FieldError = (k) => s.errors?.get(k);
  const problems = ORDER.flatMap((k) => {
    const message = err(k);
    return message ? [{ href: `#${fieldAnchor(k)}`, message }] : [];
  });
  const carriers = listCarriers().map((c) => ({ value: c.id, label: c.name }));
  return (
    <Page assets={assets} title={problems.length > 0 ? 'Error: Report a phone outage' : 'Report a phone outage'}>
      <h1>Report a phone outage</h1>
      <p class="od-lead">Tell us what stopped working. It takes about 30 seconds. Fields marked <Required /> are required.</p>
      {problems.length > 0 && <ErrorSummary items={problems} />}
      {s.notice && <NoticeAlert notice={s.notice} />}
      <form class="usa-form usa-form--large od-form" method="post" action="/" novalidate>
        <ChoiceGroup kind="radio" name="carrier" idPrefix="carrier" legend="Your mobile carrier" required tiles error={err('carrier')}
          options={carriers} checked={(v) => v === f.carrier} />
        <ChoiceGroup kind="checkbox" name="services" idPrefix="services" legend="What does not work?" hint="Check all that apply." required tiles
          error={err('services')} options={SERVICES.map((v) => ({ value: v, label: SERVICE_LABELS[v] }))} checked={(v) => f.services.includes(v)} />
        <CheckboxField id="sosMode" name="sosMode" label="My phone showed “SOS” or “SOS only”" checked={f.sosMode} error={err('sosMode')} tile />
        <TextField id="zip" name="zip" label="ZIP code where it happened" hint="5 digits, for example 30303." required value={f.zip} error={err('zip')}
          inputClass="usa-input--small" extras={{ inputmode: 'numeric', autocomplete: 'postal-code', maxlength: 5, pattern: '[0-9]{5}' }} />
        <StartedGroup f={f} error={err('startedAtLocal')} />
        <EndedGroup f={f} error={err('endedAtLocal')} />
        <SelectField id="calledCarrier" name="calledCarrier" label="Who were you calling? (optional)" hint="The carrier of the person you tried to reach, if you know it."
          value={f.calledCarrier} error={err('calledCarrier')} options={[{ value: '', label: 'I don’t know' }, ...carriers]} />
        <TextareaField id="description" name="description" label="What happened? (optional)"
          hint={`Up to ${DESCRIPTION_MAX} characters. Do not include passwords or account numbers.`}
          value={f.description} error={err('description')} extras={{ maxlength: DESCRIPTION_MAX, rows: 3 }} />
        <ContactGroup f={f} err={err} />
        <div class="od-hp" aria-hidden="true">
          <label for="website">Leave this empty</label>
          <input id="website" name="website" type="text" value={f.website} tabindex={-1} autocomplete="off" />
        </div>
        <input type="hidden" name="tzOffset" id="tzOffset" value={f.tzOffset} />
        <button class="usa-button usa-button--big od-submit" type="submit">Send report</button>
      </form>
    </Page>
  );
}

function StartedGroup({ f, error }: { f: ReportForm; error: string | undefined }) {
  return (
    <ChoiceGroup kind="radio" name="started" idPrefix="started" legend="When did it start?" options={STARTED_CHOICES} checked={(v) => v === f.started}>
      <TextField subfield id="startedAtLocal" name="startedAtLocal" type="datetime-local" label="If earlier: date and time it started"
        hint="Your local time." value={f.startedAtLocal} error={error} />
    </ChoiceGroup>
  );
}

const ENDED_CHOICES = [{ value: 'no', label: 'No, still not working' }, { value: 'yes', label: 'Yes, it works again' }];

function EndedGroup({ f, error }: { f: ReportForm; error: string | undefined }) {
  return (
    <ChoiceGroup kind="radio" name="ended" idPrefix="ended" legend="Has it come back? (optional)" options={ENDED_CHOICES} checked={(v) => v === f.ended}>
      <TextField subfield id="endedAtLocal" name="endedAtLocal" type="datetime-local" label="If it came back: date and time"
        hint="Your local time. Leave empty if it just came back." value={f.endedAtLocal} error={error} />
    </ChoiceGroup>
  );
}

function ContactGroup({ f, err }: { f: ReportForm; err: FieldError }) {
  return (
    <fieldset class="usa-fieldset od-contact">
      <legend class="usa-legend od-legend-section">Can we contact you? (optional)</legend>
      <p class="usa-hint">Only investigators see these details.</p>
      <TextField id="name" name="name" label="Your name" value={f.name} error={err('name')} extras={{ autocomplete: 'name', maxlength: 200 }} />
      <TextField id="email" name="email" label="Email" type="email" value={f.email} error={err('email')} extras={{ autocomplete: 'email', maxlength: 254 }} />
      <TextField id="phone" name="phone" label="Phone" type="tel" value={f.phone} error={err('phone')} extras={{ autocomplete: 'tel', maxlength: 40 }} />
      <CheckboxField id="consentToContact" name="consentToContact" label="You may contact me about this report." checked={f.consentToContact} error={err('consentToContact')} />
    </fieldset>
  );
}
