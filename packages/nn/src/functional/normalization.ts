/**
 * Normalisation (`F.batchNorm`, `F.layerNorm`, `F.groupNorm`, `F.normalize`)
 * composed from differentiable reductions; the first three are recorded as
 * PyTorch's single `Native*NormBackward0` nodes.
 */
import { type Tensor, TorchRuntimeError, TorchValueError, cppName, fmtShape, expectIntOrList, expectTensor } from '@antorcha/core';
import { expectFloatKernel, expectOptions } from './utils.js';
import { pad } from './padding.js';
import { avgPool2d, avgPool3d } from './pooling.js';
import { fusedNode, noGrad } from '@antorcha/autograd';

/** Options of `batchNorm`. */
export interface BatchNormOptions {
  /** Per-channel scale (γ). */
  weight?: Tensor | null;
  /** Per-channel shift (β). */
  bias?: Tensor | null;
  /** Use batch statistics (and update the running ones) instead of the running ones. */
  training?: boolean;
  /**
   * Weight of the new batch statistic in the running averages (default 0.1): a number, or
   * a 0-d tensor on the input's device (PyTorch reads a tensor as a float; here it stays
   * on the device, which is how `BatchNorm`'s cumulative average avoids a synchronous read).
   */
  momentum?: number | Tensor;
  /** Added to the variance (default 1e-5). */
  eps?: number;
}

function channelShape(x: Tensor): number[] {
  const s = new Array<number>(x.ndim).fill(1);
  s[1] = x._shape[1]!;
  return s;
}

/**
 * Batch normalisation over the channel dim 1 of [N, C, …]. In training mode it
 * normalises with the batch mean and biased variance and updates `runningMean`
 * / `runningVar` in place (with the unbiased variance), as PyTorch does.
 * @example
 * ```ts pytorch=nn.F.batchNorm
 * const x = torch.tensor([[1, 2], [3, 6]], { dtype: 'float32' });
 * const mean = torch.zeros(2), variance = torch.ones(2);
 * console.log(torch.nn.functional.batchNorm(x, mean, variance, { training: true }));
 * console.log(mean, variance); // updated in place with momentum 0.1
 * ```
 * ```text
 * tensor([[-1.0000, -1.0000],
 *         [ 1.0000,  1.0000]])
 * tensor([0.2000, 0.4000]) tensor([1.1000, 1.7000])
 * ```
 */
