// The header on every desk page: name, navigation (Admin only for admins), the live
// indicator, who is signed in, and the way out.
import { api, goToSignIn } from './api.js';
import { useLiveState } from './live.js';
import { ROLE_WORDS } from './names.js';
import { Link, usePath } from './router.js';
import type { Me } from './types.js';

const LIVE_WORDS = { live: 'Live', connecting: 'Connecting…', offline: 'Not live' } as const;

export function Header({ me }: { me: Me | undefined }) {
  const path = usePath();
  const live = useLiveState();
  const signOut = async () => {
    await api.del('/api/v1/session').catch(() => {});
    goToSignIn();
  };
  const item = (href: string, text: string, active: boolean) => (
    <li>
      <Link href={href} class={active ? 'od-nav__link od-nav__link--current' : 'od-nav__link'} aria-current={active ? 'page' : undefined}>
        {text}
      </Link>
    </li>
  );
  return (
    <header class="od-header">
      <div class="od-header__inner">
        <Link class="od-header__title" href="/desk">
          Outage Desk
        </Link>
        {me ? (
          <nav aria-label="Desk" class="od-nav">
            <ul>
              {item('/desk', 'Incidents', path === '/desk' || path.startsWith('/desk/incidents') || path.startsWith('/desk/reports'))}
              {item('/desk/account', 'Account', path === '/desk/account')}
              {me.role === 'admin' ? item('/desk/admin/users', 'Users', path === '/desk/admin/users') : null}
              {me.role === 'admin' ? item('/desk/admin/audit', 'Audit', path === '/desk/admin/audit') : null}
            </ul>
          </nav>
        ) : null}
        {me ? (
          <div class="od-header__session">
            <span class={`od-live od-live--${live}`} title="Updates arrive without reloading while this is live">
              <span class="od-live__dot" aria-hidden="true" />
              {LIVE_WORDS[live]}
            </span>
            <span class="od-header__who">
              {me.email} <span class="od-header__role">({ROLE_WORDS[me.role] ?? me.role})</span>
            </span>
            <button type="button" class="usa-button usa-button--unstyled od-header__signout" onClick={signOut}>
              Sign out
            </button>
          </div>
        ) : null}
      </div>
    </header>
  );
}
