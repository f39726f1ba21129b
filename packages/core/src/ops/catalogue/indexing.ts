/** Catalogue rows of the indexing ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

/** The indexing ops. */
export const INDEXING = {} as const satisfies OpTable;
