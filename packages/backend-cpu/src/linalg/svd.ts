/**
 * `svd` kernel: `[A m×n] → [S k, info]` (singular values only) or
 * `[S k, U m×c, Vh c'×n, info]` with `c = c' = k` (thin) or `c = m, c' = n` (full, read
 * from the output shapes). One-sided Jacobi in float64 (./svd-jacobi.ts), for real and
 * complex A (S real, of the parts' dtype; U, Vh complex). `info` is LAPACK's `gesdd`
 * convention as PyTorch reads it: −4 when the matrix holds a NaN (PyTorch: "contained
 * non-finite values"), `> 0` when the sweeps did not converge. A matrix with infinities
 * but no NaN gives NaN results and `info = 0`, as `gesdd` does.
 */
import type { TensorRef } from '@antorcha/core';
import { loadMat, storeMat } from './field.js';
import { batchOf, dims, store, storeScalar } from './matrix.js';
import { svdComplex, svd as jacobiSvd } from './svd-jacobi.js';

/** See the module comment. */
export function svd(inputs: readonly TensorRef[], outputs: readonly TensorRef[]): void {
  const [A] = inputs as [TensorRef];
  const vectors = outputs.length === 4;
  const S = outputs[0]!;
  const info = outputs[outputs.length - 1]!;
  const [m, n] = dims(A);
  const k = Math.min(m, n);
  const full = vectors && outputs[1]!.shape[2] === m && m !== k;
  const fullV = vectors && outputs[2]!.shape[1] === n && n !== k;
  for (let b = 0; b < batchOf(A); b++) {
    const a = loadMat(A, b);
    let nan = false;
    let inf = false;
    for (const part of a.im === null ? [a.re] : [a.re, a.im]) {
      for (let i = 0; i < part.length; i++) {
        if (Number.isNaN(part[i]!)) nan = true;
        else if (!Number.isFinite(part[i]!)) inf = true;
      }
    }
    if (nan || inf) {
      store(S, b, new Float64Array(k).fill(NaN));
      if (vectors) {
        const u = new Float64Array(m * outputs[1]!.shape[2]!).fill(NaN);
        const vh = new Float64Array(outputs[2]!.shape[1]! * n).fill(NaN);
        storeMat(outputs[1]!, b, { re: u, im: a.im === null ? null : u });
        storeMat(outputs[2]!, b, { re: vh, im: a.im === null ? null : vh });
      }
      storeScalar(info, b, nan ? -4 : 0);
      continue;
    }
    const r = a.im === null ? jacobiSvd(a.re, m, n, vectors, full || fullV) : svdComplex(a.re, a.im, m, n, vectors, full || fullV);
    store(S, b, r.s);
    if (vectors) {
      const rc = r as Partial<ReturnType<typeof svdComplex>>;
      storeMat(outputs[1]!, b, { re: r.u!, im: rc.uIm ?? null });
      storeMat(outputs[2]!, b, { re: r.vh!, im: rc.vhIm ?? null });
    }
    storeScalar(info, b, r.converged ? 0 : 1);
  }
}
