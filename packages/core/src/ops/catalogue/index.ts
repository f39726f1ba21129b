/**
 * The op catalogue: one row per public op (see `types.ts`), grouped by area. Every
 * other list of ops (kernel-name unions, Tensor methods, aliases, golden op lists,
 * the docs' mapping table) is derived from it or checked against it.
 */
import { INDEXING } from './indexing.js';
import { MATH } from './math.js';
import { PRODUCTS } from './products.js';
import { STATISTICS } from './statistics.js';
import { STRUCTURE } from './structure.js';

/** All rows, keyed by TypeScript name. */
export const CATALOGUE = { ...STRUCTURE, ...PRODUCTS, ...STATISTICS, ...INDEXING, ...MATH } as const;
/** A catalogue key. */
export type OpName = keyof typeof CATALOGUE;
export type * from './types.js';
