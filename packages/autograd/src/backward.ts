/**
 * The user-facing entry points of the engine: `backward()` (also behind
 * `tensor.backward()`) and `grad()`, with PyTorch's argument checks and errors.
 */
import { type Tensor, TorchRuntimeError, TorchTypeError, onesLike } from '@antorcha/core';
import { runBackward } from './engine.js';

/** Options of {@link backward} and `tensor.backward()`. */
export interface BackwardOptions {
  /** Keep the graph (saved tensors) for another backward pass. Default: `createGraph`. */
  retainGraph?: boolean;
  /** Record the backward pass, so gradients can be differentiated again. Default false. */
  createGraph?: boolean;
  /** Accumulate only into these tensors' `.grad` (leaves or not). Default: every leaf of the graph. */
  inputs?: Tensor | readonly Tensor[];
}

/** Options of {@link grad}. */
export interface GradOptions {
  /** The gradient of each output ("vector" of the vector-Jacobian product); null/omitted for scalar outputs means 1. */
  gradOutputs?: Tensor | null | readonly (Tensor | null)[];
  /** Keep the graph for another backward pass. Default: `createGraph`. */
  retainGraph?: boolean;
  /** Record the backward pass (higher-order gradients). Default false. */
  createGraph?: boolean;
  /** Return null for inputs the outputs don't depend on instead of raising. Default false. */
  allowUnused?: boolean;
}

const list = <T>(v: T | readonly T[]): T[] => (Array.isArray(v) ? [...(v as T[])] : [v as T]);

/**
 * `grad`'s third and fourth arguments as options: PyTorch's positional `grad_outputs` (a
 * tensor, a list, or null) then options, or the options alone. A tensor is never mistaken
 * for options (its gradient would be silently ignored).
 */
function gradArgs(third: unknown, fourth: GradOptions | undefined): GradOptions {
  const positional = third === null || Array.isArray(third) || (typeof third === 'object' && third !== null && 'dtype' in third && '_shape' in third);
  if (!positional) {
    if (fourth !== undefined) throw new TorchTypeError('grad', 'grad(): the options object comes after grad_outputs, once');
    return (third ?? {}) as GradOptions;
  }
  if (fourth !== undefined && fourth !== null && 'gradOutputs' in fourth) throw new TorchTypeError('grad', "grad() got multiple values for argument 'grad_outputs'");
  return { ...(fourth ?? {}), gradOutputs: third as GradOptions['gradOutputs'] };
}

function sizeRepr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/** PyTorch's `_make_grads`: implicit ones for scalar outputs, shape checks for given gradients. */
function makeGrads(outputs: readonly Tensor[], grads: readonly (Tensor | null | undefined)[], op: string): Tensor[] {
  return outputs.map((out, i) => {
    const g = grads[i];
    if (g !== null && g !== undefined) {
      if (g._shape.length !== out._shape.length || g._shape.some((d, k) => d !== out._shape[k])) {
        throw new TorchRuntimeError(op, `Mismatch in shape: grad_output[${i}] has a shape of ${sizeRepr(g._shape)} and output[${i}] has a shape of ${sizeRepr(out._shape)}.`);
      }
      return g.dtype === out.dtype ? g : g.to(out.dtype);
    }
    if (out._requiresGrad && out.numel() !== 1) throw new TorchRuntimeError(op, 'grad can be implicitly created only for scalar outputs');
    // PyTorch 2.x's _make_grads (1.13 seeded complex outputs with 1)
    if (out._requiresGrad && out.dtype.isComplex) throw new TorchRuntimeError(op, `grad can be implicitly created only for real scalar outputs but got ${out.dtype}`);
    return onesLike(out);
  });
}

function checkRequireGrad(outputs: readonly Tensor[], op: string): void {
  outputs.forEach((t, i) => {
    if (!t._requiresGrad) throw new TorchRuntimeError(op, `element ${i} of tensors does not require grad and does not have a grad_fn`);
  });
}

/**
 * Computes the gradients of `tensors` with respect to the graph leaves and
 * accumulates them into each leaf's `.grad` (PyTorch's `torch.autograd.backward`).
 * Saved tensors are freed afterwards unless `retainGraph`.
 * @example
 * ```ts pytorch=core.autograd.backward
 * const x = torch.tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
 * torch.autograd.backward(x.mul(x).sum());
 * console.log(x.grad);
 * ```
 * ```text
 * tensor([2., 4., 6.])
 * ```
 */
export function backward(tensors: Tensor | readonly Tensor[], gradTensors?: Tensor | null | readonly (Tensor | null)[], opts: BackwardOptions = {}): void {
  const outputs = list(tensors);
  const grads = makeGrads(outputs, gradTensors === undefined || gradTensors === null ? [] : list(gradTensors), 'backward');
  checkRequireGrad(outputs, 'backward');
  let inputs: Tensor[] | null = null;
  if (opts.inputs !== undefined) {
    inputs = list(opts.inputs);
    if (inputs.length === 0) throw new TorchRuntimeError('backward', "'inputs' argument to backward() cannot be empty.");
  }
  const createGraph = opts.createGraph ?? false;
  runBackward(outputs, grads, { retainGraph: opts.retainGraph ?? createGraph, createGraph, inputs, accumulate: true });
}

/**
 * The gradients of `outputs` with respect to `inputs`, returned rather than
 * accumulated into `.grad` (PyTorch's `torch.autograd.grad`). With
 * `createGraph: true` the results are themselves differentiable.
 * @example
 * ```ts pytorch=core.autograd.grad
 * const x = torch.tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
 * const [dx] = torch.autograd.grad(x.pow(3).sum(), [x], { createGraph: true });
 * const [d2x] = torch.autograd.grad(dx!.sum(), [x]);
 * console.log(dx); // 3x²
 * console.log(d2x); // 6x
 * ```
 * ```text
 * tensor([ 3., 12., 27.], grad_fn=<MulBackward0>)
 * tensor([ 6., 12., 18.])
 * ```
 */
export function grad(outputs: Tensor | readonly Tensor[], inputs: Tensor | readonly Tensor[], opts?: GradOptions | null): (Tensor | null)[];
/** With PyTorch's positional `grad_outputs`: `grad(y, [x], v)` is `grad(y, [x], { gradOutputs: v })`. */
export function grad(
  outputs: Tensor | readonly Tensor[],
  inputs: Tensor | readonly Tensor[],
  gradOutputs: Tensor | null | readonly (Tensor | null)[],
  opts?: Omit<GradOptions, 'gradOutputs'>,
): (Tensor | null)[];
export function grad(
  outputs: Tensor | readonly Tensor[],
  inputs: Tensor | readonly Tensor[],
  third?: GradOptions | Tensor | null | readonly (Tensor | null)[],
  fourth?: GradOptions,
): (Tensor | null)[] {
  const opts = gradArgs(third, fourth);
  const outs = list(outputs);
  const ins = list(inputs);
  const given = opts.gradOutputs === undefined || opts.gradOutputs === null ? [] : list(opts.gradOutputs);
  const grads = makeGrads(outs, given, 'grad');
  checkRequireGrad(outs, 'grad');
  for (const t of ins) {
    if (!t._requiresGrad) throw new TorchRuntimeError('grad', 'One of the differentiated Tensors does not require grad');
  }
  const createGraph = opts.createGraph ?? false;
  const res = runBackward(outs, grads, { retainGraph: opts.retainGraph ?? createGraph, createGraph, inputs: ins, accumulate: false });
  if (!opts.allowUnused && res.some((g) => g === null)) {
    throw new TorchRuntimeError('grad', 'One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.');
  }
  return res;
}
