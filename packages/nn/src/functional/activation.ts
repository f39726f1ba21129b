/**
 * Activation functions (`F.relu`, `F.gelu`, …) on core's elementwise kernels, or
 * composed from core ops and recorded with `fusedNode`. Each is one autograd node with
 * PyTorch's node name (`LeakyReluBackward0`, `HardswishBackward0`, …).
 */
import { Function, type FunctionCtx, fusedNode } from '@antorcha/autograd';
import { type DTypeLike, type Generator, type Tensor, TorchRuntimeError, cppName, empty, hardshrink as hardshrinkOp, emptyLike, exponential_, float64, fromHost, uniform_, unaryInplace, unaryOp, where, zerosLike, boolArg, expectBool, expectNumber, expectTensor, keywordArgs } from '@antorcha/core';
import { expectFloatKernel, expectOptions, keepRngOnError, expectDoubleFits } from './utils.js';

/** The name of PyTorch's CPU kernel for each activation, as its "not implemented for" message spells it. */
const KERNELS: Record<string, string> = {
  leaky_relu: 'leaky_relu_cpu',
  elu: 'elu_cpu',
  selu: 'elu_cpu',
  celu: 'elu_cpu',
  gelu: 'GeluKernelImpl',
  silu: 'silu_cpu',
  softplus: 'softplus_cpu',
  log_sigmoid: 'log_sigmoid_cpu',
  hardswish: 'hardswish_cpu',
  hardsigmoid: 'hardsigmoid_cpu',
  mish: 'mish_cpu',
  prelu: 'prelu_cpu',
};

/** Refuses integer and bool inputs as PyTorch's CPU kernel for `op` does. */
function floatInput(op: string, x: Tensor): void {
  expectFloatKernel(op, KERNELS[op] ?? op, x);
}

/** PyTorch's `inplace` keyword of an activation, given as the trailing options object (`F.relu(x, { inplace: true })`). */
export interface InplaceOptions {
  /** Write the result into the input (default `false`). */
  inplace?: boolean;
}

/** Options of {@link leakyRelu}: PyTorch's keywords as the trailing options object. */
export interface LeakyReluOptions extends InplaceOptions {
  /** The slope for negative inputs (default 0.01). */
  negativeSlope?: number;
}

/** Options of {@link elu} and {@link celu}: PyTorch's keywords as the trailing options object. */
export interface AlphaInplaceOptions extends InplaceOptions {
  /** The α of the negative branch (default 1). */
  alpha?: number;
}

/** Options of {@link softplus}: PyTorch's keywords as the trailing options object. */
export interface SoftplusOptions {
  /** The β of log(1 + exp(β·x))/β (default 1). */
  beta?: number;
  /** Above β·x > threshold the result is x (default 20). */
  threshold?: number;
}

/** Options of {@link hardtanh}: PyTorch's keywords as the trailing options object. */
export interface HardtanhOptions extends InplaceOptions {
  /** The lower limit (default −1). */
  minVal?: number;
  /** The upper limit (default 1). */
  maxVal?: number;
}

/** `inplace` positional or as `{ inplace }`; anything but a boolean is PyTorch's type error. */
function inplaceArg(op: string, pos: number, inplace: unknown): boolean {
  return boolArg(op, 'inplace', pos, keywordArgs(op, ['inplace'], [inplace]).inplace, false);
}

/** `alpha` and `inplace` of elu/celu, positional or keyword. */
function alphaInplaceArgs(op: string, alphaIn: unknown, inplaceIn: unknown): [number, boolean] {
  const kw = keywordArgs(op, ['alpha', 'inplace'], [alphaIn, inplaceIn]);
  const alpha = kw.alpha === undefined ? 1.0 : kw.alpha;
  expectNumber(op, 'alpha', 2, alpha);
  return [alpha, boolArg(op, 'inplace', 3, kw.inplace, false)];
}

/**
 * max(x, 0); `inplace` writes into `x`.
 * @example
 * ```ts pytorch=nn.F.relu
 * const x = torch.tensor([-1.5, 0, 2]);
 * console.log(torch.nn.functional.relu(x));
 * ```
 * ```text
 * tensor([0., 0., 2.])
 * ```
 */
export function relu(input: Tensor, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('relu', 'input', 1, input);
  const inplace = inplaceArg('relu', 2, inplaceIn);
  return inplace ? input.relu_() : input.relu();
}

/**
 * min(max(x, 0), 6).
 * @example
 * ```ts pytorch=nn.F.relu6
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.relu6(x));
 * ```
 * ```text
 * tensor([0.0000, 0.0000, 0.0000, 0.5000, 2.0000])
 * ```
 */
