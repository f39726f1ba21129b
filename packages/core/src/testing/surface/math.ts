/**
 * Golden-case calls for the math ops (fixture `ops-math.json`, written by
 * `tools/golden/ops_math.py`): PyTorch op name → Antorcha call. Every math op has a
 * catalogue row, so the suite reaches it through `catalogueCall` (torch function or
 * method by name, keyword arguments as a trailing options object: `nan_to_num(x,
 * nan=…)` → `nanToNum(x, { nan })`, `rsub(…, alpha=…)`, `logit(x, eps=…)`); none needs a
 * call of its own here.
 */
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const MATH: SurfaceCalls = { calls: {} };
