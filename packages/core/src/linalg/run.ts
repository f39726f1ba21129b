/**
 * Running a {@link LinalgKernel} on tensors: finds the backend's `linalg` method (or
 * raises the error that names the op, the device and the way out), collapses the
 * callers' batch dims into the kernel's one leading batch dim, allocates the outputs.
 * Every torch.linalg op reaches its backend through {@link runLinalg}.
 */
import type { Backend } from '../backend.js';
import type { DType } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import { computeViewStrides, numelOf } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { backendFor, emptyTensor, refWith } from '../ops/dispatch.js';
import type { LinalgKernel, LinalgParams } from './kernels.js';

/** The shape (without batch dims) and dtype of one kernel output. */
export interface LinalgOutput {
  /** The output's shape without the batch dims. */
  readonly shape: readonly number[];
  /** The output's dtype. */
  readonly dtype: DType;
}

/** The backend of `t`'s device, which must implement `linalg` (else PyTorch-style advice to move to the CPU). */
export function linalgBackend(op: string, t: Tensor): Backend & Required<Pick<Backend, 'linalg'>> {
  const b = backendFor(t.device, t.dtype, op);
  if (b.linalg === undefined) {
    throw new TorchRuntimeError(
      op,
      `${op}: the '${t.device}' backend has no linear-algebra kernels; move the input to the CPU first (\`await t.toAsync('cpu')\`), compute there, and move the result back`,
    );
  }
  return b as Backend & Required<Pick<Backend, 'linalg'>>;
}

/**
 * Runs `kernel` over `inputs` that all share the leading `batch` dims (the caller has
 * broadcast them; each input's trailing dims are its matrix dims), returning outputs of
 * shape `[...batch, ...spec.shape]`.
 */
export function runLinalg(
  op: string,
  kernel: LinalgKernel,
  batch: readonly number[],
  inputs: readonly Tensor[],
  outputs: readonly LinalgOutput[],
  params?: LinalgParams,
): Tensor[] {
  const backend = linalgBackend(op, inputs[0]!);
  const B = numelOf(batch);
  const nb = batch.length;
  const refs = inputs.map((t) => {
    const tail = t._shape.slice(nb);
    const target = [B, ...tail];
    const collapsed = computeViewStrides(t._shape, t._strides, target);
    if (collapsed !== null) return refWith(t, target, collapsed);
    const c = t.contiguous();
    return refWith(c, target, computeViewStrides(c._shape, c._strides, target)!);
  });
  const outs = outputs.map((o) => emptyTensor([...batch, ...o.shape], o.dtype, inputs[0]!.device, op));
  const outRefs = outs.map((t, i) => refWith(t, [B, ...outputs[i]!.shape], computeViewStrides(t._shape, t._strides, [B, ...outputs[i]!.shape])!));
  if (B > 0) backend.linalg(kernel, refs, outRefs, params);
  return outs;
}