export function relu6(input: Tensor, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('relu6', 'input', 1, input);
  const inplace = inplaceArg('relu6', 2, inplaceIn);
  return hardtanh(input, 0, 6, inplace);
}

/**
 * x for x > 0, `negativeSlope * x` otherwise.
 * @example
 * ```ts pytorch=nn.F.leakyRelu
 * console.log(torch.nn.functional.leakyRelu(torch.tensor([-2, 0, 2], { dtype: 'float32' }), 0.1));
 * ```
 * ```text
 * tensor([-0.2000,  0.0000,  2.0000])
 * ```
 */
export function leakyRelu(input: Tensor, negativeSlopeIn?: number | LeakyReluOptions, inplaceIn?: boolean | LeakyReluOptions): Tensor {
  expectTensor('leaky_relu', 'input', 1, input);
  const kw = keywordArgs('leaky_relu', ['negativeSlope', 'inplace'], [negativeSlopeIn, inplaceIn]);
  const negativeSlope = kw.negativeSlope === undefined ? 0.01 : kw.negativeSlope;
  expectNumber('leaky_relu', 'negative_slope', 2, negativeSlope);
  const inplace = boolArg('leaky_relu', 'inplace', 3, kw.inplace, false);
  floatInput('leaky_relu', input);
  // ATen multiplies by the slope cast to the input's dtype (float32: x·fround(slope), not fround(x·slope))
  const a = input.dtype.name === 'float64' ? negativeSlope : Math.fround(negativeSlope);
  return inplace ? unaryInplace('leaky_relu_', 'leakyRelu', input, 'float', { a }) : unaryOp('leaky_relu', 'leakyRelu', input, 'float', { a });
}

/**
 * x for x > 0, `alpha * (exp(x) − 1)` otherwise.
 * @example
 * ```ts pytorch=nn.F.elu
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.elu(x, 0.5));
 * ```
 * ```text
 * tensor([-0.4323, -0.1967,  0.0000,  0.5000,  2.0000])
 * ```
 */
export function elu(input: Tensor, alphaIn?: number | AlphaInplaceOptions, inplaceIn?: boolean | AlphaInplaceOptions): Tensor {
  expectTensor('elu', 'input', 1, input);
  const [alpha, inplace] = alphaInplaceArgs('elu', alphaIn, inplaceIn);
  floatInput('elu', input);
  return inplace ? unaryInplace('elu_', 'elu', input, 'float', { a: alpha }) : unaryOp('elu', 'elu', input, 'float', { a: alpha });
}

/**
 * Gaussian error linear unit: `x·Φ(x)`, or its tanh approximation with `approximate: 'tanh'`.
 * @example
 * ```ts pytorch=nn.F.gelu
 * const x = torch.tensor([-1, 0, 1], { dtype: 'float32' });
 * console.log(torch.nn.functional.gelu(x), torch.nn.functional.gelu(x, { approximate: 'tanh' }));
 * ```
 * ```text
 * tensor([-0.1587,  0.0000,  0.8413]) tensor([-0.1588,  0.0000,  0.8412])
 * ```
 */
export function gelu(input: Tensor, opts: { approximate?: 'none' | 'tanh' } = {}): Tensor {
  expectTensor('gelu', 'input', 1, input);
  expectOptions('gelu', opts);
  floatInput('gelu', input);
  const approximate = opts.approximate ?? 'none';
  if (approximate !== 'none' && approximate !== 'tanh') throw new TorchRuntimeError('gelu', `approximate argument must be either none or tanh.`);
  return approximate === 'tanh'
    ? unaryOp('gelu', 'geluTanh', input, 'float', undefined, { approximate: 'tanh' })
    : unaryOp('gelu', 'gelu', input, 'float', undefined, { approximate: 'none' });
}

/**
 * x·sigmoid(x) (swish).
 * @example
 * ```ts pytorch=nn.F.silu
 * console.log(torch.nn.functional.silu(torch.tensor([-1, 0, 1], { dtype: 'float32' })));
 * ```
 * ```text
 * tensor([-0.2689,  0.0000,  0.7311])
 * ```
 */
export function silu(input: Tensor, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('silu', 'input', 1, input);
  const inplace = inplaceArg('silu', 2, inplaceIn);
  floatInput('silu', input);
  return inplace ? unaryInplace('silu_', 'silu', input, 'float') : unaryOp('silu', 'silu', input, 'float');
}

/**
 * Logistic sigmoid.
 * @example
 * ```ts pytorch=nn.F.sigmoid
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.sigmoid(x));
 * ```
 * ```text
 * tensor([0.1192, 0.3775, 0.5000, 0.6225, 0.8808])
 * ```
 */
