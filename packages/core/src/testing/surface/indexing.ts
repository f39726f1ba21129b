/**
 * Golden-case calls for the indexing ops (fixture `ops-indexing.json`, written by
 * `tools/golden/ops_indexing.py`): PyTorch op name → Antorcha call.
 */
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const INDEXING: SurfaceCalls = { calls: {} };
