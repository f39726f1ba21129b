/**
 * Loss functions (`F.mseLoss`, `F.crossEntropy`, …) with PyTorch's formulas,
 * reductions and numerically stable forms (log-softmax, log-sum-exp style
 * logits losses, BCE's log clamp at −100).
 */
import {
  Tensor, TorchRuntimeError, TorchTypeError, TorchValueError, arange, bool, broadcastShapes, canCast, cat, cppName, resultType, deviceCheck, fmtShape, full, fullLike, int64, pyTypeName, stack, tensor, where, expectTensor, zeros, zerosLike,
} from '@antorcha/core';
import { expectFloatKernel, expectOptions } from './utils.js';
import { Function, type FunctionCtx, fusedNode, noGrad } from '@antorcha/autograd';
import { logSigmoid } from './activation.js';
import type { Reduction } from './utils.js';

export type { Reduction } from './utils.js';

function reduce(loss: Tensor, reduction: Reduction, op: string): Tensor {
  switch (reduction) {
    case 'mean':
      return loss.mean();
    case 'sum':
      return loss.sum();
    case 'none':
      return loss;
    default:
      throw new TorchValueError(op, `${String(reduction)} is not a valid value for reduction`);
  }
}

function sameShape(input: Tensor, target: Tensor, op: string): void {
  const a = input._shape;
  const b = target._shape;
  if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
    // PyTorch warns and broadcasts; a mismatch that does not broadcast is an error there too.
    try {
      input.add(target.detach());
    } catch {
      throw new TorchRuntimeError(op, `The size of tensor a (${a[a.length - 1]}) must match the size of tensor b (${b[b.length - 1]}) at non-singleton dimension ${Math.max(a.length, b.length) - 1}`);
    }
  }
}

/** Options shared by the elementwise losses. */
export interface ReductionOptions {
  /** `'mean'` (default), `'sum'` or `'none'`. */
  reduction?: Reduction;
}

/**
 * Mean squared error: (input − target)².
 * @example
 * ```ts pytorch=nn.F.mseLoss
 * const pred = torch.tensor([0.5, 1, 2], { dtype: 'float32', requiresGrad: true });
 * const loss = torch.nn.functional.mseLoss(pred, torch.ones(3));
 * loss.backward();
 * console.log(loss, pred.grad);
 * ```
 * ```text
 * tensor(0.4167, grad_fn=<MseLossBackward0>) tensor([-0.3333,  0.0000,  0.6667])
 * ```
 */
export function mseLoss(input: Tensor, target: Tensor, opts: ReductionOptions = {}): Tensor {
  expectTensor('mse_loss', 'input', 1, input);
  expectTensor('mse_loss', 'target', 2, target);
  expectOptions('mse_loss', opts);
  sameShape(input, target, 'mse_loss');
  expectFloatKernel('mse_loss', 'mse_cpu', { dtype: resultType(input, target) });
  const reduction = opts.reduction ?? 'mean';
  return fusedNode('MseLossBackward0', [input, target], (x, t) => reduce(promotedDiff(x, t).square(), reduction, 'mse_loss'));
}

/**
 * Mean absolute error: |input − target|.
 * @example
 * ```ts pytorch=nn.F.l1Loss
 * const pred = torch.tensor([0.5, 1, 3], { dtype: 'float32' });
 * console.log(torch.nn.functional.l1Loss(pred, torch.ones(3)), torch.nn.functional.l1Loss(pred, torch.ones(3), { reduction: 'sum' }));
 * ```
 * ```text
 * tensor(0.8333) tensor(2.5000)
 * ```
 */
export function l1Loss(input: Tensor, target: Tensor, opts: ReductionOptions = {}): Tensor {
  expectTensor('l1_loss', 'input', 1, input);
  expectTensor('l1_loss', 'target', 2, target);
  expectOptions('l1_loss', opts);
  sameShape(input, target, 'l1_loss');
  return reduce(input.sub(target).abs(), opts.reduction ?? 'mean', 'l1_loss');
}

/**
 * Smooth L1: 0.5·d²/β where |d| < β, |d| − 0.5·β elsewhere (β = 0: L1).
 * @example
 * ```ts pytorch=nn.F.smoothL1Loss
 * const pred = torch.tensor([0, 0.5, 3], { dtype: 'float32' });
 * console.log(torch.nn.functional.smoothL1Loss(pred, torch.zeros(3)), torch.nn.functional.smoothL1Loss(pred, torch.zeros(3), { beta: 2 }));
 * ```
 * ```text
 * tensor(0.8750) tensor(0.6875)
 * ```
 */
export function smoothL1Loss(input: Tensor, target: Tensor, opts: ReductionOptions & { beta?: number } = {}): Tensor {
  expectTensor('smooth_l1_loss', 'input', 1, input);
  expectTensor('smooth_l1_loss', 'target', 2, target);
  expectOptions('smooth_l1_loss', opts);
  const beta = opts.beta ?? 1.0;
  if (beta < 0) throw new TorchRuntimeError('smooth_l1_loss', 'smooth_l1_loss does not support negative values for beta.');
  sameShape(input, target, 'smooth_l1_loss');
  expectFloatKernel('smooth_l1_loss', 'smooth_l1_cpu', { dtype: resultType(input, target) });
  const reduction = opts.reduction ?? 'mean';
  // β = 0 is PyTorch's l1_loss (a composite there too)
  if (beta === 0) return reduce(promotedDiff(input, target).abs(), reduction, 'smooth_l1_loss');
  return fusedNode('SmoothL1LossBackward0', [input, target], (x, t) => {
    const z = promotedDiff(x, t).abs();
    return reduce(where(z.lt(beta), z.square().mul(0.5).div(beta), z.sub(0.5 * beta)), reduction, 'smooth_l1_loss');
  });
}

/**
 * Huber: 0.5·d² where |d| < δ, δ·(|d| − 0.5·δ) elsewhere.
 * @example
 * ```ts pytorch=nn.F.huberLoss
 * const pred = torch.tensor([0, 0.5, 3], { dtype: 'float32' });
 * console.log(torch.nn.functional.huberLoss(pred, torch.zeros(3), { reduction: 'none', delta: 2 }));
 * ```
 * ```text
 * tensor([0.0000, 0.1250, 4.0000])
 * ```
 */
export function huberLoss(input: Tensor, target: Tensor, opts: ReductionOptions & { delta?: number } = {}): Tensor {
  expectTensor('huber_loss', 'input', 1, input);
  expectTensor('huber_loss', 'target', 2, target);
  expectOptions('huber_loss', opts);
  const delta = opts.delta ?? 1.0;
  if (delta <= 0) throw new TorchRuntimeError('huber_loss', 'huber_loss does not support non-positive values for delta.');
  sameShape(input, target, 'huber_loss');
  // PyTorch writes the loss into a tensor of the input's dtype, then dispatches on it
  const huberType = resultType(input, target);
  if (!canCast(huberType, input.dtype)) throw new TorchRuntimeError('huber_loss', `result type ${cppName(huberType)} can't be cast to the desired output type ${cppName(input.dtype)}`);
  expectFloatKernel('huber_loss', 'huber_cpu', { dtype: huberType });
  const reduction = opts.reduction ?? 'mean';
  return fusedNode('HuberLossBackward0', [input, target], (x, t) => {
    const z = promotedDiff(x, t).abs();
    return reduce(where(z.lt(delta), z.square().mul(0.5), z.sub(0.5 * delta).mul(delta)), reduction, 'huber_loss');
  });
}

/** Options of `nllLoss` and `crossEntropy`. */
export interface NllLossOptions extends ReductionOptions {
  /** Per-class weights [C]. */
  weight?: Tensor | null;
  /** Target value that contributes nothing (default −100). */
  ignoreIndex?: number;
}

/** Options of `crossEntropy`. */
export interface CrossEntropyOptions extends NllLossOptions {
  /** Mixes the target with the uniform distribution: (1 − ε)·target + ε/C (default 0). */
  labelSmoothing?: number;
}

/** Moves the class dim (1) last and flattens the rest: [N, C, d…] → [N·d…, C]; [C] → [1, C]. */
function classesLast(input: Tensor): Tensor {
  if (input.ndim === 1) return input.unsqueeze(0);
  if (input.ndim === 2) return input;
  return input.movedim(1, -1).reshape(-1, input._shape[1]!);
}

