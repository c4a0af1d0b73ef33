// Change the password (POST /api/v1/me/password): the account page and the forced change share it.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorAlert } from './problem.js';

export function PasswordForm({ onChanged, submitText }: { onChanged: () => void; submitText: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && next !== again;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (next !== again) return setError(new Error('The two new passwords are not the same.'));
    setBusy(true);
    setError(undefined);
    try {
      await api.post<void>('/api/v1/me/password', { currentPassword: current, newPassword: next }, { keep401: true });
      setCurrent('');
      setNext('');
      setAgain('');
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="usa-form od-form" onSubmit={submit}>
      <ErrorAlert error={error} heading="The password was not changed" />
      <label class="usa-label" for="current-password">
        Current password
      </label>
      <input class="usa-input" id="current-password" type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      <label class="usa-label" for="new-password">
        New password
      </label>
      <span class="usa-hint" id="new-password-hint">
        Long is what counts: a few unrelated words are easy to remember and hard to guess.
      </span>
      <input class="usa-input" id="new-password" type="password" autocomplete="new-password" required aria-describedby="new-password-hint" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      <label class="usa-label" for="new-password-again">
        New password again
      </label>
      <input class="usa-input" id="new-password-again" type="password" autocomplete="new-password" required aria-invalid={mismatch} value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
      {mismatch ? <span class="usa-error-message">The two new passwords are not the same.</span> : null}
      <button class="usa-button" type="submit" disabled={busy}>
        {submitText}
      </button>
    </form>
  );
}
