// USWDS form controls with their error state: the message sits next to the field, the field
// points at it with aria-describedby and says aria-invalid, and the group is marked in red.
import { flag, html, type Html, type HtmlValue } from './html.js';

export const REQUIRED = html`<abbr title="required" class="usa-hint usa-hint--required">*</abbr>`;

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

function describedBy(c: Common): Html {
  const ids = [c.hint ? `${c.id}-hint` : '', c.error ? `${c.id}-error` : ''].filter(Boolean).join(' ');
  return html`${ids && html` aria-describedby="${ids}"`}${c.error && html` aria-invalid="true"`}`;
}

function hintAndError(c: Common): Html {
  return html`${c.hint && html`<div class="usa-hint" id="${c.id}-hint">${c.hint}</div>`}${
    c.error && html`<span class="usa-error-message" id="${c.id}-error">${c.error}</span>`}`;
}

function group(c: Common, inner: HtmlValue): Html {
  return html`<div class="usa-form-group${c.error ? ' usa-form-group--error' : ''}">
<label class="usa-label${c.error ? ' usa-label--error' : ''}" for="${c.id}">${c.label}${c.required && html` ${REQUIRED}`}</label>
${hintAndError(c)}${inner}
</div>`;
}

export interface TextField extends Common {
  name: string;
  value: string;
  type?: 'text' | 'email' | 'tel' | 'datetime-local' | 'password';
  /** Extra attributes as markup (autocomplete, inputmode, maxlength…), written by our code only. */
  attrs?: Html;
  inputClass?: string;
}

export function textField(f: TextField): Html {
  const cls = `usa-input${f.inputClass ? ` ${f.inputClass}` : ''}${f.error ? ' usa-input--error' : ''}`;
  return group(f, html`<input class="${cls}" id="${f.id}" name="${f.name}" type="${f.type ?? 'text'}" value="${f.value}"${f.attrs}${flag('required', f.required === true)}${describedBy(f)}>`);
}

export function textareaField(f: Common & { name: string; value: string; attrs?: Html }): Html {
  return group(f, html`<textarea class="usa-textarea${f.error ? ' usa-input--error' : ''}" id="${f.id}" name="${f.name}"${f.attrs}${describedBy(f)}>${f.value}</textarea>`);
}

export interface Option {
  value: string;
  label: string;
}

export function selectField(f: Common & { name: string; value: string; options: readonly Option[] }): Html {
  const options = f.options.map((o) => html`<option value="${o.value}"${flag('selected', o.value === f.value)}>${o.label}</option>`);
  return group(f, html`<select class="usa-select${f.error ? ' usa-input--error' : ''}" id="${f.id}" name="${f.name}"${describedBy(f)}>${options}</select>`);
}

export interface ChoiceGroup {
  kind: 'radio' | 'checkbox';
  name: string;
  /** Ids are `${idPrefix}-${value}`; the first option's id is what an error summary links to. */
  idPrefix: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  options: readonly Option[];
  checked: (value: string) => boolean;
  /** Big tap targets in a two-column grid: quicker with a thumb than a dropdown. */
  tiles?: boolean;
  after?: HtmlValue;
}

export function choiceId(g: Pick<ChoiceGroup, 'idPrefix'>, value: string): string {
  return `${g.idPrefix}-${value}`;
}

export function choiceGroup(g: ChoiceGroup): Html {
  const c: Common = { id: g.idPrefix, label: g.legend, hint: g.hint, error: g.error };
  const cls = `usa-${g.kind}`;
  const items = g.options.map((o) => {
    const id = choiceId(g, o.value);
    return html`<div class="${cls}"><input class="${cls}__input${g.tiles ? ` ${cls}__input--tile` : ''}" id="${id}" type="${g.kind}" name="${g.name}" value="${o.value}"${flag('checked', g.checked(o.value))}${describedBy(c)}>
<label class="${cls}__label" for="${id}">${o.label}</label></div>`;
  });
  return html`<div class="usa-form-group${g.error ? ' usa-form-group--error' : ''}">
<fieldset class="usa-fieldset"${g.required && html` aria-required="true"`}>
<legend class="usa-legend${g.error ? ' usa-label--error' : ''}">${g.legend}${g.required && html` ${REQUIRED}`}</legend>
${hintAndError(c)}${g.tiles ? html`<div class="od-tiles">${items}</div>` : items}${g.after}
</fieldset>
</div>`;
}

/** A single yes/no checkbox, e.g. consent. */
export function checkboxField(f: { id: string; name: string; label: string; checked: boolean; error?: string | undefined; tile?: boolean }): Html {
  const c: Common = { id: f.id, label: f.label, error: f.error };
  return html`<div class="usa-form-group${f.error ? ' usa-form-group--error' : ''}">${hintAndError(c)}<div class="usa-checkbox">
<input class="usa-checkbox__input${f.tile ? ' usa-checkbox__input--tile' : ''}" id="${f.id}" type="checkbox" name="${f.name}" value="yes"${flag('checked', f.checked)}${describedBy(c)}>
<label class="usa-checkbox__label" for="${f.id}">${f.label}</label></div></div>`;
}

export interface SummaryItem {
  href: string;
  message: string;
}

/**
 * The USWDS error summary: an alert at the top that lists every problem and links to its field.
 * It takes focus on load (tabindex -1 + autofocus, and the page script) so it is read out first.
 */
export function errorSummary(items: readonly SummaryItem[], heading = 'There is a problem with your report'): Html {
  return html`<div class="usa-alert usa-alert--error od-error-summary" role="alert" tabindex="-1" autofocus id="error-summary" aria-labelledby="error-summary-heading">
<div class="usa-alert__body"><h2 class="usa-alert__heading" id="error-summary-heading">${heading}</h2>
<ul class="usa-list usa-list--unstyled">${items.map((i) => html`<li><a href="${i.href}">${i.message}</a></li>`)}</ul></div></div>`;
}
