/**
 * Golden-case calls for the products ops (fixture `ops-products.json`, written by
 * `tools/golden/ops_products.py`): PyTorch op name → Antorcha call.
 */
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const PRODUCTS: SurfaceCalls = { calls: {} };
