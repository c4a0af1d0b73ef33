// Turns JSON Schema (Ajv) errors into the `errors: [{ path, message }]` members of a
// problem+json response. Paths are dotted field names (`contact.email`); an array item's
// error is reported on the array (`services`), which is the field a form shows it next to.
import type { ErrorObject } from 'ajv';

export interface FieldError {
  path: string;
  message: string;
}

function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean).filter((p) => !/^\d+$/.test(p));
  if (child) parts.push(child);
  return parts.join('.') || '(body)';
}

function describe(e: ErrorObject): FieldError {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { path: fieldPath(e.instancePath, String(p.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { path: fieldPath(e.instancePath, String(p.additionalProperty)), message: 'is not a known field' };
    case 'enum':
      return { path: fieldPath(e.instancePath), message: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'minItems':
      return { path: fieldPath(e.instancePath), message: 'must name at least one item' };
    case 'maxLength':
      return { path: fieldPath(e.instancePath), message: `must be at most ${String(p.limit)} characters` };
    case 'minLength':
      return { path: fieldPath(e.instancePath), message: 'must not be empty' };
    case 'pattern':
      return { path: fieldPath(e.instancePath), message: 'is not in the expected form' };
    case 'format':
      return { path: fieldPath(e.instancePath), message: `must be a ${String(p.format)} (e.g. 2024-02-22T08:50:00Z)` };
    case 'uniqueItems':
      return { path: fieldPath(e.instancePath), message: 'must not repeat an item' };
    default:
      return { path: fieldPath(e.instancePath), message: e.message ?? 'is invalid' };
  }
}

/** One error per field, in schema order; Ajv may report the same field several times. */
export function fieldErrorsFromAjv(errors: readonly ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    if (e.keyword === 'type' && e.instancePath === '' ) {
      out.push({ path: '(body)', message: 'must be a JSON object' });
      continue;
    }
    const fe = e.keyword === 'type' ? { path: fieldPath(e.instancePath), message: `must be ${String((e.params as { type: unknown }).type)}` } : describe(e);
    if (seen.has(fe.path)) continue;
    seen.add(fe.path);
    out.push(fe);
  }
  return out;
}
