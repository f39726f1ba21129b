/** Catalogue rows of the structure ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

/** The structure ops. */
export const STRUCTURE = {} as const satisfies OpTable;