/** input − target in their promoted dtype: a bool operand is converted first, as PyTorch's TensorIterator does. */
function promotedDiff(x: Tensor, t: Tensor): Tensor {
  if (x.dtype.name !== 'bool' && t.dtype.name !== 'bool') return x.sub(t);
  const rt = resultType(x, t);
  return x.to(rt).sub(t.to(rt));
}

/** An integer input where PyTorch's kernel writes a float result into a tensor of the input's dtype (bool fails earlier, at a negation). */
function floatIntoInput(op: string, input: Tensor): void {
  const d = input.dtype;
  if (!d.isFloatingPoint && !d.isComplex && d.name !== 'bool') throw new TorchRuntimeError(op, `result type Float can't be cast to the desired output type ${cppName(d)}`);
}

function checkTarget(input: Tensor, target: Tensor, op: string): void {
  if (target.dtype.isFloatingPoint || target.dtype.name === 'bool') {
    throw new TorchRuntimeError(op, `expected scalar type Long but found ${target.dtype.name === 'float64' ? 'Double' : target.dtype.name === 'bool' ? 'Bool' : 'Float'}`);
  }
  const expected = input.ndim === 1 ? [] : [input._shape[0]!, ...input._shape.slice(2)];
  if (target.ndim !== expected.length || target._shape.some((d, i) => d !== expected[i])) {
    if (input.ndim === 2 && target.ndim === 1) throw new TorchValueError(op, `Expected input batch_size (${input._shape[0]}) to match target batch_size (${target._shape[0]}).`);
    throw new TorchRuntimeError(op, `Expected target size ${fmtShape(expected)}, got ${fmtShape(target._shape)}`);
  }
}

/**
 * Negative log likelihood of log-probabilities `input` [N, C] (or [C], or
 * [N, C, d…]) at class indices `target` [N] (or [], or [N, d…]). The mean is
 * weighted: Σ wₜ·lossᵢ / Σ wₜ over non-ignored entries.
 * @example
 * ```ts pytorch=nn.F.nllLoss
 * const logProbs = torch.tensor([[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], { dtype: 'float32' }).log();
 * const target = torch.tensor([2, 0]);
 * console.log(torch.nn.functional.nllLoss(logProbs, target));
 * console.log(torch.nn.functional.nllLoss(logProbs, target, { weight: torch.tensor([1, 1, 3], { dtype: 'float32' }) }));
 * ```
 * ```text
 * tensor(0.6020)
 * tensor(0.6476)
 * ```
 */
export function nllLoss(input: Tensor, target: Tensor, opts: NllLossOptions = {}): Tensor {
  expectTensor('nll_loss', 'input', 1, input);
  expectTensor('nll_loss', 'target', 2, target);
  expectOptions('nll_loss', opts);
  const op = 'nll_loss';
  const reduction = opts.reduction ?? 'mean';
  const ignoreIndex = opts.ignoreIndex ?? -100;
  checkTarget(input, target, op);
  // the CPU kernels dispatch on the input's dtype, then read the target as int64 (or uint8)
  expectFloatKernel(op, input.ndim <= 2 ? 'nll_loss_out_frame' : 'nll_loss2d_forward_out_frame', input);
  if (target.dtype.name !== 'int64' && target.dtype.name !== 'uint8') throw new TorchRuntimeError(op, `expected scalar type Long but found ${cppName(target.dtype)}`);
  const C = input.ndim === 1 ? input._shape[0]! : input._shape[1]!;
  const t = target.reshape(-1).to(int64);
  const valid = t.ne(ignoreIndex);
  // a device-side check (raised at the next read on WebGPU, as CUDA's assert); PyTorch's CPU
  // kernel raises IndexError (TORCH_CHECK_INDEX) with this text
  deviceCheck(op, t.lt(0).logicalOr(t.ge(C)).logicalAnd(valid), { message: 'Target {value} is out of bounds.', errorClass: 'IndexError' }, t);
  if (opts.weight && (opts.weight.ndim !== 1 || opts.weight._shape[0] !== C)) {
    throw new TorchRuntimeError(op, `weight tensor should be defined either for all ${C} classes or no classes but got weight tensor of shape: ${fmtShape(opts.weight._shape)}`);
  }
  if (reduction !== 'none' && reduction !== 'sum' && reduction !== 'mean') {
    throw new TorchValueError(op, `${String(reduction)} is not a valid value for reduction`);
  }
  const safe = where(valid, t, 0);
  // PyTorch's kernels: nll_loss for [N, C] and [C], nll_loss2d for [N, C, H, W]
  const name = input.ndim <= 2 ? 'NllLossBackward0' : 'NllLoss2DBackward0';
  const weight = opts.weight ?? null;
  // the class weights are not differentiated (no edge), as in PyTorch
  return fusedNode(name, [input], (inp) => {
    const picked = classesLast(inp).gather(1, safe.unsqueeze(1)).squeeze(1).neg();
    const w = weight ? weight.detach().indexSelect(0, safe).mul(valid.to(inp.dtype)) : valid.to(inp.dtype);
    const losses = picked.mul(w);
    if (reduction === 'none') return input.ndim === 1 ? losses.reshape([]) : losses.reshape(target._shape);
    if (reduction === 'sum') return losses.sum();
    return losses.sum().div(w.sum());
  });
}

function weightView(weight: Tensor, ndim: number, classDim: number): Tensor {
  const shape = new Array<number>(ndim).fill(1);
  shape[classDim] = weight._shape[0]!;
  return weight.view(shape);
}

/**
 * Cross entropy of unnormalised logits `input` [N, C] (or [C], [N, C, d…]) with
 * class indices (int64 `target`) or class probabilities (float `target`, same
 * shape as input). Computed as `nllLoss(logSoftmax(input))`, with PyTorch's
 * label-smoothing and weighting rules.
 * @example
 * ```ts pytorch=nn.F.crossEntropy
 * const F = torch.nn.functional;
 * const logits = torch.tensor([[2, 0.5, -1], [0, 1, 0]]);
 * const labels = torch.tensor([0, 2]);
 * console.log(F.crossEntropy(logits, labels));
 * console.log(F.crossEntropy(logits, labels, { labelSmoothing: 0.1, reduction: 'none' }));
 * ```
 * ```text
 * tensor(0.8964)
 * tensor([0.3913, 1.5181])
 * ```
 */
export function crossEntropy(input: Tensor, target: Tensor, opts: CrossEntropyOptions = {}): Tensor {
  expectTensor('cross_entropy', 'input', 1, input);
  expectTensor('cross_entropy', 'target', 2, target);
  expectOptions('cross_entropy', opts);
  const op = 'cross_entropy';
  const reduction = opts.reduction ?? 'mean';
  const ls = opts.labelSmoothing ?? 0;
  if (ls < 0 || ls > 1) throw new TorchRuntimeError(op, `label_smoothing must be between 0.0 and 1.0. Got: ${ls}`);
  const classDim = input.ndim === 1 ? 0 : 1;
  const C = input._shape[classDim]!;
  const sameSize = target.ndim === input.ndim && target._shape.every((d, i) => d === input._shape[i]);
  if (sameSize && !target.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `Expected floating point type for target with class probabilities, got ${cppName(target.dtype)}`);
  const logp = input.logSoftmax(classDim);
  if (target.dtype.isFloatingPoint) {
    if (target.ndim !== input.ndim || target._shape.some((d, i) => d !== input._shape[i])) {
      throw new TorchRuntimeError(op, `Expected target size ${fmtShape(input._shape)}, got ${fmtShape(target._shape)}`);
    }
    const tgt = ls > 0 ? target.mul(1 - ls).add(ls / C) : target;
    let prod = logp.mul(tgt);
    if (opts.weight) prod = prod.mul(weightView(opts.weight, input.ndim, classDim));
    switch (reduction) {
      case 'mean':
        return prod.sum().neg().div(input.numel() / C);
      case 'sum':
        return prod.sum().neg();
      case 'none':
        return prod.sum(classDim).neg();
      default:
        throw new TorchValueError(op, `${String(reduction)} is not a valid value for reduction`);
    }
  }
  const ignoreIndex = opts.ignoreIndex ?? -100;
  const nll = nllLoss(logp, target, { weight: opts.weight ?? null, ignoreIndex, reduction });
  if (ls === 0) return nll;
  const ignoreMask = target.eq(ignoreIndex);
  let smooth = opts.weight ? logp.mul(weightView(opts.weight, input.ndim, classDim)).sum(classDim).neg() : logp.sum(classDim).neg();
  smooth = smooth.maskedFill(ignoreMask, 0);
  let ret: Tensor;
  switch (reduction) {
    case 'mean':
      if (opts.weight) {
        // Σ weight[target] over the non-ignored targets (the ignored ones add 0)
        const t = where(ignoreMask, 0, target).reshape(-1).to(int64);
        ret = smooth.sum().div(opts.weight.gather(0, t).mul(ignoreMask.logicalNot().reshape(-1).to(opts.weight.dtype)).sum());
      } else ret = smooth.sum().div(ignoreMask.logicalNot().sum().to(smooth.dtype));
      break;
    case 'sum':
      ret = smooth.sum();
      break;
    default:
      ret = smooth;
  }
  return nll.mul(1 - ls).add(ret.mul(ls / C));
}

