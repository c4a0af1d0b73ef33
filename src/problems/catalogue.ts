// Every error code the API can answer with, in one place: its status and title. Clients may
// switch on the code (the `type` URI ends with it); the README's error table lists exactly
// these (test/api/error-catalogue.test.ts checks it). Add a code here, never inline.
import type { FieldError } from '../intake/field-errors.js';

export const PROBLEMS = {
  'invalid-request': { status: 400, title: 'Invalid request', meaning: 'fields failed validation (see `errors`)' },
  'invalid-json': { status: 400, title: 'Invalid request', meaning: 'the body is not JSON' },
  'empty-body': { status: 400, title: 'Invalid request', meaning: 'the body is empty' },
  'bad-content-length': { status: 400, title: 'Invalid request', meaning: 'Content-Length does not match the body' },
  'bad-request': { status: 400, title: 'Invalid request', meaning: 'the request is malformed in another way (see `detail`)' },
  unauthenticated: { status: 401, title: 'Authentication required', meaning: 'no, expired or revoked token or session' },
  'bad-credentials': { status: 401, title: 'Authentication required', meaning: 'wrong email or password, or the account is disabled' },
  forbidden: { status: 403, title: 'Not allowed', meaning: 'your role may not do this' },
  'cross-site-request': { status: 403, title: 'Not allowed', meaning: 'a change made with the session cookie (or a sign-in) came from another site (`Sec-Fetch-Site` / `Origin`)' },
  'password-change-required': { status: 403, title: 'Not allowed', meaning: 'choose a new password first (`POST /api/v1/me/password`)' },
  'not-found': { status: 404, title: 'Not found', meaning: 'no such route (a browser, its `Accept` preferring `text/html`, asking for a page outside `/api` gets an HTML page instead)' },
  'report-not-found': { status: 404, title: 'Not found', meaning: 'no report with that id' },
  'incident-not-found': { status: 404, title: 'Not found', meaning: 'no incident with that id' },
  'user-not-found': { status: 404, title: 'Not found', meaning: 'no staff account with that id' },
  'token-not-found': { status: 404, title: 'Not found', meaning: 'no API token of yours with that id' },
  'statement-not-found': { status: 404, title: 'Not found', meaning: 'no statement with that id on that incident' },
  'claim-not-found': { status: 404, title: 'Not found', meaning: 'no claim with that id on that incident' },
  'zip-unknown': { status: 404, title: 'Not found', meaning: 'no ZIP code we know (the public status and its ZIP check)' },
  'user-exists': { status: 409, title: 'Conflict', meaning: 'an account with that email exists' },
  'invalid-transition': { status: 409, title: 'Conflict', meaning: 'the incident is not in a status this action applies to (see `detail`)' },
  'subscription-not-found': { status: 404, title: 'Not found', meaning: 'no alert subscription with that id' },
  'delivery-not-found': { status: 404, title: 'Not found', meaning: 'no alert delivery with that id' },
  'delivery-not-failed': { status: 409, title: 'Conflict', meaning: 'only a delivery that failed for good can be replayed' },
  'last-admin': { status: 409, title: 'Conflict', meaning: 'the last active admin cannot be disabled or lose the role' },
  'body-too-large': { status: 413, title: 'Request body too large', meaning: 'the body is over 16 KiB' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type', meaning: 'send `Content-Type: application/json`' },
  'idempotency-key-reused': { status: 422, title: 'Unprocessable request', meaning: 'the same `Idempotency-Key` came with another body' },
  'rate-limited': { status: 429, title: 'Too many requests', meaning: 'this client is over its report limit; retry after `Retry-After` seconds' },
  overloaded: { status: 503, title: 'Service unavailable', meaning: 'the server is shedding load (busy, or too many connections); retry after `Retry-After` seconds' },
  'login-rate-limited': { status: 429, title: 'Too many requests', meaning: 'too many sign-in attempts from this address, for this account or overall; retry after `Retry-After` seconds' },
  internal: { status: 500, title: 'Internal error', meaning: 'a fault on our side (logged); never the answer to bad input' },
} as const satisfies Record<string, { status: number; title: string; meaning: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_BASE = 'https://outage-desk.dev/problems/';

export type { FieldError };

/** RFC 9457 problem details: the one error shape of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problem(code: ProblemCode, detail?: string, extra: Record<string, unknown> = {}): Problem {
  const p = PROBLEMS[code];
  return { type: PROBLEM_BASE + code, title: p.title, status: p.status, ...(detail ? { detail } : {}), ...extra };
}

export function invalid(errors: FieldError[]): Problem {
  const fields = errors.map((e) => e.path).join(', ');
  return problem('invalid-request', `Please correct: ${fields}`, { errors });
}

/**
 * What a command throws when the request cannot be served as asked (not found, not allowed,
 * bad input it found itself). The HTTP layer answers it as problem+json; the CLI prints it.
 */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(p: Problem) {
    super(p.detail ?? p.title);
    this.problem = p;
  }
  get code(): ProblemCode {
    return this.problem.type.slice(PROBLEM_BASE.length) as ProblemCode;
  }
}

export const fail = (code: ProblemCode, detail?: string, extra?: Record<string, unknown>): never => {
  throw new ProblemError(problem(code, detail, extra));
};

export const failInvalid = (path: string, message: string): never => {
  throw new ProblemError(invalid([{ path, message }]));
};
