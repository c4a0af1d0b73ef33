// The desk shell: who is signed in (GET /api/v1/me decides: 401 -> sign-in page, 403
// password-change-required -> only the new-password form), the header, the live connection,
// and the page for the current URL.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, PASSWORD_CHANGE_REQUIRED, whenPasswordChangeRequired } from './api.js';
import { ErrorAlert, Loading } from './components/problem.js';
import { Header } from './header.js';
import { startLive, stopLive } from './live.js';
import { AccountPage } from './pages/account.js';
import { AuditPage } from './pages/admin-audit.js';
import { UsersPage } from './pages/admin-users.js';
import { ForcedPasswordPage } from './pages/forced-password.js';
import { IncidentPage } from './pages/incident.js';
import { IncidentsPage } from './pages/incidents.js';
import { ReportPage } from './pages/report.js';
import { Link, route, usePath, type Route } from './router.js';
import type { Me } from './types.js';

type Session = { state: 'loading' } | { state: 'ready'; me: Me } | { state: 'password'; email?: string } | { state: 'failed'; error: Error };

function useSession(): [Session, () => void] {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const load = () => {
    api.get<Me>('/api/v1/me').then(
      (me) => setSession(me.mustChangePassword ? { state: 'password', email: me.email } : { state: 'ready', me }),
      (e: unknown) => {
        if (e instanceof ApiError && e.code === PASSWORD_CHANGE_REQUIRED) setSession({ state: 'password' });
        else if (!(e instanceof ApiError && e.problem.status === 401)) setSession({ state: 'failed', error: e instanceof Error ? e : new Error(String(e)) });
      },
    );
  };
  useEffect(() => {
    whenPasswordChangeRequired(() => setSession((s) => ({ state: 'password', ...(s.state === 'ready' ? { email: s.me.email } : {}) })));
    load();
  }, []);
  return [session, load];
}

const TITLES: Record<Route['page'], string> = {
  incidents: 'Incidents',
  incident: 'Incident',
  report: 'Report',
  account: 'Your account',
  users: 'Staff accounts',
  audit: 'Audit log',
  'not-found': 'Not found',
};

export function App() {
  const [session, reload] = useSession();
  const path = usePath();
  const r = route(path);
  const [announcement, setAnnouncement] = useState('');
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (session.state !== 'ready') return;
    startLive();
    return stopLive;
  }, [session.state]);

  // A new page: its title, the top of the page, and focus on its heading (not on first load).
  useEffect(() => {
    document.title = `${TITLES[r.page]} – Outage Desk`;
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  const me = session.state === 'ready' ? session.me : undefined;
  return (
    <>
      <a class="usa-skipnav" href="#main-content">
        Skip to main content
      </a>
      <Header me={me} />
      <main id="main-content" ref={main} class="od-main" tabIndex={-1}>
        {session.state === 'loading' ? <Loading what="the desk" /> : null}
        {session.state === 'failed' ? <ErrorAlert error={session.error} heading="The desk could not start" /> : null}
        {session.state === 'password' ? <ForcedPasswordPage email={session.email} onChanged={reload} /> : null}
        {me ? <Page r={r} me={me} announce={setAnnouncement} /> : null}
      </main>
      <div class="usa-sr-only" aria-live="polite" role="status">
        {announcement}
      </div>
    </>
  );
}

function Page({ r, me, announce }: { r: Route; me: Me; announce: (text: string) => void }) {
  switch (r.page) {
    case 'incidents':
      return <IncidentsPage announce={announce} />;
    case 'incident':
      return <IncidentPage key={r.id} id={r.id} me={me} />;
    case 'report':
      return <ReportPage key={r.id} id={r.id} />;
    case 'account':
      return <AccountPage me={me} />;
    case 'users':
      return me.role === 'admin' ? <UsersPage me={me} /> : <NotAllowed />;
    case 'audit':
      return me.role === 'admin' ? <AuditPage /> : <NotAllowed />;
    case 'not-found':
      return (
        <>
          <h1 tabIndex={-1}>Page not found</h1>
          <p>
            There is no desk page at this address. <Link href="/desk">Go to the incidents</Link>.
          </p>
        </>
      );
  }
}

function NotAllowed() {
  return (
    <>
      <h1 tabIndex={-1}>For admins only</h1>
      <p>Ask an admin of your office if you need this page.</p>
    </>
  );
}