/** Options of `binaryCrossEntropy`. */
export interface BceOptions extends ReductionOptions {
  /** Rescaling weight, broadcast to the input. */
  weight?: Tensor | null;
}

/**
 * PyTorch's fused binary cross entropy: forward with each log clamped at −100,
 * backward `g·(x − t) / max((1 − x)·x, ε)·w` (finite at x ∈ {0, 1}, as PyTorch's).
 */
class BinaryCrossEntropy extends Function {
  static override forward(ctx: FunctionCtx, input: Tensor, target: Tensor, weight: Tensor | null, reduction: Reduction): Tensor {
    ctx.saveForBackward(input, target, weight);
    ctx.reduction = reduction;
    // (t − 1)·max(log1p(−x), −100) − t·max(log(x), −100)
    let loss = target.sub(1).mul(input.neg().log1p().clamp(-100)).sub(target.mul(input.log().clamp(-100)));
    if (weight) loss = loss.mul(weight);
    return reduce(loss, reduction, 'binary_cross_entropy');
  }
  static override backward(ctx: FunctionCtx, g: Tensor): (Tensor | null)[] {
    const [input, target, weight] = ctx.savedTensors as [Tensor, Tensor, Tensor | null];
    const reduction = ctx.reduction as Reduction;
    // PyTorch's EPSILON is a float: max((1 − x)·x, float32(1e-12)), and grad·(x − t) is formed first.
    let gi = g.mul(input.sub(target)).div(input.neg().add(1).mul(input).clamp(Math.fround(1e-12)));
    if (weight) gi = gi.mul(weight);
    if (reduction === 'mean') gi = gi.div(input.numel());
    return [gi, null, null, null];
  }
}

/**
 * Binary cross entropy of probabilities `input` ∈ [0, 1]; each log is clamped at −100 as in PyTorch.
 * @example
 * ```ts pytorch=nn.F.binaryCrossEntropy
 * const probs = torch.tensor([0.9, 0.2, 0.5], { dtype: 'float32' });
 * console.log(torch.nn.functional.binaryCrossEntropy(probs, torch.tensor([1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.3406)
 * ```
 */
export function binaryCrossEntropy(input: Tensor, target: Tensor, opts: BceOptions = {}): Tensor {
  expectTensor('binary_cross_entropy', 'input', 1, input);
  expectTensor('binary_cross_entropy', 'target', 2, target);
  expectOptions('binary_cross_entropy', opts);
  const op = 'binary_cross_entropy';
  if (target.ndim !== input.ndim || target._shape.some((d, i) => d !== input._shape[i])) {
    throw new TorchValueError(op, `Using a target size (${fmtShape(target._shape)}) that is different to the input size (${fmtShape(input._shape)}) is deprecated. Please ensure they have the same size.`);
  }
  // ATen's check is !(0 <= x <= 1), so NaN fails it too
  // TensorIterator's same-dtype check, then the kernel's dispatch, then its range check
  if (target.dtype !== input.dtype) throw new TorchRuntimeError(op, `Found dtype ${cppName(target.dtype)} but expected ${cppName(input.dtype)}`);
  expectFloatKernel(op, 'binary_cross_entropy', input);
  deviceCheck(op, input.ge(0).logicalAnd(input.le(1)).logicalNot(), 'all elements of input should be between 0 and 1');
  const reduction = opts.reduction ?? 'mean';
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') throw new TorchValueError(op, `${String(reduction)} is not a valid value for reduction`);
  const w = opts.weight ? opts.weight.expandAs(input) : null;
  // one node with edges to input and target (the weight is not differentiated), as PyTorch's
  return fusedNode('BinaryCrossEntropyBackward0', [input, target], (x, t) => BinaryCrossEntropy.apply(x, t, w, reduction));
}

/** Options of `binaryCrossEntropyWithLogits`. */
export interface BceWithLogitsOptions extends BceOptions {
  /** Weight of positive examples per class, broadcast along the last dim. */
  posWeight?: Tensor | null;
}

/**
 * Sigmoid + binary cross entropy in one stable expression (PyTorch's formula).
 * @example
 * ```ts pytorch=nn.F.binaryCrossEntropyWithLogits
 * const logits = torch.tensor([2, -1, 0], { dtype: 'float32' });
 * const target = torch.tensor([1, 0, 1], { dtype: 'float32' });
 * console.log(torch.nn.functional.binaryCrossEntropyWithLogits(logits, target, { reduction: 'none' }));
 * ```
 * ```text
 * tensor([0.1269, 0.3133, 0.6931])
 * ```
 */
