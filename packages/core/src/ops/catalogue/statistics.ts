/** Catalogue rows of the statistics ops (see `types.ts` for the row's fields). */
import type { OpTable } from './types.js';

/** The statistics ops. */
export const STATISTICS = {} as const satisfies OpTable;
