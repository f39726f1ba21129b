/**
 * `torch.nn.init`: in-place initialisers drawing from PyTorch's exact random
 * streams, with bounds and standard deviations computed in float64 exactly as
 * PyTorch's Python code computes them (`@antorcha/rng`'s init numerics).
 */
import { type Generator, type Tensor, TorchValueError, empty, erf as erfOp, float64, tensor as makeTensor } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';
import * as rng from '@antorcha/rng';

/** Nonlinearities known to {@link calculateGain}. */
export type Nonlinearity = rng.Nonlinearity;

/** Fan mode of the Kaiming initialisers. */
export type FanMode = 'fan_in' | 'fan_out';

function wrap<T>(op: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof rng.RngError) throw new TorchValueError(op, e.message);
    throw e;
  }
}

function genOpts(generator?: Generator): { generator?: Generator } | undefined {
  return generator ? { generator } : undefined;
}

/**
 * The recommended gain for a nonlinearity (`torch.nn.init.calculate_gain`):
 * 1 for linear/conv/sigmoid, 5/3 for tanh, √2 for relu, √(2/(1+slope²)) for leaky_relu, 3/4 for selu.
 * @example
 * ```ts pytorch=nn.init.calculateGain
 * const { calculateGain } = torch.nn.init;
 * console.log(calculateGain('relu'), calculateGain('tanh'), calculateGain('leaky_relu', 0.2));
 * ```
 * ```text
 * 1.4142135623730951 1.6666666666666667 1.3867504905630728
 * ```
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number | null): number {
  return wrap('calculate_gain', () => rng.calculateGain(nonlinearity, param));
}

/**
 * `(fan_in, fan_out)` of a weight: dims 1 and 0 times the receptive field size.
 * @example
 * ```ts pytorch=nn.init.calculateFanInAndFanOut
 * const { fanIn, fanOut } = torch.nn.init.calculateFanInAndFanOut(torch.empty(16, 3, 5, 5)); // a Conv2d weight
 * console.log(fanIn, fanOut);
 * ```
 * ```text
 * 75 400
 * ```
 */
export function calculateFanInAndFanOut(t: Tensor): { fanIn: number; fanOut: number } {
  return wrap('init', () => rng.fanInAndFanOut(t._shape));
}

function fanOf(t: Tensor, mode: FanMode, op: string): number {
  if (mode !== 'fan_in' && mode !== 'fan_out') throw new TorchValueError(op, `Mode ${String(mode)} not supported, please use one of fan_in, fan_out`);
  const { fanIn, fanOut } = calculateFanInAndFanOut(t);
  return mode === 'fan_in' ? fanIn : fanOut;
}

/**
 * Fills with U(a, b).
 * @example
 * ```ts pytorch=nn.init.uniform_
 * torch.manualSeed(0);
 * console.log(torch.nn.init.uniform_(torch.empty(4), -1, 1));
 * ```
 * ```text
 * tensor([-0.0075,  0.5364, -0.8230, -0.7359])
 * ```
 */
export function uniform_(t: Tensor, a = 0, b = 1, generator?: Generator): Tensor {
  return noGrad(() => t.uniform_(a, b, genOpts(generator)));
}

/**
 * Fills with N(mean, std²).
 * @example
 * ```ts pytorch=nn.init.normal_
 * torch.manualSeed(0);
 * console.log(torch.nn.init.normal_(torch.empty(4), 0, 0.02));
 * ```
 * ```text
 * tensor([ 0.0308, -0.0059, -0.0436,  0.0114])
 * ```
 */
export function normal_(t: Tensor, mean = 0, std = 1, generator?: Generator): Tensor {
  return noGrad(() => t.normal_(mean, std, genOpts(generator)));
}

/**
 * Fills with `val`.
 * @example
 * ```ts pytorch=nn.init.constant_
 * console.log(torch.nn.init.constant_(torch.empty(2, 2), 0.5));
 * ```
 * ```text
 * tensor([[0.5000, 0.5000],
 *         [0.5000, 0.5000]])
 * ```
 */
