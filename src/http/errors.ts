// Maps every error Fastify or a handler throws to problem+json. Commands throw ProblemError
// (src/problems); bad input is a 4xx naming the field; anything unexpected is a 500 without
// internals (the log has the stack).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fieldErrorsFromAjv } from '../intake/field-errors.js';
import { invalid, problem, ProblemError, type ProblemCode } from '../problems/index.js';
import { sendProblem } from './problem.js';

const BY_CODE: Record<string, [ProblemCode, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['body-too-large', 'The request body is larger than 16 KiB.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported-media-type', 'Send Content-Type: application/json.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad-content-length', 'Content-Length does not match the body.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['empty-body', 'The request body is empty.'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['invalid-json', 'The request body is not valid JSON.'],
};

/** A problem the framework raised; a 400 is about the body as a whole, and names it (`body`). */
function frameworkProblem(code: ProblemCode, detail: string) {
  const p = problem(code, detail);
  return p.status === 400 ? { ...p, errors: [{ path: 'body', message: detail }] } : p;
}

/** Answers an unknown path itself (a browser gets a page), or returns undefined for the problem+json 404. */
export type NotFoundPage = (req: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;

export function installErrorHandling(app: FastifyInstance, options: { notFoundPage?: NotFoundPage | undefined } = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ProblemError) {
      const retryAfter = err.problem.retryAfter;
      if (typeof retryAfter === 'number') reply.header('Retry-After', String(retryAfter));
      return sendProblem(reply, err.problem);
    }
    if (err.validation) {
      const prefix = err.validationContext && err.validationContext !== 'body' ? `${err.validationContext}.` : '';
      const errors = fieldErrorsFromAjv(err.validation as never).map((e) => ({ ...e, path: prefix + e.path }));
      return sendProblem(reply, invalid(errors));
    }
    const known = err.code ? BY_CODE[err.code] : undefined;
    if (known) return sendProblem(reply, frameworkProblem(...known));
    if (err instanceof SyntaxError) return sendProblem(reply, frameworkProblem('invalid-json', 'The request body is not valid JSON.'));
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) {
      req.log.error({ err }, 'unhandled error');
      return sendProblem(reply, problem('internal', 'Something went wrong on our side; it has been logged.'));
    }
    return sendProblem(reply, { ...frameworkProblem('bad-request', err.message), status });
  });
  app.setNotFoundHandler((req, reply) =>
    options.notFoundPage?.(req, reply) ?? sendProblem(reply, problem('not-found', `No route ${req.method} ${req.url.split('?')[0]}`)));
}
