/**
 * Golden-case calls for the statistics ops (fixture `ops-statistics.json`, written by
 * `tools/golden/ops_statistics.py`): PyTorch op name → Antorcha call.
 */
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const STATISTICS: SurfaceCalls = { calls: {} };
