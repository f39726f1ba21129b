/**
 * Activation functions (`F.relu`, `F.gelu`, …) on core's elementwise kernels.
 * Each is one autograd node with PyTorch's node name (`LeakyReluBackward0`, …).
 */
import { type DTypeLike, type Tensor, TorchRuntimeError, unaryInplace, unaryOp } from '@antorcha/core';

function floatInput(op: string, x: Tensor): void {
  if (!x.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `"${op}" not implemented for '${x.dtype.name}'`);
}

/** max(x, 0); `inplace` writes into `x`. */
export function relu(input: Tensor, inplace = false): Tensor {
  return inplace ? input.relu_() : input.relu();
}

/** min(max(x, 0), 6). */
export function relu6(input: Tensor, inplace = false): Tensor {
  return hardtanh(input, 0, 6, inplace);
}

/** x for x > 0, `negativeSlope * x` otherwise. */
export function leakyRelu(input: Tensor, negativeSlope = 0.01, inplace = false): Tensor {
  floatInput('leaky_relu', input);
  return inplace ? unaryInplace('leaky_relu_', 'leakyRelu', input, 'float', { a: negativeSlope }) : unaryOp('leaky_relu', 'leakyRelu', input, 'float', { a: negativeSlope });
}

/** x for x > 0, `alpha * (exp(x) − 1)` otherwise. */
export function elu(input: Tensor, alpha = 1.0, inplace = false): Tensor {
  floatInput('elu', input);
  return inplace ? unaryInplace('elu_', 'elu', input, 'float', { a: alpha }) : unaryOp('elu', 'elu', input, 'float', { a: alpha });
}

/** Gaussian error linear unit: `x·Φ(x)`, or its tanh approximation with `approximate: 'tanh'`. */
export function gelu(input: Tensor, opts: { approximate?: 'none' | 'tanh' } = {}): Tensor {
  floatInput('gelu', input);
  const approximate = opts.approximate ?? 'none';
  if (approximate !== 'none' && approximate !== 'tanh') throw new TorchRuntimeError('gelu', `approximate argument must be either none or tanh.`);
  return approximate === 'tanh'
    ? unaryOp('gelu', 'geluTanh', input, 'float', undefined, { approximate: 'tanh' })
    : unaryOp('gelu', 'gelu', input, 'float', undefined, { approximate: 'none' });
}

/** x·sigmoid(x) (swish). */
export function silu(input: Tensor, inplace = false): Tensor {
  floatInput('silu', input);
  return inplace ? unaryInplace('silu_', 'silu', input, 'float') : unaryOp('silu', 'silu', input, 'float');
}

/** Logistic sigmoid. */
export function sigmoid(input: Tensor): Tensor {
  return input.sigmoid();
}

/** Hyperbolic tangent. */
export function tanh(input: Tensor): Tensor {
  return input.tanh();
}

/** `log(1 + exp(beta·x)) / beta`, linear where `beta·x > threshold`. */
export function softplus(input: Tensor, beta = 1, threshold = 20): Tensor {
  floatInput('softplus', input);
  return unaryOp('softplus', 'softplus', input, 'float', { a: beta, b: threshold });
}

/** Clamps into [minVal, maxVal]. */
export function hardtanh(input: Tensor, minVal = -1.0, maxVal = 1.0, inplace = false): Tensor {
  floatInput('hardtanh', input);
  return inplace ? unaryInplace('hardtanh_', 'hardtanh', input, 'float', { a: minVal, b: maxVal }) : unaryOp('hardtanh', 'hardtanh', input, 'float', { a: minVal, b: maxVal });
}

/** log(sigmoid(x)), computed stably. */
export function logSigmoid(input: Tensor): Tensor {
  floatInput('log_sigmoid', input);
  return unaryOp('log_sigmoid', 'logSigmoid', input, 'float');
}

/** exp(x) / Σ exp(x) along `dim`. */
export function softmax(input: Tensor, dim: number, opts: { dtype?: DTypeLike } = {}): Tensor {
  return input.softmax(dim, opts);
}

/** softmax(−x). */
export function softmin(input: Tensor, dim: number, opts: { dtype?: DTypeLike } = {}): Tensor {
  return input.neg().softmax(dim, opts);
}

/** log(softmax(x)) along `dim`, computed stably. */
export function logSoftmax(input: Tensor, dim: number, opts: { dtype?: DTypeLike } = {}): Tensor {
  return input.logSoftmax(dim, opts);
}
