// The JSON shapes the desk reads: the API's contract, inferred from its route schemas
// (src/http/contract-types.ts). Types only: Vite erases this import, no server code is bundled.
export type * from '../../src/http/contract-types.js';
import type { StaffUser } from '../../src/http/contract-types.js';

/** The signed-in account, as GET /api/v1/me answers it. */
export type Me = StaffUser;