export function batchNorm(input: Tensor, runningMean: Tensor | null, runningVar: Tensor | null, opts: BatchNormOptions = {}): Tensor {
  expectTensor('batch_norm', 'input', 1, input);
  // PyTorch takes both as required arguments that may be None.
  if (runningMean !== null) expectTensor('batch_norm', 'running_mean', 2, runningMean);
  if (runningVar !== null) expectTensor('batch_norm', 'running_var', 3, runningVar);
  expectOptions('batch_norm', opts);
  const training = opts.training ?? false;
  const momentum = opts.momentum ?? 0.1;
  if (typeof momentum !== 'number' && momentum.ndim !== 0) throw new TorchValueError('batch_norm', `momentum must be a number or a 0-d tensor, got a tensor of shape ${fmtShape(momentum._shape)}`);
  const eps = opts.eps ?? 1e-5;
  if (input.ndim < 2) throw new TorchValueError('batch_norm', `expected 2D or 3D input (got ${input.ndim}D input)`);
  const dims = [0, ...Array.from({ length: input.ndim - 2 }, (_, i) => i + 2)];
  const cs = channelShape(input);
  const n = input.numel() / input._shape[1]!;
  if (training && n <= 1) throw new TorchValueError('batch_norm', `Expected more than 1 value per channel when training, got input size ${fmtShape(input._shape)}`);
  if (!training && (runningMean === null || runningVar === null)) throw new TorchRuntimeError('batch_norm', 'running_mean and running_var must be defined in evaluation mode');
  expectFloatKernel('batch_norm', 'batch_norm', input);
  // PyTorch 1.13's CPU check of the running statistics and affine parameters against the input
  for (const p of [runningMean, runningVar, opts.weight ?? null, opts.bias ?? null]) {
    if (p !== null && !p.dtype.isFloatingPoint && !p.dtype.isComplex) throw new TorchRuntimeError('batch_norm', `mixed dtype (CPU): expect parameter to have scalar type of ${cppName(input.dtype)}`);
  }
  const out = fusedNode('NativeBatchNormBackward0', [input, opts.weight ?? null, opts.bias ?? null], (x, weight, bias) => {
    let mean: Tensor;
    let invstd: Tensor;
    if (training) {
      mean = x.mean(dims, true);
      invstd = x.sub(mean).square().mean(dims, true).add(eps).rsqrt();
    } else {
      mean = runningMean!.view(cs);
      invstd = runningVar!.view(cs).add(eps).rsqrt();
    }
    let y = x.sub(mean).mul(invstd);
    if (weight) y = y.mul(weight.view(cs));
    if (bias) y = y.add(bias.view(cs));
    return y;
  });
  // running statistics (outside the fused op, which must be free of side effects)
  if (training && (runningMean !== null || runningVar !== null)) {
    noGrad(() => {
      const x = input.detach();
      const mean = x.mean(dims, true);
      const keepOld = typeof momentum === 'number' ? 1 - momentum : momentum.neg().add(1);
      if (runningMean !== null) runningMean.mul_(keepOld).add_(mean.reshape(-1).mul(momentum));
      if (runningVar !== null) {
        const unbiased = x.sub(mean).square().sum(dims).div(n - 1);
        runningVar.mul_(keepOld).add_(unbiased.mul(momentum));
      }
    });
  }
  return out;
}

/** Options of `layerNorm`. */
export interface LayerNormOptions {
  /** Elementwise scale of `normalizedShape`. */
  weight?: Tensor | null;
  /** Elementwise shift of `normalizedShape`. */
  bias?: Tensor | null;
  /** Added to the variance (default 1e-5). */
  eps?: number;
}

/**
 * Layer normalisation over the trailing dims `normalizedShape` (biased variance).
 * @example
 * ```ts pytorch=nn.F.layerNorm
 * const x = torch.tensor([[1, 2, 3], [2, 2, 8]], { dtype: 'float32' });
 * console.log(torch.nn.functional.layerNorm(x, [3]));
 * ```
 * ```text
 * tensor([[-1.2247,  0.0000,  1.2247],
 *         [-0.7071, -0.7071,  1.4142]])
 * ```
 */
export function layerNorm(input: Tensor, normalizedShape: number | readonly number[], opts: LayerNormOptions = {}): Tensor {
  expectTensor('layer_norm', 'input', 1, input);
  expectIntOrList('layer_norm', 'normalized_shape', 2, normalizedShape);
  expectOptions('layer_norm', opts);
  return fusedNode('NativeLayerNormBackward0', [input, opts.weight ?? null, opts.bias ?? null], (x, weight, bias) =>
    layerNormImpl(x, normalizedShape, { ...opts, weight, bias }),
  );
}

function layerNormImpl(input: Tensor, shape: number | readonly number[], opts: LayerNormOptions): Tensor {
  const normalizedShape = typeof shape === 'number' ? [shape] : shape;
  const k = normalizedShape.length;
  const tail = input._shape.slice(input.ndim - k);
  if (k === 0 || tail.length !== k || tail.some((d, i) => d !== normalizedShape[i])) {
    throw new TorchRuntimeError(
      'layer_norm',
      `Given normalized_shape=[${normalizedShape.join(', ')}], expected input with shape [*, ${normalizedShape.join(', ')}], but got input of size${fmtShape(input._shape)}`,
    );
  }
  expectFloatKernel('layer_norm', 'LayerNormKernelImpl', input);
  const dims = Array.from({ length: k }, (_, i) => input.ndim - k + i);
  const mean = input.mean(dims, true);
  const centered = input.sub(mean);
  const variance = centered.square().mean(dims, true);
  let out = centered.mul(variance.add(opts.eps ?? 1e-5).rsqrt());
  if (opts.weight) out = out.mul(opts.weight);
  if (opts.bias) out = out.add(opts.bias);
  return out;
}

