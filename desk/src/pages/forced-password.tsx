// Shown instead of the desk while the server requires a new password (first sign-in with a
// one-time password, or an admin's reset): nothing else works until it is changed.
import { PasswordForm } from '../components/password-form.js';

export function ForcedPasswordPage({ email, onChanged }: { email: string | undefined; onChanged: () => void }) {
  return (
    <>
      <h1 tabIndex={-1}>Choose a new password</h1>
      <p>{email ? `You are signed in as ${email} with a one-time password.` : 'You signed in with a one-time password.'} Choose your own password to continue.</p>
      <PasswordForm onChanged={onChanged} submitText="Save and continue" />
    </>
  );
}
