// What the shared golden case tables build with. The nn tests pass the package source
// (`nnLib` below); the WebGPU tests in packages/backend-webgpu pass the built `antorcha`
// facade, so each side runs one copy of nn.
import * as core from '@antorcha/core';
import type { nn, optim, utils } from '../../src/index.js';

/** The nn namespaces and core factories that the case tables call. */
export interface CaseLib {
  nn: typeof nn;
  optim: typeof optim;
  utils: typeof utils;
  ones: typeof core.ones;
  zeros: typeof core.zeros;
  tensor: typeof core.tensor;
  arange: typeof core.arange;
  randn: typeof core.randn;
  rand: typeof core.rand;
}

/** A tensor as the case tables see it. */
export type Tensor = core.Tensor;