export function sigmoid(input: Tensor): Tensor {
  expectTensor('sigmoid', 'input', 1, input);
  return input.sigmoid();
}

/**
 * Hyperbolic tangent.
 * @example
 * ```ts pytorch=nn.F.tanh
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.tanh(x));
 * ```
 * ```text
 * tensor([-0.9640, -0.4621,  0.0000,  0.4621,  0.9640])
 * ```
 */
export function tanh(input: Tensor): Tensor {
  expectTensor('tanh', 'input', 1, input);
  return input.tanh();
}

/**
 * `log(1 + exp(beta·x)) / beta`, linear where `beta·x > threshold`.
 * @example
 * ```ts pytorch=nn.F.softplus
 * console.log(torch.nn.functional.softplus(torch.tensor([-1, 0, 30], { dtype: 'float32' }))); // linear above the threshold 20
 * ```
 * ```text
 * tensor([ 0.3133,  0.6931, 30.0000])
 * ```
 */
export function softplus(input: Tensor, betaIn?: number | SoftplusOptions, thresholdIn?: number | SoftplusOptions): Tensor {
  expectTensor('softplus', 'input', 1, input);
  const kw = keywordArgs('softplus', ['beta', 'threshold'], [betaIn, thresholdIn]);
  const beta = kw.beta === undefined ? 1 : kw.beta;
  const threshold = kw.threshold === undefined ? 20 : kw.threshold;
  expectNumber('softplus', 'beta', 2, beta);
  expectNumber('softplus', 'threshold', 3, threshold);
  floatInput('softplus', input);
  return unaryOp('softplus', 'softplus', input, 'float', { a: beta, b: threshold });
}

/**
 * Clamps into [minVal, maxVal].
 * @example
 * ```ts pytorch=nn.F.hardtanh
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.hardtanh(x, -1, 1));
 * ```
 * ```text
 * tensor([-1.0000, -0.5000,  0.0000,  0.5000,  1.0000])
 * ```
 */
export function hardtanh(input: Tensor, minValIn?: number | HardtanhOptions, maxValIn?: number | HardtanhOptions, inplaceIn?: boolean | HardtanhOptions): Tensor {
  expectTensor('hardtanh', 'input', 1, input);
  const kw = keywordArgs('hardtanh', ['minVal', 'maxVal', 'inplace'], [minValIn, maxValIn, inplaceIn]);
  const minVal = kw.minVal === undefined ? -1.0 : kw.minVal;
  const maxVal = kw.maxVal === undefined ? 1.0 : kw.maxVal;
  expectNumber('hardtanh', 'min_val', 2, minVal);
  expectNumber('hardtanh', 'max_val', 3, maxVal);
  const inplace = boolArg('hardtanh', 'inplace', 4, kw.inplace, false);
  if (input.dtype.name === 'bool') throw new TorchRuntimeError('hardtanh', 'Bool inputs not supported for hardtanh');
  if (!input.dtype.isFloatingPoint && !input.dtype.isComplex) {
    // integer inputs: PyTorch clamps to the limits truncated to integers (no type promotion)
    const lo = Math.trunc(minVal);
    const hi = Math.trunc(maxVal);
    if (input.dtype.name === 'uint8' && (lo < 0 || hi < 0)) throw new TorchRuntimeError('hardtanh', 'cannot do hardtanh on an unsigned type with negative limits');
    return inplace ? input.clamp_(lo, hi) : input.clamp(lo, hi);
  }
  return inplace ? unaryInplace('hardtanh_', 'hardtanh', input, 'float', { a: minVal, b: maxVal }) : unaryOp('hardtanh', 'hardtanh', input, 'float', { a: minVal, b: maxVal });
}

/**
 * log(sigmoid(x)), computed stably.
 * @example
 * ```ts pytorch=nn.F.logSigmoid
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.logSigmoid(x));
 * ```
 * ```text
 * tensor([-2.1269, -0.9741, -0.6931, -0.4741, -0.1269])
 * ```
 */
export function logSigmoid(input: Tensor): Tensor {
  expectTensor('log_sigmoid', 'input', 1, input);
  floatInput('log_sigmoid', input);
  return unaryOp('log_sigmoid', 'logSigmoid', input, 'float');
}

/**
 * exp(x) / Σ exp(x) along `dim`.
 * @example
 * ```ts pytorch=nn.F.softmax
 * const logits = torch.tensor([[1, 2, 3], [1, 1, 1]], { dtype: 'float32' });
 * console.log(torch.nn.functional.softmax(logits, 1));
 * console.log(torch.nn.functional.softmax(logits, 0));
 * ```
 * ```text
 * tensor([[0.0900, 0.2447, 0.6652],
 *         [0.3333, 0.3333, 0.3333]])
 * tensor([[0.5000, 0.7311, 0.8808],
 *         [0.5000, 0.2689, 0.1192]])
 * ```
 */
