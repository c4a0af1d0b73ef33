// Text the store cannot hold faithfully is refused at the door, on every route: a NUL byte
// (PostgreSQL refuses it, so it used to be a 500) or an unpaired UTF-16 surrogate (stored as
// U+FFFD, silently changing what was sent). Body, query and path parameters are checked once,
// before validation, and the answer is a 400 naming the field.
import type { FastifyInstance } from 'fastify';
import { isStorableText } from '../intake/text-rules.js';
import { failInvalid } from '../problems/index.js';

const MESSAGE = 'must not contain NUL or unpaired surrogate characters';
/** Deeper than any body we accept; past it the schema refuses the shape anyway. */
const MAX_DEPTH = 8;

export { isStorableText };

/** The path of the first string (key or value) the store cannot hold, or undefined. */
export function unstorableText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return undefined;
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = unstorableText(value[i], at(i), depth + 1);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (!isStorableText(k)) return at(k.replace(/[\0\ud800-\udfff]/g, '?'));
    const bad = unstorableText(v, at(k), depth + 1);
    if (bad !== undefined) return bad;
  }
  return undefined;
}

/** Headers the server reads as text (the parser already refuses NUL in header values). */
const READ_HEADERS = ['user-agent', 'idempotency-key', 'authorization', 'cookie', 'origin'] as const;

export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (req, _reply, done) => {
    const bad =
      unstorableText(req.params, 'params') ??
      unstorableText(req.query, 'querystring') ??
      unstorableText(req.body, '') ??
      READ_HEADERS.map((h) => (typeof req.headers[h] === 'string' && !isStorableText(req.headers[h]) ? `headers.${h}` : undefined)).find(Boolean);
    if (bad === undefined) {
      done();
      return;
    }
    try {
      failInvalid(bad === '' ? 'body' : bad, MESSAGE);
    } catch (err) {
      done(err as Error);
    }
  });
}
