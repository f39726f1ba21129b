/**
 * Golden-case calls for the structure ops (fixture `ops-structure.json`, written by
 * `tools/golden/ops_structure.py`): PyTorch op name → Antorcha call.
 */
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const STRUCTURE: SurfaceCalls = { calls: {} };