export function softmax(input: Tensor, dim: number, opts: { dtype?: DTypeLike } = {}): Tensor {
  expectTensor('softmax', 'input', 1, input);
  expectOptions('softmax', opts);
  return input.softmax(dim, opts);
}

/**
 * softmax(−x).
 * @example
 * ```ts pytorch=nn.F.softmin
 * console.log(torch.nn.functional.softmin(torch.tensor([[1, 2, 3]], { dtype: 'float32' }), 1));
 * ```
 * ```text
 * tensor([[0.6652, 0.2447, 0.0900]])
 * ```
 */
export function softmin(input: Tensor, dim: number, opts: { dtype?: DTypeLike } = {}): Tensor {
  expectTensor('softmin', 'input', 1, input);
  expectOptions('softmin', opts);
  return input.neg().softmax(dim, opts);
}

/**
 * log(softmax(x)) along `dim`, computed stably.
 * @example
 * ```ts pytorch=nn.F.logSoftmax
 * const logits = torch.tensor([[1, 2, 3]], { dtype: 'float32' });
 * console.log(torch.nn.functional.logSoftmax(logits, 1));
 * console.log(torch.nn.functional.logSoftmax(logits, 1, { dtype: 'float64' }).exp().sum());
 * ```
 * ```text
 * tensor([[-2.4076, -1.4076, -0.4076]])
 * tensor(1.0000, dtype=torch.float64)
 * ```
 */
export function logSoftmax(input: Tensor, dim: number, opts: { dtype?: DTypeLike } = {}): Tensor {
  expectTensor('log_softmax', 'input', 1, input);
  expectOptions('log_softmax', opts);
  return input.logSoftmax(dim, opts);
}

/** `inplace`: writes `y` into `input` (one `copy_`), else returns `y`. */
function maybeInplace(input: Tensor, y: Tensor, inplace: boolean): Tensor {
  return inplace ? input.copy_(y) : y;
}

/**
 * x·relu6(x + 3)/6 (PyTorch's node `HardswishBackward0`).
 * @example
 * ```ts pytorch=nn.F.hardswish
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.hardswish(x));
 * ```
 * ```text
 * tensor([-0.3333, -0.2083,  0.0000,  0.2917,  1.6667])
 * ```
 */
export function hardswish(input: Tensor, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('hardswish', 'input', 1, input);
  const inplace = inplaceArg('hardswish', 2, inplaceIn);
  floatInput('hardswish', input);
  return maybeInplace(input, fusedNode('HardswishBackward0', [input], (x) => x.mul(x.add(3).clamp(0, 6)).div(6)), inplace);
}

/**
 * relu6(x + 3)/6 with ATen's backward: `g · (1/6)` inside (−3, 3), where ATen's 1/6 is a
 * float literal (0.16666667163…) in every dtype, so float64 gradients carry it too.
 */
class Hardsigmoid extends Function {
  static override forward(ctx: FunctionCtx, x: Tensor): Tensor {
    ctx.saveForBackward(x);
    return x.add(3).clamp(0, 6).div(6);
  }
  static override backward(ctx: FunctionCtx, g: Tensor): Tensor {
    const [x] = ctx.savedTensors as [Tensor];
    return where(x.gt(-3).logicalAnd(x.lt(3)), g.mul(ONE_SIXTH_F32), 0);
  }
}
const ONE_SIXTH_F32 = Math.fround(1 / 6);

/**
 * relu6(x + 3)/6 (`HardsigmoidBackward0`).
 * @example
 * ```ts pytorch=nn.F.hardsigmoid
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.hardsigmoid(x));
 * ```
 * ```text
 * tensor([0.1667, 0.4167, 0.5000, 0.5833, 0.8333])
 * ```
 */
export function hardsigmoid(input: Tensor, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('hardsigmoid', 'input', 1, input);
  const inplace = inplaceArg('hardsigmoid', 2, inplaceIn);
  floatInput('hardsigmoid', input);
  return maybeInplace(input, fusedNode('HardsigmoidBackward0', [input], (x) => Hardsigmoid.apply(x)), inplace);
}

/**
 * x·tanh(softplus(x)) (`MishBackward0`).
 * @example
 * ```ts pytorch=nn.F.mish
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.mish(x));
 * ```
 * ```text
 * tensor([-0.2525, -0.2207,  0.0000,  0.3752,  1.9440])
 * ```
 */
