/**
 * `@antorcha/core/testing`: the conformance suite every backend runs, and the
 * golden-fixture helpers behind it.
 * @packageDocumentation
 */
export * from './golden.js';
export * from './cpu-scalar-cases.js';
export * from './op-cases.js';
export * from './timing.js';
export * from './suite.js';
