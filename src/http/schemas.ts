// Shapes every route group shares: the problem body, ids, timestamps, empty answers.
import { Type, type TSchema } from 'typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'https://outage-desk.dev/problems/<code> (README "Errors")' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    retryAfter: Type.Optional(Type.Integer()),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details', additionalProperties: true },
);

/** Error answers a route documents, by status. */
export const problems = (...statuses: number[]): Record<number, TSchema> =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('Problem')]));

/** The statuses every staff route can answer besides its own. */
export const STAFF_PROBLEMS = [400, 401, 403] as const;

export const IsoTime = Type.String({ format: 'date-time' });
export const NullableIsoTime = Type.Union([IsoTime, Type.Null()]);

/** Ids are short: a longer one is a 400, not a database round trip. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const NoContent = Type.Null({ description: 'Done; no body' });
