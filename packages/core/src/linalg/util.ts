/** Small helpers shared by the torch.linalg modules: batch shapes, identity matrices, triangle masks. */
import { int32 } from '../dtype.js';
import { broadcastShapes } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { eye, zeros } from '../ops/creation.js';

/** The batch dims of a stack of matrices (all but the last `k` dims). */
export function batchOf(t: Tensor, k = 2): number[] {
  return t._shape.slice(0, t._shape.length - k);
}

/** Rows and columns of the matrices of `t`. */
export function matDims(t: Tensor): [number, number] {
  const n = t._shape.length;
  return [t._shape[n - 2]!, t._shape[n - 1]!];
}

/** `t` with its batch dims (all but the last `k`) expanded to `batch`. */
export function expandBatch(t: Tensor, batch: readonly number[], k = 2): Tensor {
  const tail = t._shape.slice(t._shape.length - k);
  const want = [...batch, ...tail];
  if (want.length === t._shape.length && want.every((d, i) => d === t._shape[i])) return t;
  return t.expand(want);
}

/** The broadcast batch shape of two stacks of matrices (`ka`/`kb` trailing matrix dims each). */
export function broadcastBatch(op: string, a: Tensor, b: Tensor, ka = 2, kb = 2): number[] {
  return broadcastShapes(batchOf(a, ka), batchOf(b, kb), op);
}

/** The conjugate transpose of the last two dims (the transpose for real dtypes): a view, with the conjugate bit for complex dtypes. */
export function adjointOf(t: Tensor): Tensor {
  return t.dtype.isComplex ? t.mT.conj() : t.mT;
}

/** An n×m identity of `like`'s dtype and device, expanded to `batch`. */
export function eyeLike(like: Tensor, n: number, m = n, batch: readonly number[] = []): Tensor {
  const e = eye(n, m, { dtype: like.dtype, device: like.device });
  return batch.length === 0 ? e : e.expand([...batch, n, m]);
}

/** int32 zeros of shape `batch` (the `info` of an op that cannot fail). */
export function zeroInfo(like: Tensor, batch: readonly number[]): Tensor {
  return zeros([...batch], { dtype: int32, device: like.device });
}