export function mish(input: Tensor, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('mish', 'input', 1, input);
  const inplace = inplaceArg('mish', 2, inplaceIn);
  floatInput('mish', input);
  return maybeInplace(input, fusedNode('MishBackward0', [input], (x) => x.mul(softplus(x).tanh())), inplace);
}

/** SELU's α and scale (Klambauer et al.), as PyTorch's constants. */
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/**
 * scale·elu(x, α) with SELU's constants (PyTorch computes it with its elu kernel: `EluBackward0`).
 * @example
 * ```ts pytorch=nn.F.selu
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.selu(x));
 * ```
 * ```text
 * tensor([-1.5202, -0.6918,  0.0000,  0.5254,  2.1014])
 * ```
 */
export function selu(input: Tensor, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('selu', 'input', 1, input);
  const inplace = inplaceArg('selu', 2, inplaceIn);
  floatInput('selu', input);
  return maybeInplace(input, fusedNode('EluBackward0', [input], (x) => elu(x, SELU_ALPHA).mul(SELU_SCALE)), inplace);
}

/**
 * max(0, x) + min(0, α·(exp(x/α) − 1)) (`CeluBackward0`).
 * @example
 * ```ts pytorch=nn.F.celu
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.celu(x, 0.5));
 * ```
 * ```text
 * tensor([-0.4908, -0.3161,  0.0000,  0.5000,  2.0000])
 * ```
 */
export function celu(input: Tensor, alphaIn?: number | AlphaInplaceOptions, inplaceIn?: boolean | AlphaInplaceOptions): Tensor {
  expectTensor('celu', 'input', 1, input);
  const [alpha, inplace] = alphaInplaceArgs('celu', alphaIn, inplaceIn);
  floatInput('celu', input);
  if (alpha === 0) throw new TorchRuntimeError('celu', 'ZeroDivisionError');
  return maybeInplace(input, fusedNode('CeluBackward0', [input], (x) => where(x.gt(0), x, x.div(alpha).expm1().mul(alpha))), inplace);
}

/**
 * x / (1 + |x|) (a composite in PyTorch too).
 * @example
 * ```ts pytorch=nn.F.softsign
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.softsign(x));
 * ```
 * ```text
 * tensor([-0.6667, -0.3333,  0.0000,  0.3333,  0.6667])
 * ```
 */
export function softsign(input: Tensor): Tensor {
  expectTensor('softsign', 'input', 1, input);
  return input.div(input.abs().add(1));
}

/**
 * x − tanh(x) (a composite in PyTorch too).
 * @example
 * ```ts pytorch=nn.F.tanhshrink
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.tanhshrink(x));
 * ```
 * ```text
 * tensor([-1.0360, -0.0379,  0.0000,  0.0379,  1.0360])
 * ```
 */
export function tanhshrink(input: Tensor): Tensor {
  expectTensor('tanhshrink', 'input', 1, input);
  return input.sub(input.tanh());
}

/**
 * x where x > threshold, `value` elsewhere (`ThresholdBackward0`).
 * @example
 * ```ts pytorch=nn.F.threshold
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.threshold(x, 0.1, 20));
 * ```
 * ```text
 * tensor([20.0000, 20.0000, 20.0000,  0.5000,  2.0000])
 * ```
 */
export function threshold(input: Tensor, threshold: number, value: number, inplaceIn?: boolean | InplaceOptions): Tensor {
  expectTensor('threshold', 'input', 1, input);
  const inplace = inplaceArg('threshold', 4, inplaceIn);
  expectNumber('threshold', 'threshold', 2, threshold);
  expectNumber('threshold', 'value', 3, value);
  if (input.dtype.name === 'bool') throw new TorchRuntimeError('threshold', `"threshold_cpu" not implemented for 'Bool'`);
  if (!input.dtype.isFloatingPoint && !input.dtype.isComplex) {
    // PyTorch's kernel converts both numbers to the integer dtype (truncating, refusing overflow)
    expectDoubleFits('threshold', threshold, input.dtype);
    expectDoubleFits('threshold', value, input.dtype);
    const th = Math.trunc(threshold);
    const v = Math.trunc(value);
    return maybeInplace(input, where(input.gt(th), input, v), inplace);
  }
  return maybeInplace(input, fusedNode('ThresholdBackward0', [input], (x) => where(x.gt(threshold), x, value)), inplace);
}

/**
 * Gated linear unit: splits `dim` in halves a, b and returns a·sigmoid(b) (`GluBackward0`).
 * @throws TorchRuntimeError when that dim's size is odd (PyTorch's message).
 * @example
 * ```ts pytorch=nn.F.glu
 * console.log(torch.nn.functional.glu(torch.tensor([[1, 2, 0, 10]], { dtype: 'float32' }))); // [1, 2] · sigmoid([0, 10])
 * ```
 * ```text
 * tensor([[0.5000, 1.9999]])
 * ```
 */
