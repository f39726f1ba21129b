/** The doctest engine: extraction, running and the update mode (see `extract.ts`). */
export * from './extract.js';
export * from './run.js';
export * from './update.js';
export * from './suite.js';
export * from './files.js';
