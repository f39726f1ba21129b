/**
 * The CPU's dense matrix kernels ({@link Backend.linalg}), one module per kernel, by
 * kernel name. All compute in float64 (float32 inputs are widened, results rounded once
 * when stored).
 */
import type { LinalgKernel, LinalgParams, TensorRef } from '@antorcha/core';
import { geqrf } from './geqrf.js';
import { getrf } from './getrf.js';
import { orgqr } from './orgqr.js';
import { ormqr } from './ormqr.js';
import { pivots } from './pivots.js';
import { potrf } from './potrf.js';
import { sytrf } from './sytrf.js';
import { sytrs } from './sytrs.js';
import { trsm } from './trsm.js';
import { eig, eigh, svd } from './spectral-kernels.js';

type Kernel = (inputs: readonly TensorRef[], outputs: readonly TensorRef[], params?: LinalgParams) => void;

/** Every kernel of the {@link LinalgKernel} union. */
export const LINALG_TABLE: Record<LinalgKernel, Kernel> = { getrf, pivots, potrf, trsm, geqrf, orgqr, ormqr, sytrf, sytrs, svd, eigh, eig };

/** `Backend.linalg` of the CPU backend. */
export function linalg(kernel: LinalgKernel, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params?: LinalgParams): void {
  LINALG_TABLE[kernel](inputs, outputs, params);
}