export function glu(input: Tensor, dim = -1): Tensor {
  expectTensor('glu', 'input', 1, input);
  const d = dim < 0 ? dim + input.ndim : dim;
  const n = input._shape[d]!;
  if (n % 2 !== 0) throw new TorchRuntimeError('glu', `Halving dimension must be even, but dimension ${d} is size ${n}`);
  expectFloatKernel('glu', 'glu_cpu', input);
  return fusedNode('GluBackward0', [input], (x) => x.narrow(d, 0, n / 2).mul(x.narrow(d, n / 2, n / 2).sigmoid()));
}

/**
 * x where x > 0, weight·x elsewhere; `weight` has 1 element or one per channel (dim 1)
 * (`PreluBackward0`).
 * @example
 * ```ts pytorch=nn.F.prelu
 * const x = torch.tensor([[-1, 2], [-3, 4]], { dtype: 'float32' });
 * console.log(torch.nn.functional.prelu(x, torch.tensor([0.1, 0.5]))); // one slope per channel (dim 1)
 * ```
 * ```text
 * tensor([[-0.1000,  2.0000],
 *         [-0.3000,  4.0000]])
 * ```
 */
export function prelu(input: Tensor, weight: Tensor): Tensor {
  expectTensor('prelu', 'input', 1, input);
  expectTensor('prelu', 'weight', 2, weight);
  const c = weight.numel();
  const channels = input.ndim >= 2 ? input._shape[1]! : 1;
  if (c !== 1 && c !== channels) {
    throw new TorchRuntimeError('prelu', `Mismatch of parameter numbers and input channel size. Found parameter numbers = ${c} and channel size = ${channels}.`);
  }
  // PyTorch's TensorIterator wants the weight in the input's dtype before it dispatches
  if (!input.dtype.isFloatingPoint && weight.dtype !== input.dtype) throw new TorchRuntimeError('prelu', `Found dtype ${cppName(weight.dtype)} but expected ${cppName(input.dtype)}`);
  floatInput('prelu', input);
  return fusedNode('PreluBackward0', [input, weight], (x, w) => {
    const shape = x.ndim >= 2 ? x._shape.map((s, i) => (i === 1 ? c : 1)) : [c];
    return where(x.gt(0), x, x.mul(c === 1 ? w.reshape([]) : w.reshape(shape)));
  });
}

/**
 * `hardtanh` writing into `input` (PyTorch's `F.hardtanh_`).
 * @example
 * ```ts pytorch=nn.F.hardtanh_
 * const x = torch.tensor([-3, 0.5, 3]);
 * torch.nn.functional.hardtanh_(x);
 * console.log(x);
 * ```
 * ```text
 * tensor([-1.0000,  0.5000,  1.0000])
 * ```
 */
export function hardtanh_(input: Tensor, minVal = -1.0, maxVal = 1.0): Tensor {
  return hardtanh(input, minVal, maxVal, true);
}

/** `threshold` writing into `input` (PyTorch's `F.threshold_`). */
export function threshold_(input: Tensor, thresholdValue: number, value: number): Tensor {
  return threshold(input, thresholdValue, value, true);
}

/** log(sigmoid(x)): PyTorch's spelling `F.logsigmoid` of {@link logSigmoid}. */
export function logsigmoid(input: Tensor): Tensor {
  return logSigmoid(input);
}

function checkLambd(op: string, lambd: number): void {
  expectNumber(op, 'lambd', 2, lambd);
}

/**
 * Hard shrinkage: 0 where −lambd ≤ x ≤ lambd, x elsewhere (`HardshrinkBackward0`).
 * @example
 * ```ts pytorch=nn.F.hardshrink
 * console.log(torch.nn.functional.hardshrink(torch.tensor([-1, 0.2, 0.7])));
 * ```
 * ```text
 * tensor([-1.0000,  0.0000,  0.7000])
 * ```
 */
export function hardshrink(input: Tensor, lambd = 0.5): Tensor {
  return hardshrinkOp(input, lambd);
}

/**
 * Soft shrinkage: x − lambd above lambd, x + lambd below −lambd, 0 between (`SoftshrinkBackward0`).
 * @example
 * ```ts pytorch=nn.F.softshrink
 * const x = torch.tensor([-2, -0.5, 0, 0.5, 2]);
 * console.log(torch.nn.functional.softshrink(x, 0.5));
 * ```
 * ```text
 * tensor([-1.5000,  0.0000,  0.0000,  0.0000,  1.5000])
 * ```
 */
