// Client-side routes under /desk: history API, links that do not reload the page, and focus
// moved to the new page's heading so a screen reader hears the change.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  if (to === location.pathname + location.search) return;
  history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export type Route =
  | { page: 'incidents' }
  | { page: 'incident'; id: string }
  | { page: 'report'; id: string }
  | { page: 'account' }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'not-found' };

export function route(path: string): Route {
  const p = path.replace(/\/+$/, '');
  if (p === '/desk') return { page: 'incidents' };
  const m = /^\/desk\/(incidents|reports)\/([^/]+)$/.exec(p);
  if (m) return { page: m[1] === 'incidents' ? 'incident' : 'report', id: decodeURIComponent(m[2]!) };
  if (p === '/desk/account') return { page: 'account' };
  if (p === '/desk/admin/users') return { page: 'users' };
  if (p === '/desk/admin/audit') return { page: 'audit' };
  return { page: 'not-found' };
}

type LinkProps = JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren };

export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    // New tab, new window, download: leave it to the browser.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}

export const incidentHref = (id: string) => `/desk/incidents/${encodeURIComponent(id)}`;
export const reportHref = (id: string) => `/desk/reports/${encodeURIComponent(id)}`;