/** Options of `groupNorm`. */
export interface GroupNormOptions {
  /** Per-channel scale. */
  weight?: Tensor | null;
  /** Per-channel shift. */
  bias?: Tensor | null;
  /** Added to the variance (default 1e-5). */
  eps?: number;
}

/**
 * Group normalisation: channels split into `numGroups` groups, each normalised over its channels and spatial dims.
 * @example
 * ```ts pytorch=nn.F.groupNorm
 * const x = torch.arange(8, { dtype: 'float32' }).reshape(1, 4, 2);
 * console.log(torch.nn.functional.groupNorm(x, 2));
 * ```
 * ```text
 * tensor([[[-1.3416, -0.4472],
 *          [ 0.4472,  1.3416],
 *          [-1.3416, -0.4472],
 *          [ 0.4472,  1.3416]]])
 * ```
 */
export function groupNorm(input: Tensor, numGroups: number, opts: GroupNormOptions = {}): Tensor {
  expectTensor('group_norm', 'input', 1, input);
  expectOptions('group_norm', opts);
  return fusedNode('NativeGroupNormBackward0', [input, opts.weight ?? null, opts.bias ?? null], (x, weight, bias) =>
    groupNormImpl(x, numGroups, { ...opts, weight, bias }),
  );
}

function groupNormImpl(input: Tensor, numGroups: number, opts: GroupNormOptions): Tensor {
  if (input.ndim < 2) throw new TorchRuntimeError('group_norm', `Expected at least 2 dimensions for input tensor but received ${input.ndim}`);
  const [N, C] = input._shape as [number, number];
  if (C % numGroups !== 0) throw new TorchRuntimeError('group_norm', `Expected number of channels in input to be divisible by num_groups, but got input of shape ${fmtShape(input._shape)} and num_groups=${numGroups}`);
  expectFloatKernel('group_norm', 'GroupNormKernelImpl', input);
  const g = input.reshape(N, numGroups, -1);
  const mean = g.mean(2, true);
  const centered = g.sub(mean);
  const variance = centered.square().mean(2, true);
  let out = centered.mul(variance.add(opts.eps ?? 1e-5).rsqrt()).reshape(input._shape);
  const cs = channelShape(input);
  if (opts.weight) out = out.mul(opts.weight.view(cs));
  if (opts.bias) out = out.add(opts.bias.view(cs));
  return out;
}

/**
 * `x / max(‖x‖_p, eps)` along `dim` (default p = 2, dim = 1).
 * @example
 * ```ts pytorch=nn.F.normalize
 * const x = torch.tensor([[3, 4], [1, 0]], { dtype: 'float32' });
 * console.log(torch.nn.functional.normalize(x)); // rows scaled to unit L2 norm
 * console.log(torch.nn.functional.normalize(x, { p: 1, dim: 0 }));
 * ```
 * ```text
 * tensor([[0.6000, 0.8000],
 *         [1.0000, 0.0000]])
 * tensor([[0.7500, 1.0000],
 *         [0.2500, 0.0000]])
 * ```
 */
export function normalize(input: Tensor, opts: { p?: number; dim?: number; eps?: number } = {}): Tensor {
  expectTensor('normalize', 'input', 1, input);
  expectOptions('normalize', opts);
  const denom = input.norm(opts.p ?? 2, opts.dim ?? 1, true).clamp(opts.eps ?? 1e-12);
  return input.div(denom.expandAs(input));
}