export function softshrink(input: Tensor, lambd = 0.5): Tensor {
  expectTensor('softshrink', 'input', 1, input);
  checkLambd('softshrink', lambd);
  if (!(lambd >= 0)) throw new TorchRuntimeError('softshrink', `lambda must be greater or equal to 0, but found to be ${pyNum(lambd)}.`);
  if (!input.dtype.isFloatingPoint) throw new TorchRuntimeError('softshrink', `"softshrink_cpu" not implemented for '${pyDtypeName(input)}'`);
  return fusedNode('SoftshrinkBackward0', [input], (x) => where(x.gt(lambd), x.sub(lambd), where(x.lt(-lambd), x.add(lambd), 0)));
}

/** ATen's spelling of a dtype in "not implemented for" messages (`'Long'`, `'Int'`, …). */
function pyDtypeName(x: Tensor): string {
  const names: Record<string, string> = { int64: 'Long', int32: 'Int', int16: 'Short', int8: 'Char', uint8: 'Byte', bool: 'Bool', float16: 'Half', bfloat16: 'BFloat16' };
  return names[x.dtype.name] ?? x.dtype.name;
}

/** A number as c10 prints a double in messages (`-1`, `0.5`). */
function pyNum(v: number): string {
  return String(v);
}

/** Options of {@link gumbelSoftmax}. */
export interface GumbelSoftmaxOptions {
  /** Temperature (default 1). */
  tau?: number;
  /** Return one-hot samples with the soft gradient (straight-through; default false). */
  hard?: boolean;
  /** Deprecated, no effect (default 1e-10). */
  eps?: number;
  /** The dim the softmax runs over (default −1). */
  dim?: number;
  /** Generator of the Gumbel noise (default: the global one). */
  generator?: Generator;
}

/**
 * Samples from the Gumbel-softmax distribution: `softmax((logits + g) / tau)` with
 * g = −log(Exponential(1)) drawn as PyTorch draws it (`exponential_` on an empty tensor
 * like `logits`); `hard` returns one-hot vectors with the soft sample's gradient.
 * @example
 * ```ts pytorch=nn.F.gumbelSoftmax
 * torch.manualSeed(0);
 * const logits = torch.tensor([[1, 2, 3], [3, 2, 1]], { dtype: 'float32' });
 * console.log(torch.nn.functional.gumbelSoftmax(logits, { tau: 0.5 }));
 * console.log(torch.nn.functional.gumbelSoftmax(logits, { tau: 0.5, hard: true }));
 * ```
 * ```text
 * tensor([[5.4419e-04, 3.2693e-02, 9.6676e-01],
 *         [5.3797e-01, 4.3621e-01, 2.5818e-02]])
 * tensor([[0., 0., 1.],
 *         [1., 0., 0.]])
 * ```
 */
export function gumbelSoftmax(logits: Tensor, opts: GumbelSoftmaxOptions = {}): Tensor {
  expectTensor('gumbel_softmax', 'logits', 1, logits);
  expectOptions('gumbel_softmax', opts);
  const tau = opts.tau ?? 1;
  const dim = opts.dim ?? -1;
  expectNumber('gumbel_softmax', 'tau', 2, tau);
  expectBool('gumbel_softmax', 'hard', 3, opts.hard ?? false);
  return keepRngOnError(opts.generator, () => {
    const noise = emptyLike(logits.detach());
    exponential_(noise, 1, opts.generator ? { generator: opts.generator } : undefined);
    const gumbels = logits.add(noise.log().neg()).div(tau);
    const ySoft = gumbels.softmax(dim);
    if (!opts.hard) return ySoft;
    const index = ySoft.argmax(dim, true);
    const yHard = zerosLike(logits.detach()).scatter_(dim, index, 1.0);
    return yHard.sub(ySoft.detach()).add(ySoft);
  });
}

/**
 * Randomized leaky ReLU: in training, each non-positive element is multiplied by a slope
 * drawn uniformly from [lower, upper] (drawn as PyTorch draws it: one double per
 * non-positive element, in row-major order); otherwise the fixed slope (lower + upper)/2
 * (`RreluWithNoiseBackward0`). On a device that reads only asynchronously (WebGPU),
 * training draws one slope per element on the device, as PyTorch's CUDA kernel does.
 * @example
 * ```ts pytorch=nn.F.rrelu
 * torch.manualSeed(0);
 * const x = torch.tensor([-2, -1, 1], { dtype: 'float32' });
 * console.log(torch.nn.functional.rrelu(x));
 * console.log(torch.nn.functional.rrelu(x, 1 / 8, 1 / 3, true));
 * ```
 * ```text
 * tensor([-0.4583, -0.2292,  1.0000])
 * tensor([-0.6542, -0.2725,  1.0000])
 * ```
 */
