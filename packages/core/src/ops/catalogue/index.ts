/**
 * The op catalogue: one row per public op (see `types.ts`), grouped by area. Every
 * other list of ops (kernel-name unions, Tensor methods, aliases, golden op lists,
 * the docs' mapping table) is derived from it or checked against it.
 */
import { BINARY, UNARY } from './elementwise.js';
import { FACTORIZATIONS } from './factorizations.js';
import { SPECTRAL } from './spectral.js';
import { INDEXING } from './indexing.js';
import { MATH } from './math.js';
import { MISC } from './misc.js';
import { NUMERICAL } from './numerical.js';
import { PRODUCTS } from './products.js';
import { RANDOM } from './random.js';
import { REDUCE_OPS, SCAN_OPS, TERNARY_OPS } from './reduction.js';
import { SPECIAL_BINARY, SPECIAL_UNARY } from './special.js';
import { STATISTICS } from './statistics.js';
import { STRUCTURE } from './structure.js';

/** All rows, keyed by TypeScript name. */
export const CATALOGUE = { ...UNARY, ...BINARY, ...REDUCE_OPS, ...SCAN_OPS, ...TERNARY_OPS, ...MISC, ...STRUCTURE, ...PRODUCTS, ...STATISTICS, ...INDEXING, ...MATH, ...RANDOM, ...NUMERICAL, ...SPECIAL_UNARY, ...SPECIAL_BINARY, ...FACTORIZATIONS, ...SPECTRAL } as const;
/** A catalogue key. */
export type OpName = keyof typeof CATALOGUE;
export type * from './types.js';
export { UNARY, BINARY } from './elementwise.js';
export { REDUCE_OPS, SCAN_OPS, TERNARY_OPS } from './reduction.js';
export { SPECIAL_UNARY, SPECIAL_BINARY } from './special.js';

/** The keys of a table whose rows lower to a kernel of `family`. */
export type KernelOf<T, F extends string> = { [K in keyof T]: T[K] extends { impl: { family: F } } ? K : never }[keyof T];
/** PyTorch names of rows whose derivative is a rule in autograd's tables. */
export type RuleAten<T> = { [K in keyof T]: T[K] extends { grad: 'rule'; aten: infer A } ? A : never }[keyof T];