export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, opts: BceWithLogitsOptions = {}): Tensor {
  expectTensor('binary_cross_entropy_with_logits', 'input', 1, input);
  expectTensor('binary_cross_entropy_with_logits', 'target', 2, target);
  expectOptions('binary_cross_entropy_with_logits', opts);
  const op = 'binary_cross_entropy_with_logits';
  if (target.ndim !== input.ndim || target._shape.some((d, i) => d !== input._shape[i])) {
    throw new TorchValueError(op, `Target size (${fmtShape(target._shape)}) must be the same as input size (${fmtShape(input._shape)})`);
  }
  // PyTorch's order: -input (refuses bool), 1 - target (refuses bool), (1 - target).mul_(input)
  // (a float input into an integer target), then exp_() into a tensor of the input's dtype
  if (input.dtype.name === 'bool') throw new TorchRuntimeError(op, 'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  if (target.dtype.name === 'bool') throw new TorchRuntimeError(op, 'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  if (input.dtype.isFloatingPoint && !target.dtype.isFloatingPoint && !target.dtype.isComplex) floatIntoInput(op, target);
  floatIntoInput(op, input);
  const reduction = opts.reduction ?? 'mean';
  const weight = opts.weight ?? null;
  const posWeight = opts.posWeight ?? null;
  // edges to input and target only: PyTorch does not differentiate the weights
  return fusedNode('BinaryCrossEntropyWithLogitsBackward0', [input, target], (x, t) => {
    const maxVal = x.neg().clamp(0);
    // log(exp(−m) + exp(−x − m)) + m = log(1 + exp(−x)), stable for any x.
    const lse = maxVal.neg().exp().add(x.neg().sub(maxVal).exp()).log();
    let loss: Tensor;
    if (posWeight) {
      const logWeight = posWeight.sub(1).mul(t).add(1);
      loss = t.neg().add(1).mul(x).add(logWeight.mul(lse.add(maxVal)));
    } else {
      loss = t.neg().add(1).mul(x).add(maxVal).add(lse);
    }
    if (weight) loss = loss.mul(weight);
    return reduce(loss, reduction, op);
  });
}

/** Options of `klDiv`. */
export interface KlDivOptions {
  /** `'mean'` (default: over all elements), `'batchmean'` (sum / batch size), `'sum'`, `'none'`. */
  reduction?: Reduction | 'batchmean';
  /** Whether `target` holds log-probabilities (default false). */
  logTarget?: boolean;
}

/**
 * Kullback–Leibler divergence with `input` as log-probabilities: target·(log target − input).
 * @example
 * ```ts pytorch=nn.F.klDiv
 * const input = torch.tensor([[0.25, 0.75]], { dtype: 'float32' }).log();
 * const target = torch.tensor([[0.5, 0.5]], { dtype: 'float32' });
 * console.log(torch.nn.functional.klDiv(input, target, { reduction: 'batchmean' }));
 * console.log(torch.nn.functional.klDiv(input, target.log(), { reduction: 'batchmean', logTarget: true }));
 * ```
 * ```text
 * tensor(0.1438)
 * tensor(0.1438)
 * ```
 */
export function klDiv(input: Tensor, target: Tensor, opts: KlDivOptions = {}): Tensor {
  expectTensor('kl_div', 'input', 1, input);
  expectTensor('kl_div', 'target', 2, target);
  expectOptions('kl_div', opts);
  const op = 'kl_div';
  const integral = (t: Tensor): boolean => !t.dtype.isFloatingPoint && !t.dtype.isComplex;
  if (integral(input) || integral(target)) throw new TorchRuntimeError(op, 'kl_div: Integral inputs not supported.');
  const reduction = opts.reduction ?? 'mean';
  let loss: Tensor;
  if (opts.logTarget) loss = target.exp().mul(target.sub(input));
  else {
    // xlogy(t, t) − t·x, with 0·log 0 = 0
    const zero = target.eq(0);
    const tlogt = where(zero, 0, target.mul(where(zero, 1, target).log()));
    loss = tlogt.sub(target.mul(input));
  }
  if (reduction === 'batchmean') return input.ndim === 0 ? loss.sum() : loss.sum().div(input._shape[0]!);
  return reduce(loss, reduction, op);
}

/**
 * log(1 + exp(−y·x)) for targets y = ±1 (`SoftMarginLossBackward0`).
 * @example
 * ```ts pytorch=nn.F.softMarginLoss
 * console.log(torch.nn.functional.softMarginLoss(torch.tensor([2, -1, 0.5]), torch.tensor([1, -1, -1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.4714)
 * ```
 */
export function softMarginLoss(input: Tensor, target: Tensor, opts: ReductionOptions = {}): Tensor {
  expectTensor('soft_margin_loss', 'input', 1, input);
  expectTensor('soft_margin_loss', 'target', 2, target);
  expectOptions('soft_margin_loss', opts);
  sameShape(input, target, 'soft_margin_loss');
  // PyTorch's kernel computes in place in a tensor of the input's dtype
  floatIntoInput('soft_margin_loss', input);
  const reduction = opts.reduction ?? 'mean';
  return fusedNode('SoftMarginLossBackward0', [input, target], (x, y) => reduce(x.neg().mul(y).exp().log1p(), reduction, 'soft_margin_loss'));
}

/** Options of `multilabelSoftMarginLoss`. */
export interface MultilabelSoftMarginOptions extends ReductionOptions {
  /** Per-class weights [C]. */
  weight?: Tensor | null;
}

/**
 * Per-sample mean over the C classes of the binary cross entropy of logits with 0/1 targets.
 * @example
 * ```ts pytorch=nn.F.multilabelSoftMarginLoss
 * console.log(torch.nn.functional.multilabelSoftMarginLoss(torch.tensor([[2, -1, 0.5]]), torch.tensor([[1, 0, 1]], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.3048)
 * ```
 */
export function multilabelSoftMarginLoss(input: Tensor, target: Tensor, opts: MultilabelSoftMarginOptions = {}): Tensor {
  expectTensor('multilabel_soft_margin_loss', 'input', 1, input);
  expectTensor('multilabel_soft_margin_loss', 'target', 2, target);
  expectOptions('multilabel_soft_margin_loss', opts);
  const op = 'multilabel_soft_margin_loss';
  // PyTorch computes logsigmoid(input) (refusing integer inputs), then 1 - target (refusing bool)
  if (input.dtype.isFloatingPoint && target.dtype.name === 'bool') {
    throw new TorchRuntimeError(op, 'Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  }
  let loss = target.mul(logSigmoid(input)).add(target.neg().add(1).mul(logSigmoid(input.neg()))).neg();
  if (opts.weight) loss = loss.mul(opts.weight);
  const classDim = input.ndim - 1;
  return reduce(loss.sum(classDim).div(input._shape[classDim]!), opts.reduction ?? 'mean', op);
}

/**
 * x where y = 1, max(0, margin − x) where y = −1.
 * @example
 * ```ts pytorch=nn.F.hingeEmbeddingLoss
 * console.log(torch.nn.functional.hingeEmbeddingLoss(torch.tensor([0.3, 2, 0.5]), torch.tensor([1, -1, -1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor(0.2667)
 * ```
 */
export function hingeEmbeddingLoss(input: Tensor, target: Tensor, opts: ReductionOptions & { margin?: number } = {}): Tensor {
  expectTensor('hinge_embedding_loss', 'input', 1, input);
  expectTensor('hinge_embedding_loss', 'target', 2, target);
  expectOptions('hinge_embedding_loss', opts);
  const margin = opts.margin ?? 1.0;
  // PyTorch computes `margin - input` as a filled tensor of the input's dtype minus the input
  if (input.dtype.name === 'bool') throw new TorchRuntimeError('hinge_embedding_loss', 'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  const marginClamp = input.neg().add(margin).clamp(0);
  const out = where(target.ne(1), marginClamp, 0).add(where(target.ne(-1), input, 0));
  return reduce(out, opts.reduction ?? 'mean', 'hinge_embedding_loss');
}

/** Options of `poissonNllLoss`. */
export interface PoissonNllOptions extends ReductionOptions {
  /** `input` holds log-rates (default true): loss exp(x) − t·x, else x − t·log(x + eps). */
  logInput?: boolean;
  /** Add the Stirling term t·log t − t + ½·log(2πt) where t > 1 (default false). */
  full?: boolean;
  /** Keeps log away from 0 when `logInput` is false (default 1e-8). */
  eps?: number;
}

/**
 * Negative log likelihood of a Poisson distribution with rate `input` (or log-rate).
 * @example
 * ```ts pytorch=nn.F.poissonNllLoss
 * const logRate = torch.tensor([0, 1], { dtype: 'float32' });
 * console.log(torch.nn.functional.poissonNllLoss(logRate, torch.tensor([1, 3], { dtype: 'float32' })));
 * console.log(torch.nn.functional.poissonNllLoss(logRate.exp(), torch.tensor([1, 3], { dtype: 'float32' }), { logInput: false }));
 * ```
 * ```text
 * tensor(0.3591)
 * tensor(0.3591)
 * ```
 */
export function poissonNllLoss(input: Tensor, target: Tensor, opts: PoissonNllOptions = {}): Tensor {
  expectTensor('poisson_nll_loss', 'input', 1, input);
  expectTensor('poisson_nll_loss', 'target', 2, target);
  expectOptions('poisson_nll_loss', opts);
  const logInput = opts.logInput ?? true;
  let loss = logInput ? input.exp().sub(target.mul(input)) : input.sub(target.mul(input.add(opts.eps ?? 1e-8).log()));
  if (opts.full) {
    const stirling = target.mul(target.log()).sub(target).add(target.mul(2 * Math.PI).log().mul(0.5));
    loss = loss.add(stirling.maskedFill(target.le(1), 0));
  }
  return reduce(loss, opts.reduction ?? 'mean', 'poisson_nll_loss');
}

/**
 * max(0, −y·(x1 − x2) + margin) for targets y = ±1.
 * @example
 * ```ts pytorch=nn.F.marginRankingLoss
 * const x1 = torch.tensor([1, 2, 3], { dtype: 'float32' });
 * const x2 = torch.tensor([2, 2, 1], { dtype: 'float32' });
 * console.log(torch.nn.functional.marginRankingLoss(x1, x2, torch.tensor([1, -1, 1], { dtype: 'float32' }), { margin: 0.5 }));
 * ```
 * ```text
 * tensor(0.6667)
 * ```
 */
export function marginRankingLoss(input1: Tensor, input2: Tensor, target: Tensor, opts: ReductionOptions & { margin?: number } = {}): Tensor {
  expectTensor('margin_ranking_loss', 'input1', 1, input1);
  expectTensor('margin_ranking_loss', 'input2', 2, input2);
  expectTensor('margin_ranking_loss', 'target', 3, target);
  expectOptions('margin_ranking_loss', opts);
  // PyTorch's margin is a float: an integer difference becomes the default float dtype when it is added
  const diff = input1.sub(input2);
  const prod = target.neg().mul(diff);
  const out = (prod.dtype.isFloatingPoint || prod.dtype.isComplex ? prod : prod.to(resultType(prod, 0.5))).add(opts.margin ?? 0).clamp(0);
  return reduce(out, opts.reduction ?? 'mean', 'margin_ranking_loss');
}

/**
 * 1 − cos(x1, x2) where y = 1, max(0, cos(x1, x2) − margin) where y = −1 (cosines along the last dim).
 * @example
 * ```ts pytorch=nn.F.cosineEmbeddingLoss
 * const a = torch.tensor([[1, 0], [1, 1]], { dtype: 'float32' });
 * const b = torch.tensor([[1, 1], [1, 1]], { dtype: 'float32' });
 * console.log(torch.nn.functional.cosineEmbeddingLoss(a, b, torch.tensor([1, -1], { dtype: 'float32' }), { reduction: 'none' }));
 * ```
 * ```text
 * tensor([0.2929, 1.0000])
 * ```
 */
export function cosineEmbeddingLoss(input1: Tensor, input2: Tensor, target: Tensor, opts: ReductionOptions & { margin?: number } = {}): Tensor {
  expectTensor('cosine_embedding_loss', 'input1', 1, input1);
  expectTensor('cosine_embedding_loss', 'input2', 2, input2);
  expectTensor('cosine_embedding_loss', 'target', 3, target);
  expectOptions('cosine_embedding_loss', opts);
  const EPSILON = 1e-12; // ATen's, added to each squared magnitude
  const d = input1.ndim - 1;
  const prodSum = input1.mul(input2).sum(d);
  const mag1 = input1.mul(input1).sum(d).add(EPSILON);
  const mag2 = input2.mul(input2).sum(d).add(EPSILON);
  const cos = prodSum.div(mag1.mul(mag2).sqrt());
  const pos = cos.neg().add(1);
  const neg = cos.sub(opts.margin ?? 0).clamp(0);
  const out = where(target.eq(1), pos, 0).add(where(target.eq(-1), neg, 0));
  return reduce(out, opts.reduction ?? 'mean', 'cosine_embedding_loss');
}

/** Options of `tripletMarginLoss`. */
export interface TripletMarginOptions extends ReductionOptions {
  /** Margin (default 1). */
  margin?: number;
  /** Norm degree of the distances (default 2). */
  p?: number;
  /** Added to the differences (default 1e-6). */
  eps?: number;
  /** Use min(d(a, n), d(p, n)) as the negative distance (default false). */
  swap?: boolean;
}

/**
 * max(0, margin + d(anchor, positive) − d(anchor, negative)) with `pairwiseDistance`.
 * @example
 * ```ts pytorch=nn.F.tripletMarginLoss
 * const anchor = torch.tensor([[0, 0]], { dtype: 'float32' });
 * const positive = torch.tensor([[0, 1]], { dtype: 'float32' });
 * const negative = torch.tensor([[0, 1.5]], { dtype: 'float32' });
 * console.log(torch.nn.functional.tripletMarginLoss(anchor, positive, negative)); // max(0, 1 + 1 − 1.5)
 * ```
 * ```text
 * tensor(0.5000)
 * ```
 */
export function tripletMarginLoss(anchor: Tensor, positive: Tensor, negative: Tensor, opts: TripletMarginOptions = {}): Tensor {
  expectTensor('triplet_margin_loss', 'anchor', 1, anchor);
  expectTensor('triplet_margin_loss', 'positive', 2, positive);
  expectTensor('triplet_margin_loss', 'negative', 3, negative);
  expectOptions('triplet_margin_loss', opts);
  const p = opts.p ?? 2;
  const eps = opts.eps ?? 1e-6;
  const dPos = pairwiseDistance(anchor, positive, { p, eps });
  let dNeg = pairwiseDistance(anchor, negative, { p, eps });
  if (opts.swap) dNeg = dNeg.minimum(pairwiseDistance(positive, negative, { p, eps }));
  return reduce(dPos.sub(dNeg).add(opts.margin ?? 1.0).clamp(0), opts.reduction ?? 'mean', 'triplet_margin_loss');
}

/**
 * ‖x1 − x2 + eps‖_p along the last dim.
 * @example
 * ```ts pytorch=nn.F.pairwiseDistance
 * const a = torch.tensor([[0, 0], [1, 1]], { dtype: 'float32' });
 * const b = torch.tensor([[3, 4], [1, 1]], { dtype: 'float32' });
 * console.log(torch.nn.functional.pairwiseDistance(a, b)); // ‖a − b + eps‖ per row
 * ```
 * ```text
 * tensor([5.0000e+00, 1.4142e-06])
 * ```
 */
export function pairwiseDistance(x1: Tensor, x2: Tensor, opts: { p?: number; eps?: number; keepdim?: boolean } = {}): Tensor {
  expectTensor('pairwise_distance', 'x1', 1, x1);
  expectTensor('pairwise_distance', 'x2', 2, x2);
  expectOptions('pairwise_distance', opts);
  const d = Math.max(x1.ndim, x2.ndim) - 1;
  return x1.sub(x2).add(opts.eps ?? 1e-6).norm(opts.p ?? 2, d, opts.keepdim ?? false);
}

/**
 * Cosine similarity along `dim`: Σ (x1 / max(‖x1‖, eps)) · (x2 / max(‖x2‖, eps)), after
 * broadcasting the two; each is divided by its norm first, as PyTorch 1.13 does.
 * @throws TorchRuntimeError for integer inputs (PyTorch's "expected common dtype to be floating point").
 * @example
 * ```ts pytorch=nn.F.cosineSimilarity
 * const a = torch.tensor([[1, 0], [1, 1]], { dtype: 'float32' });
 * const b = torch.tensor([[0, 1], [2, 2]], { dtype: 'float32' });
 * console.log(torch.nn.functional.cosineSimilarity(a, b));
 * ```
 * ```text
 * tensor([0.0000, 1.0000])
 * ```
 */
export function cosineSimilarity(x1: Tensor, x2: Tensor, opts: { dim?: number; eps?: number } = {}): Tensor {
  expectTensor('cosine_similarity', 'x1', 1, x1);
  expectTensor('cosine_similarity', 'x2', 2, x2);
  expectOptions('cosine_similarity', opts);
  const dim = opts.dim ?? 1;
  const eps = opts.eps ?? 1e-8;
  const dt = resultType(x1, x2);
  if (!dt.isFloatingPoint) throw new TorchRuntimeError('cosine_similarity', `expected common dtype to be floating point, yet common dtype is ${cppName(dt)}`);
  // PyTorch 1.13's order: broadcast, divide each by its L2 norm (clamped at eps), sum the products
  const shape = broadcastShapes(x1._shape, x2._shape, 'cosine_similarity');
  const a = x1.expand(shape);
  const b = x2.expand(shape);
  const na = a.square().sum(dim, { keepdim: true }).sqrt().clamp(eps);
  const nb = b.square().sum(dim, { keepdim: true }).sqrt().clamp(eps);
  return a.div(na).mul(b.div(nb)).sum(dim);
}

/** Options of `gaussianNllLoss`. */
export interface GaussianNllOptions extends ReductionOptions {
  /** Add the constant ½·log(2π) (default false). */
  full?: boolean;
  /** Lower clamp of the variance (default 1e-6); the clamp passes gradients through, as in PyTorch. */
  eps?: number;
}

/**
 * Gaussian negative log likelihood ½·(log var + (input − target)² / var). `var` has
 * input's shape, or lacks (or has size 1 in) the last dim (one variance per sample).
 * @throws TorchValueError for a var of another shape, or with negative entries.
 * @example
 * ```ts pytorch=nn.F.gaussianNllLoss
 * const mean = torch.tensor([[0, 1], [2, 2]], { dtype: 'float32' });
 * const target = torch.tensor([[0.5, 1], [2, 3]], { dtype: 'float32' });
 * console.log(torch.nn.functional.gaussianNllLoss(mean, target, torch.tensor([[1], [0.5]]))); // one variance per sample
 * ```
 * ```text
 * tensor(0.1080)
 * ```
 */
export function gaussianNllLoss(input: Tensor, target: Tensor, variance: Tensor, opts: GaussianNllOptions = {}): Tensor {
  expectTensor('gaussian_nll_loss', 'input', 1, input);
  expectTensor('gaussian_nll_loss', 'target', 2, target);
  expectTensor('gaussian_nll_loss', 'variance', 3, variance);
  expectOptions('gaussian_nll_loss', opts);
  const op = 'gaussian_nll_loss';
  let v = variance;
  const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);
  if (!same(v._shape, input._shape)) {
    const lead = input._shape.slice(0, -1);
    if (same(lead, v._shape)) v = v.unsqueeze(-1);
    else if (!(same(lead, v._shape.slice(0, -1)) && v._shape[v.ndim - 1] === 1)) throw new TorchValueError(op, 'var is of incorrect size');
  }
  const reduction = opts.reduction ?? 'mean';
  if (reduction !== 'none' && reduction !== 'mean' && reduction !== 'sum') throw new TorchValueError(op, `${String(reduction)} is not valid`);
  deviceCheck(op, v.lt(0), { message: 'var has negative entry/entries', errorClass: 'ValueError' });
  v = v.clone();
  noGrad(() => v.clamp_(opts.eps ?? 1e-6));
  let loss = v.log().add(input.sub(target).pow(2).div(v)).mul(0.5);
  if (opts.full) loss = loss.add(0.5 * Math.log(2 * Math.PI));
  return reduce(loss, reduction, op);
}

/** Options of `multiMarginLoss`. */
export interface MultiMarginOptions extends ReductionOptions {
  /** 1 (default) or 2: the power of each hinge. */
  p?: number;
  /** Margin (default 1). */
  margin?: number;
  /** Per-class weights [C], applied by the target class. */
  weight?: Tensor | null;
}

/**
 * Multi-class hinge loss of scores [N, C] (or [C]) with class indices: for each sample,
 * Σ_{j≠y} max(0, margin − x_y + x_j)^p · w_y, divided by C.
 * @example
 * ```ts pytorch=nn.F.multiMarginLoss
 * console.log(torch.nn.functional.multiMarginLoss(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3]), { p: 2 }));
 * ```
 * ```text
 * tensor(0.1525)
 * ```
 */
export function multiMarginLoss(input: Tensor, target: Tensor, opts: MultiMarginOptions = {}): Tensor {
  expectTensor('multi_margin_loss', 'input', 1, input);
  expectTensor('multi_margin_loss', 'target', 2, target);
  expectOptions('multi_margin_loss', opts);
  const op = 'multi_margin_loss';
  const p = opts.p ?? 1;
  if (p !== 1 && p !== 2) throw new TorchValueError(op, 'only p == 1 and p == 2 supported');
  const x = input.ndim === 1 ? input.unsqueeze(0) : input;
  expectFloatKernel(op, 'multi_margin_loss_cpu_kernel', input);
  const t = target.reshape(-1, 1).to(int64);
  const C = x._shape[1]!;
  const xy = x.gather(1, t);
  let h = x.sub(xy).add(opts.margin ?? 1).relu();
  if (p === 2) h = h.square();
  h = where(t.eq(arange(C, { device: x.device }).unsqueeze(0)), 0, h); // j = y contributes nothing
  if (opts.weight) h = h.mul(opts.weight.gather(0, t.reshape(-1)).unsqueeze(1));
  const perSample = h.sum(1).div(C);
  return reduce(input.ndim === 1 ? perSample.reshape([]) : perSample, opts.reduction ?? 'mean', op);
}

/** Options of `multilabelMarginLoss`. */
export type MultilabelMarginOptions = ReductionOptions;

/**
 * Multi-class multi-label hinge loss of scores `input` [N, C] (or [C]) with `target` of the
 * same shape holding class indices, ended by the first −1: for each sample,
 * Σ_{j target} Σ_{i not target} max(0, 1 − (x_j − x_i)) / C.
 * @example
 * ```ts pytorch=nn.F.multilabelMarginLoss
 * const scores = torch.tensor([[0.1, 0.2, 0.4, 0.8]]);
 * console.log(torch.nn.functional.multilabelMarginLoss(scores, torch.tensor([[3, 0, -1, 1]])));
 * ```
 * ```text
 * tensor(0.8500)
 * ```
 */
export function multilabelMarginLoss(input: Tensor, target: Tensor, opts: MultilabelMarginOptions = {}): Tensor {
  const op = 'multilabel_margin_loss';
  expectTensor(op, 'input', 1, input);
  expectTensor(op, 'target', 2, target);
  expectOptions(op, opts);
  const reduction = opts.reduction ?? 'mean';
  if (reduction !== 'none' && reduction !== 'sum' && reduction !== 'mean') throw new TorchValueError(op, `${String(reduction)} is not a valid value for reduction`);
  const nd = input.ndim;
  if (!((nd <= 1 && input.numel() !== 0) || (nd === 2 && input._shape[1] !== 0))) {
    throw new TorchRuntimeError(op, `Expected non-empty vector or matrix with optional 0-dim batch size, but got: ${fmtShape(input._shape)}`);
  }
  const C = nd === 0 ? 1 : input._shape[nd - 1]!;
  const N = nd === 2 ? input._shape[0]! : 1;
  const targetOk = nd <= 1 ? target.ndim <= 1 && target.numel() === C : target.ndim === 2 && target._shape[0] === N && target._shape[1] === C;
  if (!targetOk) throw new TorchRuntimeError(op, `inconsistent size ${fmtShape(target._shape)} for argument #2 'target'`);
  expectFloatKernel(op, 'multilabel_margin_loss_forward_out_frame', input);
  if (target.dtype.name !== 'int64') throw new TorchRuntimeError(op, `expected scalar type Long but found ${target.dtype.name}`);
  deviceCheck(op, target.lt(-1).logicalOr(target.ge(C)), "argument #2 'target' is out of range");
  // one node, PyTorch's fused kernel's name
  return fusedNode('MultilabelMarginLossBackward0', [input], (inp) => multilabelMarginImpl(inp, target, N, C, nd, reduction, op));
}

function multilabelMarginImpl(input: Tensor, target: Tensor, N: number, C: number, nd: number, reduction: Reduction, op: string): Tensor {
  const x = input.reshape(N, C);
  const t = target.reshape(N, C);
  // the targets before the first −1
  const valid = t.ne(-1).to(int64).cumprod(1).to(bool);
  const safe = where(valid, t, 0);
  const isTarget = zeros([N, C + 1], { dtype: int64, device: x.device }).scatter(1, where(valid, t, C), 1).narrow(1, 0, C).gt(0); // [N, C]
  const xy = x.gather(1, safe); // [N, K]: the score of each listed target
  // hinge[n, k, i] = max(0, 1 − x[n, y_k] + x[n, i]) over the non-target classes i
  const hinge = x.unsqueeze(1).sub(xy.unsqueeze(2)).add(1).relu();
  const keep = valid.unsqueeze(2).logicalAnd(isTarget.logicalNot().unsqueeze(1));
  const perSample = where(keep, hinge, 0).sum([1, 2]).div(C);
  if (reduction === 'none') return nd === 2 ? perSample : perSample.reshape([]);
  return reduce(perSample, reduction, op);
}

/** Options of `tripletMarginWithDistanceLoss`. */
export interface TripletMarginWithDistanceOptions extends ReductionOptions {
  /** Distance of two batches of embeddings (default `pairwiseDistance`). */
  distanceFunction?: ((x1: Tensor, x2: Tensor) => Tensor) | null;
  /** Margin (default 1). */
  margin?: number;
  /** Use min(d(a, n), d(p, n)) as the negative distance (default false). */
  swap?: boolean;
}

/**
 * max(0, margin + d(anchor, positive) − d(anchor, negative)) with any distance function.
 * @example
 * ```ts pytorch=nn.F.tripletMarginWithDistanceLoss
 * const F = torch.nn.functional;
 * const a = torch.tensor([[1, 0]], { dtype: 'float32' });
 * const p = torch.tensor([[1, 0.1]]);
 * const n = torch.tensor([[0, 1]], { dtype: 'float32' });
 * const cosine = (x: torch.Tensor, y: torch.Tensor) => F.cosineSimilarity(x, y).neg().add(1);
 * console.log(F.tripletMarginWithDistanceLoss(a, p, n, { distanceFunction: cosine, margin: 1.5 }));
 * ```
 * ```text
 * tensor(0.5050)
 * ```
 */
export function tripletMarginWithDistanceLoss(anchor: Tensor, positive: Tensor, negative: Tensor, opts: TripletMarginWithDistanceOptions = {}): Tensor {
  const op = 'triplet_margin_with_distance_loss';
  expectTensor(op, 'anchor', 1, anchor);
  expectTensor(op, 'positive', 2, positive);
  expectTensor(op, 'negative', 3, negative);
  expectOptions(op, opts);
  const reduction = opts.reduction ?? 'mean';
  if (reduction !== 'none' && reduction !== 'sum' && reduction !== 'mean') throw new TorchValueError(op, `${String(reduction)} is not a valid value for reduction`);
  const given = opts.distanceFunction ?? null;
  if (given !== null && typeof given !== 'function') throw new TorchTypeError(op, `'${pyTypeName(given)}' object is not callable`);
  const dist = given ?? ((a: Tensor, b: Tensor) => pairwiseDistance(a, b));
  const distance = (a: Tensor, b: Tensor): Tensor => {
    const d = dist(a, b) as unknown;
    if (!(d instanceof Tensor)) throw new TorchTypeError(op, `${op}(): distance_function must return a Tensor, not ${pyTypeName(d)}`);
    return d;
  };
  const dPos = distance(anchor, positive);
  let dNeg = distance(anchor, negative);
  if (opts.swap) dNeg = dNeg.minimum(distance(positive, negative));
  return reduce(dPos.sub(dNeg).add(opts.margin ?? 1.0).clamp(0), reduction, op);
}

/** Lengths given as a tensor, a list or a number, read to the host (PyTorch reads them on the CPU too). */
function hostLengths(v: Tensor | readonly number[] | number, what: string, op: string): number[] {
  if (typeof v === 'number') return [v];
  if (v instanceof Tensor) {
    if (v.dtype.isFloatingPoint || v.dtype.name === 'bool') throw new TorchRuntimeError(op, `${what} must be integral`);
    // PyTorch copies tensor lengths to the CPU (a synchronous read); here that copy is the caller's
    if (!v._storage.backend.syncRead) throw new TorchRuntimeError(op, `${op}: tensor on '${v.device}' can only be read asynchronously (${what} are read on the host); use await ${what}.toAsync('cpu'), or a list`);
    return Array.from(v.reshape(-1).to(int64).dataSync() as ArrayLike<number>, Number);
  }
  if (!Array.isArray(v) || v.some((x) => !Number.isInteger(x))) throw new TorchTypeError(op, `${op}(): argument '${what}' must be a Tensor or a list of ints`);
  return [...v];
}

/** log(e^a + e^b + e^c) as PyTorch's CTC kernel forms it (shift by the max, 0 when all are −∞). */
function lse3(a: Tensor, b: Tensor, c: Tensor): Tensor {
  const m = a.maximum(b).maximum(c);
  const m0 = where(m.eq(-Infinity), 0, m);
  return a.sub(m0).exp().add(b.sub(m0).exp()).add(c.sub(m0).exp()).log().add(m0);
}

/** Shifts along dim 1 (the extended-target positions) by `k`, filling with −∞: out[s] = a[s − k] (k < 0: a[s + |k|]). */
function shiftS(a: Tensor, k: number): Tensor {
  const S = a._shape[1]!;
  if (Math.abs(k) >= S) return fullLike(a, -Infinity);
  const fill = full([a._shape[0]!, Math.abs(k)], -Infinity, { dtype: a.dtype, device: a.device });
  return k > 0 ? cat([fill, a.narrow(1, 0, S - k)], 1) : cat([a.narrow(1, -k, S + k), fill], 1);
}

/** The CTC forward–backward of PyTorch's `_ctc_loss` (CPU kernel), batched over the samples. */
class CtcLossFn extends Function {
  static override forward(ctx: FunctionCtx, logProbs: Tensor, ext: Tensor, allow3: Tensor, inputLengths: number[], targetLengths: number[], zeroInfinity: boolean): Tensor {
    const [T, N] = logProbs._shape as [number, number, number];
    const S = ext._shape[1]!;
    const dev = logProbs.device;
    const lpe = logProbs.gather(2, ext.unsqueeze(0).expand(T, N, S)); // [T, N, S]
    const sIdx = arange(S, { device: dev }).unsqueeze(0); // [1, S]
    const tl = tensor(targetLengths, { dtype: int64, device: dev }).unsqueeze(1); // [N, 1]
    const negInf = fullLike(lpe.select(0, 0), -Infinity);
    const alphas: Tensor[] = [];
    if (T > 0) {
      let a = where(sIdx.eq(0).logicalOr(sIdx.eq(1).logicalAnd(tl.gt(0))), lpe.select(0, 0), negInf);
      alphas.push(a);
      for (let t = 1; t < T; t++) {
        a = lse3(a, shiftS(a, 1), where(allow3, shiftS(a, 2), -Infinity)).add(lpe.select(0, t));
        alphas.push(a);
      }
    }
    const alpha = T > 0 ? stack(alphas, 0) : lpe;
    // log-likelihood from the last frame of each sample: positions 2L and 2L − 1
    const lastT = tensor(inputLengths.map((x) => Math.max(x - 1, 0)), { dtype: int64, device: dev });
    const aLast = alpha.gather(0, lastT.reshape(1, N, 1).expand(1, N, S)).squeeze(0); // [N, S]
    const l1 = aLast.gather(1, tl.mul(2)).squeeze(1);
    const l2 = where(tl.gt(0), aLast.gather(1, tl.mul(2).sub(1).clamp(0)), -Infinity).squeeze(1);
    const m = l1.maximum(l2);
    const m0 = where(m.eq(-Infinity), 0, m);
    const nll = l1.sub(m0).exp().add(l2.sub(m0).exp()).log().add(m0).neg();
    ctx.saveForBackward(logProbs, ext, allow3, alpha, nll);
    ctx.inputLengths = inputLengths;
    ctx.targetLengths = targetLengths;
    ctx.zeroInfinity = zeroInfinity;
    return nll;
  }

  static override backward(ctx: FunctionCtx, g: Tensor): (Tensor | null)[] {
    const [logProbs, ext, allow3, alpha, nll] = ctx.savedTensors as [Tensor, Tensor, Tensor, Tensor, Tensor];
    const info = { inputLengths: ctx.inputLengths as number[], targetLengths: ctx.targetLengths as number[], zeroInfinity: ctx.zeroInfinity as boolean };
    // recorded (under create_graph) as a node that cannot be differentiated again, as PyTorch's
    return [CtcLossBackwardFn.apply(g, logProbs, ext, allow3, alpha, nll, info), null, null, null, null, null];
  }
}

/** `_ctc_loss_backward`: the gradient of the CTC loss; PyTorch has no derivative of it. */
class CtcLossBackwardFn extends Function {
  static override forward(
    _ctx: FunctionCtx,
    g: Tensor,
    logProbs: Tensor,
    ext: Tensor,
    allow3: Tensor,
    alpha: Tensor,
    nll: Tensor,
    info: { inputLengths: number[]; targetLengths: number[]; zeroInfinity: boolean },
  ): Tensor {
    return ctcGrad(g, logProbs, ext, allow3, alpha, nll, info.inputLengths, info.targetLengths, info.zeroInfinity);
  }
  static override backward(): (Tensor | null)[] {
    throw new TorchRuntimeError('ctc_loss', 'derivative for aten::_ctc_loss_backward is not implemented');
  }
}

/** PyTorch's CTC gradient: (exp(lp) − Σ_s exp(α + β + nll − lp)) · g for t < T_n, else 0. */
function ctcGrad(g: Tensor, logProbs: Tensor, ext: Tensor, allow3: Tensor, alpha: Tensor, nll: Tensor, inputLengths: number[], targetLengths: number[], zeroInfinity: boolean): Tensor {
  {
    const [T, N] = logProbs._shape as [number, number, number];
    const S = ext._shape[1]!;
    const dev = logProbs.device;
    const lpe = logProbs.gather(2, ext.unsqueeze(0).expand(T, N, S));
    const sIdx = arange(S, { device: dev }).unsqueeze(0);
    const tl = tensor(targetLengths, { dtype: int64, device: dev }).unsqueeze(1);
    const tn = tensor(inputLengths, { dtype: int64, device: dev }).unsqueeze(1); // [N, 1]
    const allowNext2 = shiftS(allow3.to(logProbs.dtype), -2).eq(1); // allow3[s + 2]
    const initMask = sIdx.eq(tl.mul(2)).logicalOr(sIdx.eq(tl.mul(2).sub(1)).logicalAnd(tl.gt(0)));
    const betas: Tensor[] = new Array(T);
    let b = fullLike(lpe.select(0, 0), -Infinity);
    for (let t = T - 1; t >= 0; t--) {
      const lp = lpe.select(0, t);
      const computed = t === T - 1 ? b : lse3(b, shiftS(b, -1), where(allowNext2, shiftS(b, -2), -Infinity)).add(lp);
      const init = where(initMask, lp, -Infinity);
      b = where(tn.sub(1).eq(t), init, computed);
      betas[t] = b;
    }
    const beta = T > 0 ? stack(betas, 0) : lpe;
    // posterior of each extended position: exp(α + β + nll − lp), summed into its class
    const post = alpha.add(beta).add(nll.reshape(1, N, 1)).sub(lpe).exp();
    const occupancy = zerosLike(logProbs).scatterAdd(2, ext.unsqueeze(0).expand(T, N, S), post);
    let grad = logProbs.exp().sub(occupancy).mul(g.reshape(1, N, 1));
    const tIdx = arange(T, { device: dev }).reshape(T, 1, 1);
    let keep = tIdx.lt(tn.reshape(1, N, 1));
    if (zeroInfinity) keep = keep.logicalAnd(nll.ne(Infinity).reshape(1, N, 1));
    return where(keep, grad, 0);
  }
}

/** Options of `ctcLoss`. */
export interface CtcLossOptions extends ReductionOptions {
  /** The blank label (default 0). */
  blank?: number;
  /** Infinite losses (impossible alignments) and their gradients become 0 (default false). */
  zeroInfinity?: boolean;
}

/**
 * Connectionist Temporal Classification loss of `logProbs` [T, N, C] (or unbatched [T, C])
 * against `targets` padded [N, S] or concatenated [Σ target_lengths]. Lengths are tensors,
 * lists or (unbatched) numbers; `'mean'` divides each loss by its target length, then averages.
 * Lengths are read on the host, as PyTorch does.
 * @example
 * ```ts pytorch=nn.F.ctcLoss
 * torch.manualSeed(0);
 * const logProbs = torch.randn(6, 2, 4).logSoftmax(2); // [T, N, C], blank = 0
 * const targets = torch.tensor([[1, 2, 2], [3, 1, 0]]);
 * console.log(torch.nn.functional.ctcLoss(logProbs, targets, [6, 5], [3, 2]));
 * ```
 * ```text
 * tensor(1.9944)
 * ```
 */
export function ctcLoss(
  logProbs: Tensor,
  targets: Tensor,
  inputLengths: Tensor | readonly number[] | number,
  targetLengths: Tensor | readonly number[] | number,
  opts: CtcLossOptions = {},
): Tensor {
  const op = 'ctc_loss';
  expectTensor(op, 'log_probs', 1, logProbs);
  expectTensor(op, 'targets', 2, targets);
  expectOptions(op, opts);
  const reduction = opts.reduction ?? 'mean';
  if (reduction !== 'none' && reduction !== 'sum' && reduction !== 'mean') throw new TorchValueError(op, `${String(reduction)} is not a valid value for reduction`);
  const blank = opts.blank ?? 0;
  const zeroInfinity = opts.zeroInfinity ?? false;
  const batched = logProbs.ndim === 3;
  if (!batched && logProbs.ndim !== 2) throw new TorchRuntimeError(op, `ctc_loss: expected log_probs to be 2-D or 3-D, got ${logProbs.ndim}-D`);
  if (!logProbs.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `"ctc_loss_cpu" not implemented for '${cppName(logProbs.dtype)}'`);
  const lp3 = batched ? logProbs : logProbs.unsqueeze(1);
  const [T, N, C] = lp3._shape as [number, number, number];
  const il = hostLengths(inputLengths, 'input_lengths', op);
  const tlen = hostLengths(targetLengths, 'target_lengths', op);
  if (blank < 0 || blank >= C) throw new TorchRuntimeError(op, 'blank must be in label range');
  if (il.length !== N) throw new TorchRuntimeError(op, 'input_lengths must be of size batch_size');
  if (tlen.length !== N) throw new TorchRuntimeError(op, 'target_lengths must be of size batch_size');
  if (targets.dtype.name !== 'int64' && targets.dtype.name !== 'int32') throw new TorchRuntimeError(op, `expected scalar type Long but found ${targets.dtype.name}`);
  const maxL = tlen.length > 0 ? Math.max(0, ...tlen) : 0;
  // the padded [N, maxL] targets, from either layout
  let padded: Tensor;
  const tg = targets.to(int64);
  if (targets.ndim === 1) {
    const total = tlen.reduce((s, x) => s + x, 0);
    if (targets._shape[0] !== total) {
      throw new TorchRuntimeError(op, `Expected tensor to have size ${total} at dimension 0, but got size ${targets._shape[0]} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)`);
    }
    const idx: number[] = [];
    let off = 0;
    for (const L of tlen) {
      for (let k = 0; k < maxL; k++) idx.push(k < L ? off + k : 0);
      off += L;
    }
    padded = total === 0 ? zeros([N, maxL], { dtype: int64, device: tg.device }) : tg.indexSelect(0, tensor(idx, { dtype: int64, device: tg.device })).reshape(N, maxL);
  } else {
    if (targets._shape[1]! < maxL) {
      throw new TorchRuntimeError(op, `Expected tensor to have size at least ${maxL} at dimension 1, but got size ${targets._shape[1]} for argument #2 'targets' (while checking arguments for ctc_loss_cpu)`);
    }
    padded = tg.narrow(1, 0, maxL);
  }
  for (const x of il) {
    if (x > T) throw new TorchRuntimeError(op, `Expected input_lengths to have value at most ${T}, but got value ${x} (while checking arguments for ctc_loss_cpu)`);
  }
  // extended targets: blank, y1, blank, y2, …, blank (positions past a sample's 2L are unused)
  const S = 2 * maxL + 1;
  const blanks = full([N, maxL + 1], blank, { dtype: int64, device: tg.device });
  const ext = maxL === 0 ? blanks : cat([stack([blanks.narrow(1, 0, maxL), padded], 2).reshape(N, 2 * maxL), blanks.narrow(1, 0, 1)], 1);
  const extSafe = ext.clamp(0, C - 1);
  // a label may follow the one two positions back directly unless the two are equal
  const allow3 = S > 2 ? cat([zeros([N, 2], { dtype: bool, device: tg.device }), ext.narrow(1, 2, S - 2).ne(ext.narrow(1, 0, S - 2))], 1) : zeros([N, S], { dtype: bool, device: tg.device });
  let res = fusedNode('CtcLossBackward0', [lp3], (x) => CtcLossFn.apply(x, extSafe, allow3, il, tlen, zeroInfinity));
  if (zeroInfinity) res = where(res.eq(Infinity), zeros([], { dtype: res.dtype, device: res.device }), res);
  if (reduction === 'mean') return res.div(tensor(tlen, { dtype: res.dtype, device: res.device }).clamp(1)).mean();
  if (reduction === 'sum') return res.sum();
  return batched ? res : res.squeeze(0);
}