export function rrelu(input: Tensor, lower = 1.0 / 8, upper = 1.0 / 3, training = false, inplace = false, generator?: Generator): Tensor {
  const op = 'rrelu';
  expectTensor(op, 'input', 1, input);
  expectNumber(op, 'lower', 2, lower);
  expectNumber(op, 'upper', 3, upper);
  expectBool(op, 'training', 4, training);
  expectBool(op, 'inplace', 5, inplace);
  if (!(lower <= upper)) throw new TorchRuntimeError(op, 'Lower bound should be less than or equal to the upper bound');
  // outside training PyTorch runs leaky_relu with the mean slope
  if (!input.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `"${training ? 'rrelu_with_noise_out_cpu' : 'leaky_relu_cpu'}" not implemented for '${pyDtypeName(input)}'`);
  if (!training) {
    // ATen's leaky_relu kernel multiplies by the slope cast to the input's dtype
    const slope = input.dtype.name === 'float64' ? (lower + upper) / 2 : Math.fround((lower + upper) / 2);
    return maybeInplace(input, fusedNode('RreluWithNoiseBackward0', [input], (x) => leakyRelu(x, slope)), inplace);
  }
  if (!input._storage.backend.syncRead) {
    // Without reading the signs back: one slope per element, used where x ≤ 0, as
    // PyTorch's CUDA kernel draws them (so the draws differ from the CPU's, as there).
    const cast = Math.fround;
    const r = uniform_(empty(input._shape as number[], { dtype: input.dtype, device: input.device }), cast(lower), cast(upper), generator ? { generator } : undefined);
    const n = where(input.detach().le(0), r, 1);
    return maybeInplace(input, fusedNode('RreluWithNoiseBackward0', [input], (x) => x.mul(n)), inplace);
  }
  return keepRngOnError(generator, () => {
    const values = input.detach().contiguous().dataSync() as ArrayLike<number>;
    let k = 0;
    for (let i = 0; i < values.length; i++) if (values[i]! <= 0) k++;
    // ATen casts the bounds to the input's dtype before the double uniform draw
    const cast = input.dtype.name === 'float64' ? (v: number): number => v : Math.fround;
    const r = uniform_(empty([k], { dtype: float64 }), cast(lower), cast(upper), generator ? { generator } : undefined).dataSync() as Float64Array;
    const noise = new Float64Array(values.length);
    for (let i = 0, j = 0; i < values.length; i++) noise[i] = values[i]! <= 0 ? r[j++]! : 1;
    const n = fromHost(noise, input._shape, float64, { device: input.device }).to(input.dtype);
    return maybeInplace(input, fusedNode('RreluWithNoiseBackward0', [input], (x) => x.mul(n)), inplace);
  });
}

/** `rrelu` writing into `input` (PyTorch's `F.rrelu_`). */
export function rrelu_(input: Tensor, lower = 1.0 / 8, upper = 1.0 / 3, training = false, generator?: Generator): Tensor {
  return rrelu(input, lower, upper, training, true, generator);
}

/**
 * `F.relu_(x)`: {@link relu} writing into `x`.
 * @example
 * ```ts pytorch=nn.F.relu_
 * const x = torch.tensor([-1, 0.5, 2]);
 * torch.nn.functional.relu_(x); // in place
 * console.log(x);
 * ```
 * ```text
 * tensor([0.0000, 0.5000, 2.0000])
 * ```
 */
export function relu_(input: Tensor): Tensor {
  return relu(input, true);
}

/**
 * `F.leaky_relu_(x, negative_slope)`: {@link leakyRelu} writing into `x`.
 * @example
 * ```ts pytorch=nn.F.leakyRelu_
 * const x = torch.tensor([-3, 0.5, 3]);
 * torch.nn.functional.leakyRelu_(x, 0.1);
 * console.log(x);
 * ```
 * ```text
 * tensor([-0.3000,  0.5000,  3.0000])
 * ```
 */
export function leakyRelu_(input: Tensor, negativeSlope = 0.01): Tensor {
  return leakyRelu(input, negativeSlope, true);
}

/** `F.elu_(x, alpha)`: {@link elu} writing into `x`. */
export function elu_(input: Tensor, alpha = 1.0): Tensor {
  return elu(input, alpha, true);
}

/** `F.selu_(x)`: {@link selu} writing into `x`. */
export function selu_(input: Tensor): Tensor {
  return selu(input, true);
}

/** `F.celu_(x, alpha)`: {@link celu} writing into `x`. */
export function celu_(input: Tensor, alpha = 1.0): Tensor {
  return celu(input, alpha, true);
}
