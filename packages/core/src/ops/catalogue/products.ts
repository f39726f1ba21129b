/** Catalogue rows of the products ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

/** The products ops. */
export const PRODUCTS = {} as const satisfies OpTable;
