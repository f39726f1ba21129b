/** Every area's golden-case calls, merged (each area keeps its own file to grow in). */
import { COMPLEX } from './complex.js';
import { FFT } from './fft.js';
import { HALF } from './half.js';
import { INDEXING } from './indexing.js';
import { LINALG } from './linalg.js';
import { MATH } from './math.js';
import { NUMERICAL } from './numerical.js';
import { STATISTICS } from './statistics.js';
import { PRODUCTS } from './products.js';
import { RANDOM } from './random.js';
import { SPECIAL } from './special.js';
import { STRUCTURE } from './structure.js';
import type { Call, SurfaceCalls } from './types.js';

const AREAS: readonly SurfaceCalls[] = [STRUCTURE, PRODUCTS, STATISTICS, INDEXING, MATH, NUMERICAL, RANDOM, SPECIAL, LINALG, FFT, HALF, COMPLEX];

/** Calls of all areas (an op mapped twice is a bug: the coherence test checks). */
export const SURFACE_CALLS: Record<string, Call> = Object.assign({}, ...AREAS.map((a) => a.calls));
/** Asynchronous calls of all areas. */
export const SURFACE_ASYNC_CALLS: Record<string, (args: any[], kw: Record<string, unknown>) => Promise<unknown>> = Object.assign(
  {},
  ...AREAS.map((a) => a.asyncCalls ?? {}),
);
/** View-returning ops of all areas. */
export const SURFACE_VIEW_OPS: readonly string[] = AREAS.flatMap((a) => a.viewOps ?? []);
/** Factories of all areas (created on the device under test). */
export const SURFACE_CREATION_OPS: readonly string[] = AREAS.flatMap((a) => a.creationOps ?? []);
export type { Call, SurfaceCalls } from './types.js';
