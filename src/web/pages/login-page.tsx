// GET /login — staff sign-in (email + password); the session is an HttpOnly cookie.
import type { Assets } from '../assets.js';
import { ErrorSummary } from '../components/alerts.js';
import { TextField } from '../components/form-fields.js';
import { Page } from '../components/page.js';

export interface LoginState {
  email: string;
  /** Wrong email or password, or too many attempts. */
  problem?: { message: string; field: 'email' | 'password' };
}

export function loginPage(assets: Assets, s: LoginState) {
  const p = s.problem;
  const errorOn = (field: 'email' | 'password') => (p?.field === field ? p.message : undefined);
  return (
    <Page assets={assets} title={p ? 'Error: Staff sign in' : 'Staff sign in'}>
      <h1>Staff sign in</h1>
      {p && <ErrorSummary items={[{ href: `#${p.field}`, message: p.message }]} heading="Could not sign you in" />}
      <form class="usa-form" method="post" action="/login" novalidate>
        <TextField id="email" name="email" label="Email" type="email" value={s.email} required error={errorOn('email')}
          extras={{ autocomplete: 'username', maxlength: 254 }} />
        <TextField id="password" name="password" label="Password" type="password" value="" required error={errorOn('password')}
          extras={{ autocomplete: 'current-password', maxlength: 200 }} />
        <button class="usa-button" type="submit">Sign in</button>
      </form>
    </Page>
  );
}
