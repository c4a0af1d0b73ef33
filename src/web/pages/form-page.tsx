// GET / and POST / with errors: the public report form, mobile first, USWDS patterns.
import { DESCRIPTION_MAX, SERVICES } from '../../intake/schema.js';
import type { OfficeConfig } from '../../config.js';
import { listCarriers } from '../../reference/index.js';
import type { Assets } from '../assets.js';
import { ErrorSummary, NoticeAlert, type Notice } from '../components/alerts.js';
import { CheckboxField, ChoiceGroup, Required, SelectField, TextareaField, TextField } from '../components/form-fields.js';
import { Page } from '../components/page.js';
import { en } from '../i18n/en.js';
import { hrefIn, type Messages } from '../i18n/index.js';
import { STARTED_CHOICES, type ReportForm } from '../report-form.js';

export interface FormPageState {
  form: ReportForm;
  errors?: Map<keyof ReportForm, string>;
  /** A page-level message that is not about one field (rate limit, busy server). */
  notice?: Notice;
  m?: Messages;
  office?: OfficeConfig | undefined;
  /** This page's path and query without `lang`, for the language switch. */
  path?: string;
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
  const m = s.m ?? en;
  const t = m.form;
  const err: FieldError = (k) => s.errors?.get(k);
  const problems = ORDER.flatMap((k) => {
    const message = err(k);
    return message ? [{ href: `#${fieldAnchor(k)}`, message }] : [];
  });
  const carriers = listCarriers().map((c) => ({ value: c.id, label: c.name }));
  return (
    <Page assets={assets} m={m} office={s.office} path={s.path ?? '/'} title={problems.length > 0 ? t.errorTitle : t.title}>
      <h1>{t.title}</h1>
      <p class="od-lead">{t.leadBefore} <Required title={t.required} /> {t.leadAfter}</p>
      <p>{t.statusBefore} <a href={hrefIn(m, '/status')}>{t.statusLinkText}</a>.</p>
      {problems.length > 0 && <ErrorSummary items={problems} heading={t.errorSummary} />}
      {s.notice && <NoticeAlert notice={s.notice} />}
      <form class="usa-form usa-form--large od-form" method="post" action={hrefIn(m, '/')} novalidate>
        <ChoiceGroup kind="radio" name="carrier" idPrefix="carrier" legend={t.carrierLegend} required requiredTitle={t.required} tiles error={err('carrier')}
          options={carriers} checked={(v) => v === f.carrier} />
        <ChoiceGroup kind="checkbox" name="services" idPrefix="services" legend={t.servicesLegend} hint={t.servicesHint} required requiredTitle={t.required} tiles
          error={err('services')} options={SERVICES.map((v) => ({ value: v, label: m.services[v] }))} checked={(v) => f.services.includes(v)} />
        <CheckboxField id="sosMode" name="sosMode" label={t.sosLabel} checked={f.sosMode} error={err('sosMode')} tile />
        <TextField id="zip" name="zip" label={t.zipLabel} hint={t.zipHint} required requiredTitle={t.required} value={f.zip} error={err('zip')}
          inputClass="usa-input--small" extras={{ inputmode: 'numeric', autocomplete: 'postal-code', maxlength: 5, pattern: '[0-9]{5}' }} />
        <StartedGroup f={f} m={m} error={err('startedAtLocal')} />
        <EndedGroup f={f} m={m} error={err('endedAtLocal')} />
        <SelectField id="calledCarrier" name="calledCarrier" label={t.calledLabel} hint={t.calledHint}
          value={f.calledCarrier} error={err('calledCarrier')} options={[{ value: '', label: t.calledUnknown }, ...carriers]} />
        <TextareaField id="description" name="description" label={t.descriptionLabel}
          hint={t.descriptionHint(DESCRIPTION_MAX)}
          value={f.description} error={err('description')} extras={{ maxlength: DESCRIPTION_MAX, rows: 3 }} />
        <ContactGroup f={f} m={m} err={err} />
        <div class="od-hp" aria-hidden="true">
          <label for="website">{t.honeypot}</label>
          <input id="website" name="website" type="text" value={f.website} tabindex={-1} autocomplete="off" />
        </div>
        <input type="hidden" name="tzOffset" id="tzOffset" value={f.tzOffset} />
        <button class="usa-button usa-button--big od-submit" type="submit">{t.submit}</button>
        <p>{t.privacyBefore} <a href={hrefIn(m, '/privacy')}>{t.privacyLinkText}</a>.</p>
      </form>
    </Page>
  );
}

function StartedGroup({ f, m, error }: { f: ReportForm; m: Messages; error: string | undefined }) {
  const options = STARTED_CHOICES.map((c) => ({ value: c.value, label: m.form.started[c.value] }));
  return (
    <ChoiceGroup kind="radio" name="started" idPrefix="started" legend={m.form.startedLegend} options={options} checked={(v) => v === f.started}
      conditional={error ? undefined : 'earlier'}>
      <TextField subfield id="startedAtLocal" name="startedAtLocal" type="datetime-local" label={m.form.startedAtLabel}
        hint={m.form.timeHint} value={f.startedAtLocal} error={error} />
    </ChoiceGroup>
  );
}

function EndedGroup({ f, m, error }: { f: ReportForm; m: Messages; error: string | undefined }) {
  const options = [{ value: 'no', label: m.form.ended.no }, { value: 'yes', label: m.form.ended.yes }];
  return (
    <ChoiceGroup kind="radio" name="ended" idPrefix="ended" legend={m.form.endedLegend} options={options} checked={(v) => v === f.ended}
      conditional={error ? undefined : 'yes'}>
      <TextField subfield id="endedAtLocal" name="endedAtLocal" type="datetime-local" label={m.form.endedAtLabel}
        hint={m.form.endedAtHint} value={f.endedAtLocal} error={error} />
    </ChoiceGroup>
  );
}

function ContactGroup({ f, m, err }: { f: ReportForm; m: Messages; err: FieldError }) {
  const t = m.form;
  return (
    <fieldset class="usa-fieldset od-contact">
      <legend class="usa-legend od-legend-section">{t.contactLegend}</legend>
      <p class="usa-hint">{t.contactHint}</p>
      <TextField id="name" name="name" label={t.nameLabel} value={f.name} error={err('name')} extras={{ autocomplete: 'name', maxlength: 200 }} />
      <TextField id="email" name="email" label={t.emailLabel} type="email" value={f.email} error={err('email')} extras={{ autocomplete: 'email', maxlength: 254 }} />
      <TextField id="phone" name="phone" label={t.phoneLabel} type="tel" value={f.phone} error={err('phone')} extras={{ autocomplete: 'tel', maxlength: 40 }} />
      <CheckboxField id="consentToContact" name="consentToContact" label={t.consentLabel} checked={f.consentToContact} error={err('consentToContact')} />
    </fieldset>
  );
}
