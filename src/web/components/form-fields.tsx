// USWDS form controls with their error state: the message sits next to the field, the field
// points at it with aria-describedby and says aria-invalid, and the group is marked in red.
import type { ComponentChildren } from 'preact';
import { classes } from './classes.js';

export const Required = ({ title = 'required' }: { title?: string }) => <abbr title={title} class="usa-hint usa-hint--required">*</abbr>;

interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** The required marker's title in the page's language. */
  requiredTitle?: string;
}

/** The attributes that tie a control to its hint and error message. */
function described(c: Common) {
  const ids = [c.hint ? `${c.id}-hint` : '', c.error ? `${c.id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': c.error ? ('true' as const) : undefined };
}

function HintAndError({ c }: { c: Common }) {
  return (
    <>
      {c.hint && <div class="usa-hint" id={`${c.id}-hint`}>{c.hint}</div>}
      {c.error && <span class="usa-error-message" id={`${c.id}-error`}>{c.error}</span>}
    </>
  );
}

function Group({ c, subfield, children }: { c: Common; subfield?: boolean | undefined; children: ComponentChildren }) {
  return (
    <div class={classes(subfield ? 'od-subfield' : 'usa-form-group', c.error && 'usa-form-group--error')}>
      <label class={classes('usa-label', c.error && 'usa-label--error')} for={c.id}>
        {c.label}
        {c.required && <> <Required title={c.requiredTitle} /></>}
      </label>
      <HintAndError c={c} />
      {children}
    </div>
  );
}

/** Attributes a field may add to its control; written by our code, typed, escaped like any other. */
export interface InputExtras {
  inputmode?: 'numeric' | 'email' | 'tel' | 'text';
  autocomplete?: string;
  maxlength?: number;
  pattern?: string;
}

export interface TextFieldProps extends Common {
  name: string;
  value: string;
  type?: 'text' | 'email' | 'tel' | 'datetime-local' | 'password';
  extras?: InputExtras;
  inputClass?: string;
  /** Nested in a choice group (the time for an "Earlier" answer): indented, not a group of its own. */
  subfield?: boolean;
}

export function TextField(f: TextFieldProps) {
  return (
    <Group c={f} subfield={f.subfield}>
      <input
        class={classes('usa-input', f.inputClass, f.error && 'usa-input--error')}
        id={f.id} name={f.name} type={f.type ?? 'text'} value={f.value}
        {...f.extras} required={f.required === true} aria-required={f.required === true ? 'true' : undefined} {...described(f)}
      />
    </Group>
  );
}

export interface TextareaFieldProps extends Common {
  name: string;
  value: string;
  extras?: { maxlength?: number; rows?: number };
}

export function TextareaField(f: TextareaFieldProps) {
  return (
    <Group c={f}>
      <textarea class={classes('usa-textarea', f.error && 'usa-input--error')} id={f.id} name={f.name} {...f.extras} {...described(f)}>
        {f.value}
      </textarea>
    </Group>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(f: Common & { name: string; value: string; options: readonly Option[] }) {
  return (
    <Group c={f}>
      <select class={classes('usa-select', f.error && 'usa-input--error')} id={f.id} name={f.name} {...described(f)}>
        {f.options.map((o) => <option key={o.value} value={o.value} selected={o.value === f.value}>{o.label}</option>)}
      </select>
    </Group>
  );
}

export interface ChoiceGroupProps {
  kind: 'radio' | 'checkbox';
  name: string;
  /** Ids are `${idPrefix}-${value}`; the first option's id is what an error summary links to. */
  idPrefix: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  requiredTitle?: string;
  options: readonly Option[];
  checked: (value: string) => boolean;
  /** Big tap targets in a two-column grid: quicker with a thumb than a dropdown. */
  tiles?: boolean;
  /** The children (a follow-up field) show only while this option is chosen (CSS :has, no script needed). */
  conditional?: string | undefined;
  children?: ComponentChildren;
}

export function ChoiceGroup(g: ChoiceGroupProps) {
  const c: Common = { id: g.idPrefix, label: g.legend, hint: g.hint, error: g.error };
  const cls = `usa-${g.kind}`;
  const items = g.options.map((o) => {
    const id = `${g.idPrefix}-${o.value}`;
    return (
      <div key={o.value} class={cls}>
        <input
          class={classes(`${cls}__input`, g.tiles && `${cls}__input--tile`)}
          id={id} type={g.kind} name={g.name} value={o.value} checked={g.checked(o.value)} {...described(c)}
          data-reveals={g.conditional === o.value ? 'true' : undefined}
        />
        <label class={`${cls}__label`} for={id}>{o.label}</label>
      </div>
    );
  });
  return (
    <div class={classes('usa-form-group', g.error && 'usa-form-group--error')}>
      {/* A fieldset may not carry aria-required (not a role that takes it): the legend says "required". */}
      <fieldset class={classes('usa-fieldset', g.conditional && 'od-conditional')}>
        <legend class={classes('usa-legend', g.error && 'usa-label--error')}>
          {g.legend}
          {g.required && <> <Required title={g.requiredTitle} /></>}
        </legend>
        <HintAndError c={c} />
        {g.tiles ? <div class="od-tiles">{items}</div> : items}
        {g.children}
      </fieldset>
    </div>
  );
}

/** A single yes/no checkbox, e.g. consent. */
export function CheckboxField(f: { id: string; name: string; label: string; checked: boolean; error?: string | undefined; tile?: boolean }) {
  const c: Common = { id: f.id, label: f.label, error: f.error };
  return (
    <div class={classes('usa-form-group', f.error && 'usa-form-group--error')}>
      <HintAndError c={c} />
      <div class="usa-checkbox">
        <input
          class={classes('usa-checkbox__input', f.tile && 'usa-checkbox__input--tile')}
          id={f.id} type="checkbox" name={f.name} value="yes" checked={f.checked} {...described(c)}
        />
        <label class="usa-checkbox__label" for={f.id}>{f.label}</label>
      </div>
    </div>
  );
}
