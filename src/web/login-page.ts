// GET /login — staff sign-in (email + password); the session is an HttpOnly cookie.
import type { Assets } from './assets.js';
import { errorSummary, textField } from './form-fields.js';
import { html, type Html } from './html.js';
import { layout } from './layout.js';

export interface LoginState {
  email: string;
  /** Wrong email or password, or too many attempts. */
  problem?: { message: string; field: 'email' | 'password' };
}

export function loginPage(assets: Assets, s: LoginState): Html {
  const p = s.problem;
  const main = html`<h1>Staff sign in</h1>
${p && errorSummary([{ href: `#${p.field}`, message: p.message }], 'Could not sign you in')}
<form class="usa-form" method="post" action="/login" novalidate>
${textField({ id: 'email', name: 'email', label: 'Email', type: 'email', value: s.email, required: true, error: p?.field === 'email' ? p.message : undefined, attrs: html` autocomplete="username" maxlength="254"` })}
${textField({ id: 'password', name: 'password', label: 'Password', type: 'password', value: '', required: true, error: p?.field === 'password' ? p.message : undefined, attrs: html` autocomplete="current-password" maxlength="200"` })}
<button class="usa-button" type="submit">Sign in</button>
</form>`;
  return layout(assets, { title: p ? 'Error: Staff sign in' : 'Staff sign in', main });
}
