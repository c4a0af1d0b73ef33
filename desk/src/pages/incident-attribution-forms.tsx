// Forms to add a statement or a claim of responsibility to an incident. Times are entered in
// UTC, as the carrier and the agencies give them; the server checks every field and names it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorAlert } from '../components/problem.js';
import { useAction } from '../use-action.js';

const SOURCES = ['carrier', 'agency', 'expert', 'media', 'other'];
const CAUSES = ['configuration', 'software', 'hardware', 'power', 'cyberattack', 'unknown'];
const MALICIOUS = [['none-seen', 'none seen'], ['possible', 'possible'], ['confirmed', 'confirmed']];
const METHODS = ['unspecified', 'ddos', 'intrusion', 'malware', 'ransomware', 'sabotage'];

/** A datetime-local value read as UTC ("2024-02-22T21:00" -> "2024-02-22T21:00:00Z"). */
const asUtc = (v: string) => (v.length === 16 ? `${v}:00Z` : `${v}Z`);

type Fields = Record<string, string>;

function useFields(initial: Fields) {
  const [f, setF] = useState(initial);
  const bind = (name: string) => ({
    value: f[name] ?? '',
    onInput: (e: Event) => setF({ ...f, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  return { f, bind, reset: () => setF(initial) };
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="od-att__field">
      <label class="usa-label" for={id}>{label}</label>
      {hint ? <span class="usa-hint" id={`${id}-hint`}>{hint}</span> : null}
      {children}
    </div>
  );
}

function Options({ values, none }: { values: Array<string | string[]>; none?: string }) {
  return (
    <>
      {none !== undefined ? <option value="">{none}</option> : null}
      {values.map((v) => (Array.isArray(v) ? <option key={v[0]} value={v[0]}>{v[1]}</option> : <option key={v} value={v}>{v}</option>))}
    </>
  );
}

export function StatementForm({ path, done }: { path: string; done: () => void }) {
  const { f, bind, reset } = useFields({ source: 'carrier', speaker: '', saidAt: '', url: '', text: '', cause: '', malicious: '' });
  const [restoration, setRestoration] = useState(false);
  const [saved, setSaved] = useState('');
  const { error, act } = useAction(done);
  const submit = (e: Event) => {
    e.preventDefault();
    setSaved('');
    void act(async () => {
      const asserts = { ...(f.cause ? { cause: f.cause } : {}), ...(f.malicious ? { maliciousActivity: f.malicious } : {}), ...(restoration ? { restoration: true } : {}) };
      await api.post(`${path}/statements`, { source: f.source, speaker: f.speaker, saidAt: asUtc(f.saidAt!), ...(f.url ? { url: f.url } : {}), text: f.text, asserts });
      setSaved(`Statement by ${f.speaker} added.`);
      reset();
      setRestoration(false);
    });
  };
  return (
    <form class="od-att__form" onSubmit={submit} aria-labelledby="st-heading">
      <h3 id="st-heading">Add a statement</h3>
      <ErrorAlert error={error} heading="The statement was not added" />
      {saved ? <p role="status" class="od-att__saved">{saved}</p> : null}
      <Field id="st-source" label="Source"><select class="usa-select" id="st-source" {...bind('source')}><Options values={SOURCES} /></select></Field>
      <Field id="st-speaker" label="Who said it"><input class="usa-input" id="st-speaker" required maxLength={200} {...bind('speaker')} /></Field>
      <Field id="st-said" label="When said (UTC)"><input class="usa-input" id="st-said" type="datetime-local" required {...bind('saidAt')} /></Field>
      <Field id="st-url" label="Link (optional)" hint="http or https only; shown as text"><input class="usa-input" id="st-url" aria-describedby="st-url-hint" maxLength={2000} {...bind('url')} /></Field>
      <Field id="st-text" label="What was said"><textarea class="usa-input od-att__textarea" id="st-text" required maxLength={4000} {...bind('text')} /></Field>
      <Field id="st-cause" label="Cause it names"><select class="usa-select" id="st-cause" {...bind('cause')}><Options values={CAUSES} none="not said" /></select></Field>
      <Field id="st-mal" label="Malicious activity"><select class="usa-select" id="st-mal" {...bind('malicious')}><Options values={MALICIOUS} none="not said" /></select></Field>
      <div class="od-att__check">
        <input id="st-restored" type="checkbox" checked={restoration} onChange={(e) => setRestoration(e.currentTarget.checked)} />
        <label for="st-restored">Says service is restored</label>
      </div>
      <button class="usa-button" type="submit">Add statement</button>
    </form>
  );
}

export function ClaimForm({ path, done }: { path: string; done: () => void }) {
  const { f, bind, reset } = useFields({ actor: '', channel: '', claimedAt: '', url: '', text: '', method: 'unspecified', attackAt: '', level: '', regions: '' });
  const [saved, setSaved] = useState('');
  const { error, act } = useAction(done);
  const submit = (e: Event) => {
    e.preventDefault();
    setSaved('');
    void act(async () => {
      const regions = (f.regions ?? '').split(/[\s,]+/).filter(Boolean);
      const claimedScope = f.level ? { level: f.level, regions: f.level === 'nation' ? ['US'] : regions } : null;
      await api.post(`${path}/claims`, {
        actor: f.actor, channel: f.channel, claimedAt: asUtc(f.claimedAt!), ...(f.url ? { url: f.url } : {}), text: f.text, claimedMethod: f.method,
        claimedScope, claimedAttackAt: f.attackAt ? asUtc(f.attackAt) : null,
      });
      setSaved(`Claim by ${f.actor} added.`);
      reset();
    });
  };
  return (
    <form class="od-att__form" onSubmit={submit} aria-labelledby="cl-heading">
      <h3 id="cl-heading">Add a claim of responsibility</h3>
      <ErrorAlert error={error} heading="The claim was not added" />
      {saved ? <p role="status" class="od-att__saved">{saved}</p> : null}
      <Field id="cl-actor" label="Who claims it"><input class="usa-input" id="cl-actor" required maxLength={200} {...bind('actor')} /></Field>
      <Field id="cl-channel" label="Where (channel)" hint="telegram, forum, x…"><input class="usa-input" id="cl-channel" aria-describedby="cl-channel-hint" required maxLength={80} {...bind('channel')} /></Field>
      <Field id="cl-at" label="When claimed (UTC)"><input class="usa-input" id="cl-at" type="datetime-local" required {...bind('claimedAt')} /></Field>
      <Field id="cl-url" label="Link (optional)" hint="http or https only; shown as text"><input class="usa-input" id="cl-url" aria-describedby="cl-url-hint" maxLength={2000} {...bind('url')} /></Field>
      <Field id="cl-text" label="What the claim says"><textarea class="usa-input od-att__textarea" id="cl-text" required maxLength={4000} {...bind('text')} /></Field>
      <Field id="cl-method" label="Method claimed"><select class="usa-select" id="cl-method" {...bind('method')}><Options values={METHODS} /></select></Field>
      <Field id="cl-attack" label="Attack said to begin (UTC, optional)"><input class="usa-input" id="cl-attack" type="datetime-local" {...bind('attackAt')} /></Field>
      <Field id="cl-level" label="Where it claims to have struck"><select class="usa-select" id="cl-level" {...bind('level')}><Options values={[['nation', 'the whole country'], ['state', 'states'], ['county', 'counties']]} none="not said" /></select></Field>
      <Field id="cl-regions" label="States or counties (FIPS codes)" hint="e.g. 48 for Texas, 17097 for Lake County, IL; separated by commas">
        <input class="usa-input" id="cl-regions" aria-describedby="cl-regions-hint" {...bind('regions')} />
      </Field>
      <button class="usa-button" type="submit">Add claim</button>
    </form>
  );
}
