// The desk's only way to the server: same-origin JSON with the session cookie. Every error
// arrives as problem+json and is thrown as ApiError; a 401 anywhere means the session is gone,
// so the browser goes to the sign-in page.
import type { Problem } from './types.js';

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  /** The stable code at the end of the problem type, e.g. `incident-not-found`. */
  get code(): string {
    return this.problem.type.split('/').pop() ?? '';
  }
}

export const PASSWORD_CHANGE_REQUIRED = 'password-change-required';

type Listener = (e: ApiError) => void;
let onPasswordChangeRequired: Listener = () => {};
/** The app shows only the "Choose a new password" form while the server asks for one. */
export function whenPasswordChangeRequired(l: Listener): void {
  onPasswordChangeRequired = l;
}

export function goToSignIn(): void {
  window.location.assign('/login');
}

interface Options {
  /** A wrong current password may answer 401 without ending the session: let the form say so. */
  keep401?: boolean;
}

async function request<T>(method: string, path: string, body?: unknown, o: Options = {}): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return data as T;
  const error = new ApiError(asProblem(data, res));
  if (res.status === 401 && !o.keep401) goToSignIn();
  if (res.status === 403 && error.code === PASSWORD_CHANGE_REQUIRED) onPasswordChangeRequired(error);
  throw error;
}

function asProblem(data: unknown, res: Response): Problem {
  if (data && typeof data === 'object' && 'title' in data) return data as Problem;
  return { type: 'about:blank', title: res.statusText || 'Error', status: res.status, detail: `The server answered ${res.status}.` };
}

export const api = {
  get: <T,>(path: string) => request<T>('GET', path),
  post: <T,>(path: string, body: unknown, o?: Options) => request<T>('POST', path, body, o),
  patch: <T,>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T,>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: (path: string) => request<void>('DELETE', path),
};

/** Builds a query string from the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