export function constant_(t: Tensor, val: number): Tensor {
  return noGrad(() => t.fill_(val));
}

/**
 * Fills with 1.
 * @example
 * ```ts pytorch=nn.init.ones_
 * const w = torch.empty(2, 3);
 * torch.nn.init.ones_(w);
 * console.log(w, torch.nn.init.zeros_(torch.empty(2)));
 * ```
 * ```text
 * tensor([[1., 1., 1.],
 *         [1., 1., 1.]]) tensor([0., 0.])
 * ```
 */
export function ones_(t: Tensor): Tensor {
  return constant_(t, 1);
}

/** Fills with 0. */
export function zeros_(t: Tensor): Tensor {
  return noGrad(() => t.zero_());
}

/**
 * Fills a 2-D tensor with the identity matrix.
 * @example
 * ```ts pytorch=nn.init.eye_
 * console.log(torch.nn.init.eye_(torch.empty(2, 3)));
 * ```
 * ```text
 * tensor([[1., 0., 0.],
 *         [0., 1., 0.]])
 * ```
 */
export function eye_(t: Tensor): Tensor {
  if (t.ndim !== 2) throw new TorchValueError('eye_', 'Only tensors with 2 dimensions are supported');
  return noGrad(() => {
    t.zero_();
    const n = Math.min(t._shape[0]!, t._shape[1]!);
    if (n > 0) t.asStrided([n], [t._strides[0]! + t._strides[1]!], t._offset).fill_(1);
    return t;
  });
}

/**
 * Glorot uniform: U(−a, a) with a = gain·√(6/(fan_in + fan_out)).
 * @example
 * ```ts pytorch=nn.init.xavierUniform_
 * torch.manualSeed(0);
 * console.log(torch.nn.init.xavierUniform_(torch.empty(2, 3), torch.nn.init.calculateGain('tanh')));
 * ```
 * ```text
 * tensor([[-0.0137,  0.9794, -1.5027],
 *         [-1.3436, -0.7032,  0.4896]])
 * ```
 */
export function xavierUniform_(t: Tensor, gain = 1.0, generator?: Generator): Tensor {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t);
  const a = rng.xavierUniformBound(fanIn, fanOut, gain);
  return uniform_(t, -a, a, generator);
}

/**
 * Glorot normal: N(0, std²) with std = gain·√(2/(fan_in + fan_out)).
 * @example
 * ```ts pytorch=nn.init.xavierNormal_
 * torch.manualSeed(0);
 * console.log(torch.nn.init.xavierNormal_(torch.empty(2, 3)));
 * ```
 * ```text
 * tensor([[ 0.9746, -0.1856, -1.3780],
 *         [ 0.3595, -0.6859, -0.8845]])
 * ```
 */
export function xavierNormal_(t: Tensor, gain = 1.0, generator?: Generator): Tensor {
  const { fanIn, fanOut } = calculateFanInAndFanOut(t);
  return normal_(t, 0, rng.xavierNormalStd(fanIn, fanOut, gain), generator);
}

/** Options of the Kaiming initialisers. */
export interface KaimingOptions {
  /** Negative slope of the following leaky_relu (default 0). */
  a?: number;
  /** `'fan_in'` (default) or `'fan_out'`. */
  mode?: FanMode;
  /** Default `'leaky_relu'`. */
  nonlinearity?: Nonlinearity;
  /** Draw from this generator. */
  generator?: Generator;
}

/**
 * He uniform: U(−b, b) with b = √3·gain/√fan.
 * @example
 * ```ts pytorch=nn.init.kaimingUniform_
 * torch.manualSeed(0);
 * const w = torch.empty(2, 3);
 * console.log(torch.nn.init.kaimingUniform_(w, { mode: 'fan_in', nonlinearity: 'relu' }));
 * ```
 * ```text
 * tensor([[-0.0106,  0.7586, -1.1640],
 *         [-1.0408, -0.5447,  0.3792]])
 * ```
 */