/** Options of `instanceNorm`. */
export interface InstanceNormOptions {
  /** Per-channel running mean [C], updated with the mean over the batch of the instances' means. */
  runningMean?: Tensor | null;
  /** Per-channel running variance [C]. */
  runningVar?: Tensor | null;
  /** Per-channel scale. */
  weight?: Tensor | null;
  /** Per-channel shift. */
  bias?: Tensor | null;
  /** Normalise with each instance's statistics (default true), else with the running ones. */
  useInputStats?: boolean;
  /** Weight of new statistics in the running averages (default 0.1). */
  momentum?: number;
  /** Added to the variance (default 1e-5). */
  eps?: number;
}

/**
 * Instance normalisation: each (sample, channel) of [N, C, …] normalised over its own
 * spatial dims. As ATen: batch norm of the input viewed as [1, N·C, …] with the per-channel
 * tensors repeated N times, running statistics averaged back over the batch.
 * @example
 * ```ts pytorch=nn.F.instanceNorm
 * console.log(torch.nn.functional.instanceNorm(torch.tensor([[[1, 2, 3], [0, 0, 6]]], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([[[-1.2247,  0.0000,  1.2247],
 *          [-0.7071, -0.7071,  1.4142]]])
 * ```
 */
export function instanceNorm(input: Tensor, opts: InstanceNormOptions = {}): Tensor {
  expectTensor('instance_norm', 'input', 1, input);
  expectOptions('instance_norm', opts);
  if (input.ndim < 2) throw new TorchValueError('instance_norm', `expected at least 2D input (got ${input.ndim}D input)`);
  const [N, C] = input._shape as [number, number];
  const rep = (t: Tensor | null | undefined): Tensor | null => (t ? t.repeat(N) : null);
  const rm = rep(opts.runningMean);
  const rv = rep(opts.runningVar);
  const x = input.contiguous().view([1, N * C, ...input._shape.slice(2)]);
  const out = batchNorm(x, rm, rv, {
    weight: rep(opts.weight),
    bias: rep(opts.bias),
    training: opts.useInputStats ?? true,
    momentum: opts.momentum ?? 0.1,
    eps: opts.eps ?? 1e-5,
  });
  noGrad(() => {
    if (opts.runningMean && rm) opts.runningMean.copy_(rm.view(N, C).mean(0));
    if (opts.runningVar && rv) opts.runningVar.copy_(rv.view(N, C).mean(0));
  });
  return out.view(input._shape);
}

/**
 * Local response normalisation across channels (dim 1) of [N, C, *] input:
 * x / (k + α/n · Σ x² over `size` neighbouring channels)^β (PyTorch's composite).
 * @example
 * ```ts pytorch=nn.F.localResponseNorm
 * console.log(torch.nn.functional.localResponseNorm(torch.tensor([[[1], [2], [3]]], { dtype: 'float32' }), 2, 0.1).flatten());
 * ```
 * ```text
 * tensor([0.9641, 1.6918, 2.0607])
 * ```
 */
export function localResponseNorm(input: Tensor, size: number, alpha = 1e-4, beta = 0.75, k = 1.0): Tensor {
  const op = 'local_response_norm';
  expectTensor(op, 'input', 1, input);
  const dim = input.ndim;
  if (dim < 3) throw new TorchValueError(op, `Expected 3D or higher dimensionality                          input (got ${dim} dimensions)`);
  if (input.numel() === 0) return input;
  let div = input.mul(input).unsqueeze(1);
  if (dim === 3) {
    div = pad(div, [0, 0, Math.floor(size / 2), Math.floor((size - 1) / 2)]);
    div = avgPool2d(div, [size, 1], { stride: 1 }).squeeze(1);
  } else {
    const sizes = input._shape;
    div = div.view(sizes[0]!, 1, sizes[1]!, sizes[2]!, -1);
    div = pad(div, [0, 0, 0, 0, Math.floor(size / 2), Math.floor((size - 1) / 2)]);
    div = avgPool3d(div, [size, 1, 1], { stride: 1 }).squeeze(1);
    div = div.view(sizes);
  }
  div = div.mul(alpha).add(k).pow(beta);
  return input.div(div);
}
