// `format: date-time` in every route schema means a real instant (see intake/text-rules.ts).
import type { Ajv } from 'ajv';
import { isRealInstant } from '../intake/text-rules.js';

export function realInstants(ajv: Ajv): void {
  ajv.addFormat('date-time', { type: 'string', validate: isRealInstant });
}