export function kaimingUniform_(t: Tensor, opts: KaimingOptions = {}): Tensor {
  if (t.numel() === 0) return t;
  const fan = fanOf(t, opts.mode ?? 'fan_in', 'kaiming_uniform_');
  const bound = wrap('kaiming_uniform_', () => rng.kaimingUniformBound(fan, opts.a ?? 0, opts.nonlinearity ?? 'leaky_relu'));
  return uniform_(t, -bound, bound, opts.generator);
}

/**
 * He normal: N(0, std²) with std = gain/√fan.
 * @example
 * ```ts pytorch=nn.init.kaimingNormal_
 * torch.manualSeed(0);
 * console.log(torch.nn.init.kaimingNormal_(torch.empty(2, 3), { mode: 'fan_out' }));
 * ```
 * ```text
 * tensor([[ 1.5410, -0.2934, -2.1788],
 *         [ 0.5684, -1.0845, -1.3986]])
 * ```
 */
export function kaimingNormal_(t: Tensor, opts: KaimingOptions = {}): Tensor {
  if (t.numel() === 0) return t;
  const fan = fanOf(t, opts.mode ?? 'fan_in', 'kaiming_normal_');
  const std = wrap('kaiming_normal_', () => rng.kaimingNormalStd(fan, opts.a ?? 0, opts.nonlinearity ?? 'leaky_relu'));
  return normal_(t, 0, std, opts.generator);
}

function pyErf(x: number): number {
  return erfOp(makeTensor([x], { dtype: float64 })).item() as number;
}

/**
 * Truncated normal on [a, b] by inverse-CDF sampling, as PyTorch does: U(2l−1, 2u−1),
 * erfinv, scale by std·√2, shift by mean, clamp.
 * @example
 * ```ts pytorch=nn.init.truncNormal_
 * torch.manualSeed(0);
 * console.log(torch.nn.init.truncNormal_(torch.empty(5), 0, 1, -1, 1));
 * ```
 * ```text
 * tensor([-0.0064,  0.4764, -0.7754, -0.6783, -0.3358])
 * ```
 */
export function truncNormal_(t: Tensor, mean = 0, std = 1, a = -2, b = 2, generator?: Generator): Tensor {
  const normCdf = (x: number): number => (1 + pyErf(x / Math.sqrt(2))) / 2;
  const l = normCdf((a - mean) / std);
  const u = normCdf((b - mean) / std);
  return noGrad(() => {
    t.uniform_(2 * l - 1, 2 * u - 1, genOpts(generator));
    t.copy_(t.erfinv());
    t.mul_(std * Math.sqrt(2));
    t.add_(mean);
    t.clamp_(a, b);
    return t;
  });
}

/** Householder QR of a row-major m×n (m ≥ n) float64 matrix: the thin Q (m×n) and diag(R). */
function householderQ(A: Float64Array, m: number, n: number): { q: Float64Array; rdiag: Float64Array } {
  const R = Float64Array.from(A);
  const vs: Float64Array[] = [];
  const betas: number[] = [];
  const rdiag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += R[i * n + k]! * R[i * n + k]!;
    norm = Math.sqrt(norm);
    const x0 = R[k * n + k]!;
    const alpha = x0 >= 0 ? -norm : norm;
    const v = new Float64Array(m - k);
    v[0] = x0 - alpha;
    for (let i = k + 1; i < m; i++) v[i - k] = R[i * n + k]!;
    let vn = 0;
    for (let i = 0; i < v.length; i++) vn += v[i]! * v[i]!;
    const beta = vn === 0 ? 0 : 2 / vn;
    for (let j = k; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k]! * R[i * n + j]!;
      s *= beta;
      for (let i = k; i < m; i++) R[i * n + j] = R[i * n + j]! - s * v[i - k]!;
    }
    vs.push(v);
    betas.push(beta);
    rdiag[k] = R[k * n + k]!;
  }
  const Q = new Float64Array(m * n);
  for (let i = 0; i < n; i++) Q[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = vs[k]!;
    const beta = betas[k]!;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i - k]! * Q[i * n + j]!;
      s *= beta;
      for (let i = k; i < m; i++) Q[i * n + j] = Q[i * n + j]! - s * v[i - k]!;
    }
  }
  return { q: Q, rdiag };
}

