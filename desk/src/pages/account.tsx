// /desk/account — the signed-in person's password, API tokens for scripts, and sessions.
import { useState } from 'preact/hooks';
import { api, goToSignIn } from '../api.js';
import { PasswordForm } from '../components/password-form.js';
import { ErrorAlert } from '../components/problem.js';
import type { Me } from '../types.js';
import { ROLE_WORDS } from '../names.js';
import { ApiTokens } from './account-tokens.js';

export function AccountPage({ me }: { me: Me }) {
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState<Error>();
  const everywhere = async () => {
    try {
      await api.del('/api/v1/me/sessions');
      goToSignIn();
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  };
  return (
    <>
      <h1 tabIndex={-1}>Your account</h1>
      <p>
        Signed in as <strong>{me.email}</strong> ({ROLE_WORDS[me.role] ?? me.role}).
      </p>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        {changed ? (
          <div class="usa-alert usa-alert--success usa-alert--slim" role="status">
            <div class="usa-alert__body">
              <p class="usa-alert__text">Your password is changed.</p>
            </div>
          </div>
        ) : null}
        <PasswordForm onChanged={() => setChanged(true)} submitText="Change password" />
      </section>
      <ApiTokens />
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <p>Signed in on a computer you no longer use, or lost a phone? This signs you out on every device, this one too.</p>
        <ErrorAlert error={error} heading="Not signed out" />
        <button type="button" class="usa-button usa-button--secondary" onClick={everywhere}>
          Sign out everywhere
        </button>
      </section>
    </>
  );
}
