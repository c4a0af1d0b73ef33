// RFC 9457 problem details: the one error shape of the API. Built only here.
import type { FastifyReply } from 'fastify';
import type { FieldError } from '../intake/field-errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** `code` is stable and documented (README "Errors"); clients may switch on it. */
export function problem(status: number, code: string, detail?: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `https://outage-desk.dev/problems/${code}`, title: TITLES[status] ?? 'Error', status, ...(detail ? { detail } : {}), ...extra };
}

export function invalid(errors: FieldError[]): Problem {
  const fields = errors.map((e) => e.path).join(', ');
  return problem(400, 'invalid-request', `Please correct: ${fields}`, { errors });
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}
