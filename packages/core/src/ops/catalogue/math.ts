/** Catalogue rows of the math ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

/** The math ops. */
export const MATH = {} as const satisfies OpTable;
