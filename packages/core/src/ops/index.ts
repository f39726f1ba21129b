/**
 * Every op module, as one namespace: what `tensor.ts` calls methods through (one import
 * instead of one per module), and what generated aliases and method types refer to.
 *
 * Import order note: op modules import `Tensor` as a value and `tensor.ts` imports this
 * namespace; that circle is safe because no op module runs op code at load time (only
 * closures are built); tensor.ts reads only the catalogue data (import-free) at load time.
 */
export * from './activation.js';
export * from './advanced-index.js';
export * from './conversion.js';
export * from './creation.js';
export * from './dispatch.js';
export * from './elementwise.js';
export * from './factorizations.js';
export * from './generated.js';
export * from './indexing.js';
export * from './linalg.js';
export * from './math.js';
export * from './products.js';
export * from './random.js';
export * from './reduction.js';
export * from './scatter.js';
export * from './statistics.js';
export * from './numerical.js';
export * from './frombuffer.js';
export * from './structure.js';
export * from './views.js';
export * from './spectral.js';