/**
 * (Semi-)orthogonal matrix from the QR decomposition of a N(0, 1) draw, signs
 * fixed by diag(R) as PyTorch does. The draws are PyTorch's; the QR is a
 * Householder QR in float64 (PyTorch uses LAPACK), so values agree to rounding.
 * @example
 * ```ts pytorch=nn.init.orthogonal_
 * torch.manualSeed(0);
 * const q = torch.nn.init.orthogonal_(torch.empty(2, 2));
 * console.log(q);
 * console.log(q.matmul(q.t()).round({ decimals: 4 }));
 * ```
 * ```text
 * tensor([[ 0.5774,  0.8164],
 *         [-0.8164,  0.5774]])
 * tensor([[1., 0.],
 *         [0., 1.]])
 * ```
 */
export function orthogonal_(t: Tensor, gain = 1, generator?: Generator): Tensor {
  if (t.ndim < 2) throw new TorchValueError('orthogonal_', 'Only tensors with 2 or more dimensions are supported');
  if (t.numel() === 0) return t;
  const rows = t._shape[0]!;
  const cols = t.numel() / rows;
  return noGrad(() => {
    const flat = empty([rows, cols], { dtype: t.dtype }).normal_(0, 1, genOpts(generator));
    const a = rows < cols ? flat.t() : flat;
    const [m, n] = a._shape as [number, number];
    const { q, rdiag } = householderQ(a.to(float64).contiguous().dataSync() as Float64Array, m, n);
    for (let j = 0; j < n; j++) {
      const s = Math.sign(rdiag[j]!);
      for (let i = 0; i < m; i++) q[i * n + j] = q[i * n + j]! * s;
    }
    let qt = makeTensor(q, { dtype: float64 }).view(m, n);
    if (rows < cols) qt = qt.t();
    t.viewAs(qt).copy_(qt);
    t.mul_(gain);
    return t;
  });
}

/**
 * Fills a {3,4,5}-D tensor with the Dirac delta (identity convolution), per group.
 * @example
 * ```ts pytorch=nn.init.dirac_
 * const w = torch.nn.init.dirac_(torch.empty(2, 2, 3)); // Conv1d weight [out, in, k]
 * console.log(torch.nn.functional.conv1d(torch.tensor([[[1, 2, 3], [4, 5, 6]]], { dtype: 'float32' }), w, null, { padding: 1 }));
 * ```
 * ```text
 * tensor([[[1., 2., 3.],
 *          [4., 5., 6.]]])
 * ```
 */
export function dirac_(t: Tensor, groups = 1): Tensor {
  const d = t.ndim;
  if (d < 3 || d > 5) throw new TorchValueError('dirac_', 'Only tensors with 3, 4, or 5 dimensions are supported');
  const sizes = t._shape;
  if (sizes[0]! % groups !== 0) throw new TorchValueError('dirac_', 'dim 0 must be divisible by groups');
  const outPerGroup = sizes[0]! / groups;
  const minDim = Math.min(outPerGroup, sizes[1]!);
  return noGrad(() => {
    t.zero_();
    for (let g = 0; g < groups; g++) {
      for (let i = 0; i < minDim; i++) {
        let v = t.select(0, g * outPerGroup + i).select(0, i);
        for (let k = 2; k < d; k++) v = v.select(0, Math.floor(sizes[k]! / 2));
        v.fill_(1);
      }
    }
    return t;
  });
}
