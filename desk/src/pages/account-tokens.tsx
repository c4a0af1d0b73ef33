// API tokens for scripts: list, create (the secret is shown once), revoke.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { When } from '../components/incident-cells.js';
import { ErrorAlert } from '../components/problem.js';
import type { ApiTokenList, NewApiToken } from '../types.js';
import { useApi } from '../use-api.js';
import { useAction } from '../use-action.js';

export function ApiTokens() {
  const tokens = useApi<ApiTokenList>('/api/v1/tokens');
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<NewApiToken>();
  const [copied, setCopied] = useState(false);
  const { error, act } = useAction(tokens.reload);
  const create = (e: Event) => {
    e.preventDefault();
    void act(async () => {
      const expiresInDays = days ? Number(days) : undefined;
      setCreated(await api.post<NewApiToken>('/api/v1/tokens', { name: name.trim(), ...(expiresInDays ? { expiresInDays } : {}) }));
      setCopied(false);
      setName('');
    });
  };
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created.token);
    setCopied(true);
  };
  const items = tokens.data?.items ?? [];
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p>Scripts send a token as <code>Authorization: Bearer …</code>. A token acts as you, with your role.</p>
      <ErrorAlert error={error ?? tokens.error} />
      {created ? (
        <div class="usa-alert usa-alert--info" role="status">
          <div class="usa-alert__body">
            <h3 class="usa-alert__heading">Copy the token “{created.name}” now</h3>
            <p class="usa-alert__text">It is shown only this once; the server keeps only a hash of it.</p>
            <p class="od-secret">
              <code id="new-token">{created.token}</code>{' '}
              <button type="button" class="usa-button usa-button--outline" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </button>
            </p>
          </div>
        </div>
      ) : null}
      <form class="od-inline-form" onSubmit={create}>
        <div>
          <label class="usa-label" for="token-name">
            Name (what the script is)
          </label>
          <input class="usa-input" id="token-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div>
          <label class="usa-label" for="token-days">
            Expires after
          </label>
          <select class="usa-select" id="token-days" value={days} onChange={(e) => setDays(e.currentTarget.value)}>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
            <option value="90">90 days</option>
            <option value="365">a year</option>
          </select>
        </div>
        <button class="usa-button" type="submit">
          Create token
        </button>
      </form>
      <div class="od-table-scroll" tabIndex={0} role="region" aria-label="Your API tokens">
        <table class="usa-table usa-table--compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span class="usa-sr-only">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={5}>{tokens.loading ? 'Loading tokens…' : 'No tokens. Create one for each script, so you can revoke one without breaking the others.'}</td>
              </tr>
            ) : (
              items.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>
                    <When iso={t.createdAt} />
                  </td>
                  <td>{t.lastUsedAt ? <When iso={t.lastUsedAt} /> : 'never'}</td>
                  <td>{t.expiresAt ? <When iso={t.expiresAt} /> : 'never'}</td>
                  <td>
                    <button type="button" class="usa-button usa-button--unstyled" onClick={() => void act(() => api.del(`/api/v1/tokens/${encodeURIComponent(t.id)}`))}>
                      Revoke<span class="usa-sr-only"> {t.name}</span>
                    </button>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
