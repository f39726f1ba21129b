/** Matrix functions built from products: `matrix_exp` (scaling and squaring), `matrix_power`, `multi_dot`. */
import { composite } from '../autograd-hook.js';
import { TorchRuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { expectInt, expectTensor, expectTensorList } from '../validate.js';
import { where } from '../ops/elementwise.js';
import { hostValues } from '../ops/conversion.js';
import { matmul as matmulOp } from '../ops/linalg.js';
import { cppName, typeMetaName } from '../ops/promotion.js';
import { checkSquare, isLinalgDtype } from './errors.js';
import { invWith } from './solve.js';
import { batchOf, eyeLike, matDims } from './util.js';

/** Taylor degree used after scaling to 1-norm ≤ ½ (truncation below 1e-22, relative). */
const TAYLOR_DEGREE = 18;

/** Per matrix, the number of squarings s with ‖A / 2^s‖₁ ≤ ½ (computed without recording gradients). */
function squarings(A: Tensor): Tensor {
  const norm1 = A.detach().abs().sum(-2).amax(-1);
  const s0 = norm1.mul(2).log2().ceil().clamp(0, 1024);
  return where(s0.isnan(), 0, s0);
}

/** @internal exp of checked square matrices given their squarings `s` and `steps = max(s)`, no recording. */
export function matrixExpRaw(A: Tensor, s: Tensor, steps: number): Tensor {
  const n = matDims(A)[0];
  if (n === 0 || A.numel() === 0) return A.clone();
  if (n === 1) return A.exp();
  const batch = batchOf(A);
  const scaled = A.div(s.exp2().unsqueeze(-1).unsqueeze(-1));
  const I = eyeLike(A, n, n, batch);
  let P = I;
  for (let k = TAYLOR_DEGREE; k >= 1; k--) P = I.add(scaled.matmul(P).div(k));
  for (let i = 0; i < steps; i++) {
    const sq = P.matmul(P);
    P = batch.length === 0 ? sq : where(s.gt(i).unsqueeze(-1).unsqueeze(-1), sq, P);
  }
  return P;
}

function checkMatrixExp(op: string, A: Tensor): void {
  expectTensor(op, 'A', 1, A);
  checkSquare(op, A);
  if (!isLinalgDtype(A)) throw new TorchRuntimeError(op, `matrix_exp: Expected a floating point or complex tensor as input. Got ${cppName(A.dtype)}`);
}

/**
 * The matrix exponential `Σ Aᵏ/k!` of square matrices, by scaling and squaring (each
 * matrix scaled to 1-norm ≤ ½, a degree-18 Taylor polynomial, then squared back). The
 * number of squarings is read from the device, so on devices that read back only
 * asynchronously (WebGPU) use {@link matrixExpAsync}.
 * @example
 * ```ts pytorch=core.linalg.matrixExp
 * console.log(torch.linalg.matrixExp(torch.zeros(2, 2))); // the identity
 * console.log(torch.linalg.matrixExp(torch.tensor([[0, 1], [0, 0]], 'float32'))); // I + A when A @ A = 0
 * ```
 * ```text
 * tensor([[1., 0.],
 *         [0., 1.]])
 * tensor([[1., 1.],
 *         [0., 1.]])
 * ```
 */
export function matrixExp(A: Tensor): Tensor {
  const op = 'linalg.matrix_exp';
  checkMatrixExp(op, A);
  if (A.numel() === 0) return composite('linalg_matrix_exp', [A], {}, () => A.clone());
  const s = squarings(A);
  const steps = Number(hostValues(s.amax(), op, 'await torch.linalg.matrixExpAsync(A)')[0] ?? 0);
  return composite('linalg_matrix_exp', [A], {}, () => matrixExpRaw(A, s, steps));
}

/** {@link matrixExp} for any device: reads the number of squarings asynchronously. */
export async function matrixExpAsync(A: Tensor): Promise<Tensor> {
  const op = 'linalg.matrix_exp';
  checkMatrixExp(op, A);
  if (A.numel() === 0) return composite('linalg_matrix_exp', [A], {}, () => A.clone());
  const s = squarings(A);
  const steps = Number(await s.amax().itemAsync());
  return composite('linalg_matrix_exp', [A], {}, () => matrixExpRaw(A, s, steps));
}

/**
 * The integer power `Aⁿ` of square matrices by repeated squaring (`n = 0`: the identity;
 * `n < 0`: powers of the inverse).
 * @example
 * ```ts pytorch=core.linalg.matrixPower
 * const A = torch.tensor([[1, 1], [1, 0]]);
 * console.log(torch.linalg.matrixPower(A, 5)); // A @ A @ A @ A @ A: Fibonacci numbers
 * console.log(torch.linalg.matrixPower(A, 0)); // the identity
 * ```
 * ```text
 * tensor([[8, 5],
 *         [5, 3]])
 * tensor([[1, 0],
 *         [0, 1]])
 * ```
 */
export function matrixPower(A: Tensor, n: number): Tensor {
  const op = 'linalg.matrix_power';
  expectTensor(op, 'A', 1, A);
  expectInt(op, 'n', 2, n);
  checkSquare(op, A);
  const m = matDims(A)[0];
  if (n === 0) return eyeLike(A, m, m, batchOf(A)).clone();
  let a = A;
  if (n < 0) {
    a = invWith('linalg.inv', A);
    n = -n;
  }
  if (n === 1) return a.clone();
  if (n === 2) return matmulOp(a, a);
  if (n === 3) return matmulOp(matmulOp(a, a), a);
  let z: Tensor | null = null;
  let result: Tensor | null = null;
  while (n > 0) {
    const bit = n % 2;
    n = Math.floor(n / 2);
    z = z === null ? a : matmulOp(z, z);
    if (bit === 1) {
      result = result === null ? z : matmulOp(result, z);
      if (n === 0) break;
    }
  }
  return result!;
}

/**
 * The product of two or more matrices in the cheapest order (the first may be a row
 * vector and the last a column vector, given 1-D).
 * @example
 * ```ts pytorch=core.linalg.multiDot
 * const A = torch.ones([4, 2]);
 * const B = torch.ones([2, 5]);
 * const C = torch.ones([5, 1]);
 * console.log(torch.linalg.multiDot([A, B, C])); // A @ B @ C, computed as A @ (B @ C)
 * ```
 * ```text
 * tensor([[10.],
 *         [10.],
 *         [10.],
 *         [10.]])
 * ```
 */
export function multiDot(tensors: readonly Tensor[]): Tensor {
  const op = 'linalg.multi_dot';
  expectTensorList(op, 0, tensors);
  const k = tensors.length;
  if (k < 2) throw new TorchRuntimeError(op, `multi_dot(): expected at least 2 tensors but got ${k}`);
  const first = tensors[0]!;
  const last = tensors[k - 1]!;
  if (first._shape.length !== 1 && first._shape.length !== 2) throw new TorchRuntimeError(op, `multi_dot(): the first tensor must be 1D or 2D but got ${first._shape.length}D`);
  if (last._shape.length !== 1 && last._shape.length !== 2) throw new TorchRuntimeError(op, `multi_dot(): the last tensor must be 1D or 2D but got ${last._shape.length}D`);
  for (let i = 1; i < k - 1; i++) {
    if (tensors[i]!._shape.length !== 2) throw new TorchRuntimeError(op, `multi_dot(): tensor ${i} must be 2D but got ${tensors[i]!._shape.length}D`);
  }
  for (let i = 1; i < k; i++) {
    if (tensors[i]!.dtype !== first.dtype) {
      throw new TorchRuntimeError(op, `multi_dot(): all tensors must have be the same dtype but tensor 0 is ${typeMetaName(first.dtype)} and tensor ${i} ${typeMetaName(tensors[i]!.dtype)}`);
    }
  }
  const mats = tensors.map((t, i) => (t._shape.length === 2 ? t : i === 0 ? t.unsqueeze(0) : t.unsqueeze(-1)));
  for (let i = 0; i + 1 < k; i++) {
    const a = mats[i]!;
    const b = mats[i + 1]!;
    if (a._shape[1] !== b._shape[0]) {
      throw new TorchRuntimeError(op, `multi_dot(): tensors ${i} and ${i + 1} with shapes [${tensors[i]!._shape.join(', ')}] and [${tensors[i + 1]!._shape.join(', ')}] cannot be multiplied`);
    }
  }
  // Matrix-chain order by dynamic programming (p[i] × p[i+1] is the shape of mats[i]).
  const p = [mats[0]!._shape[0]!, ...mats.map((m) => m._shape[1]!)];
  const cost: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const split: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let len = 1; len < k; len++) {
    for (let i = 0; i + len < k; i++) {
      const j = i + len;
      cost[i]![j] = Infinity;
      for (let s = i; s < j; s++) {
        const c = cost[i]![s]! + cost[s + 1]![j]! + p[i]! * p[s + 1]! * p[j + 1]!;
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          split[i]![j] = s;
        }
      }
    }
  }
  const chain = (i: number, j: number): Tensor => (i === j ? mats[i]! : matmulOp(chain(i, split[i]![j]!), chain(split[i]![j]! + 1, j)));
  let out = chain(0, k - 1);
  if (first._shape.length === 1) out = out.squeeze(0);
  if (last._shape.length === 1) out = out.squeeze(-1);
  return out;
}

