/**
 * Matrix products: `mm`, `bmm`, `matmul` (with its 1-D promotion and batch
 * broadcasting), `dot`, `mv`, `outer`. All reach one batched backend kernel.
 */
import { composite, recordOp } from '../autograd-hook.js';
import type { DType } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import { broadcastShapes, broadcastStrides, computeViewStrides, numelOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { backendFor, commonDevice, emptyTensor, refOf, refWith } from './dispatch.js';
import { cppName, typeMetaName } from './promotion.js';

function sameDtype(op: string, a: Tensor, b: Tensor, what = 'mat1 and mat2'): DType {
  if (a.dtype !== b.dtype) {
    throw new TorchRuntimeError(op, `expected ${what} to have the same dtype, but got: ${typeMetaName(a.dtype)} != ${typeMetaName(b.dtype)}`);
  }
  if (a.dtype.name === 'bool') throw new TorchRuntimeError(op, `"addmm_impl_cpu_" not implemented for 'Bool'`);
  return a.dtype;
}

/**
 * Runs the kernel on a [B, M, K] × [B, K, N] problem given as views with equal
 * batch dims (possibly several, possibly broadcast): collapses the batch dims
 * into one when strides allow, else copies that operand.
 */
function batchedMatmul(op: string, a: Tensor, b: Tensor, batch: readonly number[], m: number, k: number, n: number): Tensor {
  const dev = commonDevice(op, [a, b]);
  const dtype = a.dtype;
  const out = emptyTensor([...batch, m, n], dtype, dev, op);
  const B = numelOf(batch);
  const as3 = (t: Tensor, r: number, c: number) => {
    const full = [...batch, r, c];
    const strides = broadcastStrides(t._shape, t._strides, full, op);
    const collapsed = computeViewStrides(full, strides, [B, r, c]);
    if (collapsed !== null) return refWith(t, [B, r, c], collapsed);
    const copy = t.expand(full).contiguous();
    return refWith(copy, [B, r, c], [r * c, c, 1]);
  };
  backendFor(dev, dtype, op).matmul(as3(a, m, k), as3(b, k, n), refWith(out, [B, m, n], [m * n, n, 1], 0), dtype.name);
  return out;
}

/**
 * Matrix product of two 2-D tensors.
 * @example
 * ```ts pytorch=core.mm
 * const a = torch.tensor([[1, 2], [3, 4]], { dtype: 'float32' });
 * console.log(torch.mm(a, a));
 * console.log(a.mm(torch.eye(2)));
 * ```
 * ```text
 * tensor([[ 7., 10.],
 *         [15., 22.]])
 * tensor([[1., 2.],
 *         [3., 4.]])
 * ```
 */
export function mm(a: Tensor, b: Tensor): Tensor {
  expectTensor('mm', 'input', 1, a);
  expectTensor('mm', 'mat2', 2, b);
  if (a._shape.length !== 2) throw new TorchRuntimeError('mm', 'self must be a matrix');
  if (b._shape.length !== 2) throw new TorchRuntimeError('mm', 'mat2 must be a matrix');
  if (a._shape[1] !== b._shape[0]) {
    throw new TorchRuntimeError(
      'mm',
      `mat1 and mat2 shapes cannot be multiplied (${a._shape[0]}x${a._shape[1]} and ${b._shape[0]}x${b._shape[1]})`,
    );
  }
  sameDtype('mm', a, b, 'm1 and m2');
  const out = batchedMatmul('mm', a, b, [], a._shape[0]!, a._shape[1]!, b._shape[1]!);
  recordOp('mm', [a, b], [out], {});
  return out;
}

/**
 * Batched matrix product of two 3-D tensors.
 * @example
 * ```ts pytorch=core.bmm
 * const a = torch.arange(12, { dtype: 'float32' }).reshape(2, 2, 3);
 * const b = torch.ones(2, 3, 1);
 * console.log(torch.bmm(a, b)); // one matrix product per batch entry
 * ```
 * ```text
 * tensor([[[ 3.],
 *          [12.]],
 *
 *         [[21.],
 *          [30.]]])
 * ```
 */
export function bmm(a: Tensor, b: Tensor): Tensor {
  expectTensor('bmm', 'input', 1, a);
  expectTensor('bmm', 'mat2', 2, b);
  if (a._shape.length !== 3) throw new TorchRuntimeError('bmm', `batch1 must be a 3D tensor`);
  if (b._shape.length !== 3) throw new TorchRuntimeError('bmm', `batch2 must be a 3D tensor`);
  const [B, M, K] = a._shape as [number, number, number];
  if (b._shape[0] !== B || b._shape[1] !== K) {
    throw new TorchRuntimeError('bmm', `Expected size for first two dimensions of batch2 tensor to be: [${B}, ${K}] but got: [${b._shape[0]}, ${b._shape[1]}].`);
  }
  sameDtype('bmm', a, b, 'batch1 and batch2');
  const out = batchedMatmul('bmm', a, b, [B], M, K, b._shape[2]!);
  recordOp('bmm', [a, b], [out], {});
  return out;
}

/**
 * Dot product of two 1-D tensors.
 * @example
 * ```ts pytorch=core.dot
 * console.log(torch.dot(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6])));
 * ```
 * ```text
 * tensor(32)
 * ```
 */
export function dot(a: Tensor, b: Tensor): Tensor {
  expectTensor('dot', 'input', 1, a);
  expectTensor('dot', 'other', 2, b);
  if (a._shape.length !== 1 || b._shape.length !== 1) {
    throw new TorchRuntimeError('dot', `1D tensors expected, but got ${a._shape.length}D and ${b._shape.length}D tensors`);
  }
  if (a._shape[0] !== b._shape[0]) {
    throw new TorchRuntimeError('dot', `inconsistent tensor size, expected tensor [${a._shape[0]}] and src [${b._shape[0]}] to have the same number of elements, but got ${a._shape[0]} and ${b._shape[0]} elements respectively`);
  }
  if (a.dtype !== b.dtype) throw new TorchRuntimeError('dot', `dot : expected both vectors to have same dtype, but found ${cppName(a.dtype)} and ${cppName(b.dtype)}`);
  const k = a._shape[0]!;
  const out = batchedMatmul('dot', a.view(1, k), b.view(k, 1), [], 1, k, 1).view([]);
  recordOp('dot', [a, b], [out], {});
  return out;
}

/** Matrix-vector product. */
export function mv(a: Tensor, v: Tensor): Tensor {
  expectTensor('mv', 'input', 1, a);
  expectTensor('mv', 'vec', 2, v);
  if (a._shape.length !== 2 || v._shape.length !== 1) {
    throw new TorchRuntimeError('mv', `vector + matrix @ vector expected, got ${a._shape.length === 2 ? 1 : a._shape.length}, ${a._shape.length}, ${v._shape.length}`);
  }
  if (a._shape[1] !== v._shape[0]) {
    throw new TorchRuntimeError('mv', `size mismatch, got input (${a._shape[0]}), mat (${a._shape[0]}x${a._shape[1]}), vec (${v._shape[0]})`);
  }
  sameDtype('mv', a, v, 'mat1 and mat2');
  const out = batchedMatmul('mv', a, v.view(-1, 1), [], a._shape[0]!, a._shape[1]!, 1).view(-1);
  recordOp('mv', [a, v], [out], {});
  return out;
}

/**
 * Outer product of two 1-D tensors.
 * @example
 * ```ts pytorch=core.outer
 * console.log(torch.outer(torch.tensor([1, 2]), torch.tensor([1, 10, 100])));
 * ```
 * ```text
 * tensor([[  1,  10, 100],
 *         [  2,  20, 200]])
 * ```
 */
export function outer(a: Tensor, b: Tensor): Tensor {
  expectTensor('outer', 'input', 1, a);
  expectTensor('outer', 'vec2', 2, b);
  if (a._shape.length !== 1) throw new TorchRuntimeError('outer', `outer: Expected 1-D argument self, but got ${a._shape.length}-D`);
  if (b._shape.length !== 1) throw new TorchRuntimeError('outer', `outer: Expected 1-D argument vec2, but got ${b._shape.length}-D`);
  return a.reshape(-1, 1).mul(b);
}

/**
 * `torch.matmul`: 1-D operands are promoted to matrices (and the added dim removed
 * afterwards), leading dims broadcast as batch dims.
 * @example
 * ```ts pytorch=core.matmul
 * const a = torch.arange(6, { dtype: 'float32' }).reshape(2, 3);
 * console.log(torch.matmul(a, torch.tensor([1, 0, -1], { dtype: 'float32' })));
 * console.log(torch.matmul(a, a.T));
 * ```
 * ```text
 * tensor([-2., -2.])
 * tensor([[ 5., 14.],
 *         [14., 50.]])
 * ```
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  expectTensor('matmul', 'input', 1, a);
  expectTensor('matmul', 'other', 2, b);
  const da = a._shape.length;
  const db = b._shape.length;
  if (da === 0 || db === 0) {
    throw new TorchRuntimeError('matmul', `both arguments to matmul need to be at least 1D, but they are ${da}D and ${db}D`);
  }
  if (da === 1 && db === 1) return dot(a, b);
  if (da === 2 && db === 1) return mv(a, b);
  if (da === 1 && db === 2) {
    if (a._shape[0] !== b._shape[0]) {
      throw new TorchRuntimeError('matmul', `mat1 and mat2 shapes cannot be multiplied (1x${a._shape[0]} and ${b._shape[0]}x${b._shape[1]})`);
    }
    return composite('matmul', [a, b], {}, () => mm(a.unsqueeze(0), b).squeeze(0));
  }
  if (da === 2 && db === 2) return mm(a, b);
  // Batched: promote 1-D operands, broadcast batch dims.
  const a2 = da === 1 ? a.unsqueeze(0) : a;
  const b2 = db === 1 ? b.unsqueeze(-1) : b;
  const m = a2._shape[a2._shape.length - 2]!;
  const k = a2._shape[a2._shape.length - 1]!;
  const k2 = b2._shape[b2._shape.length - 2]!;
  const n = b2._shape[b2._shape.length - 1]!;
  if (k !== k2) {
    if (db <= 2) {
      // PyTorch folds the batch of a into rows and calls mm.
      const aRows = numelOf(a2._shape.slice(0, -1));
      throw new TorchRuntimeError('matmul', `mat1 and mat2 shapes cannot be multiplied (${aRows}x${k} and ${k2}x${n})`);
    }
    // Otherwise it expands both to the broadcast batch and calls bmm.
    const B = numelOf(broadcastShapes(a2._shape.slice(0, -2), b2._shape.slice(0, -2), 'matmul'));
    throw new TorchRuntimeError('matmul', `Expected size for first two dimensions of batch2 tensor to be: [${B}, ${k}] but got: [${B}, ${k2}].`);
  }
  if (a.dtype !== b.dtype) sameDtype('matmul', a, b, 'mat1 and mat2');
  if (a.dtype.name === 'bool') throw new TorchRuntimeError('matmul', `"addmm_impl_cpu_" not implemented for 'Bool'`);
  const batch = broadcastShapes(a2._shape.slice(0, -2), b2._shape.slice(0, -2), 'matmul');
  // One autograd node for the whole product (PyTorch's top node depends on the ranks).
  return composite('matmul', [a, b], { batch, m, k, n }, () => {
    let out = batchedMatmul('matmul', a2, b2, batch, m, k, n);
    if (da === 1) out = out.squeeze(-2);
    if (db === 1) out = out.squeeze(-1);
    return out;
  });
}
