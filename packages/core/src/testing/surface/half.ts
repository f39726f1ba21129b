/**
 * Golden-case calls for the 16-bit float dtypes (fixture `ops-half.json`, written by
 * `tools/golden/ops_half.py`): casts (`to`, `half`, `bfloat16`), and factories with a dtype.
 */
import * as core from '../../index.js';
import type { Tensor } from '../../tensor.js';
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const HALF: SurfaceCalls = {
  calls: {
    to: ([x, dt]) => (x as Tensor).to(dt as core.DTypeName),
    half: ([x]) => (x as Tensor).half(),
    bfloat16: ([x]) => (x as Tensor).bfloat16(),
    ones: ([s], kw) => core.ones(s as number[], { dtype: kw.dtype as core.DTypeName, ...(kw.device ? { device: kw.device as core.DeviceString } : {}) }),
  },
  creationOps: ['ones'],
};
