/**
 * Golden-case calls for the math ops (fixture `ops-math.json`, written by
 * `tools/golden/ops_math.py`): PyTorch op name → Antorcha call.
 */
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const MATH: SurfaceCalls = { calls: {} };
