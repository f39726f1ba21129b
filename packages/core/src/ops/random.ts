/**
 * Random tensors with PyTorch's exact streams: values are drawn on the host by
 * `@antorcha/rng` (the same algorithms and element order as PyTorch's CPU
 * kernels) and written to any device, so every backend gives the same seeded values.
 */
import * as rng from '@antorcha/rng';
import { type DType, type DTypeName, type HostArray, allocHost, castScalar, float32, float64, getDefaultDtype, int64, toDType } from '../dtype.js';
import { TorchError, TorchRuntimeError, TorchTypeError } from '../errors.js';
import { broadcastShapes, numelOf } from '../shape.js';
import { Tensor } from '../tensor.js';
import { boolArg, expectInt, expectNumber, expectTensor, keywordArgs } from '../validate.js';
import { notifyInplace } from '../autograd-hook.js';
import { type TensorOptions, backendFor, emptyTensor, finishCreation, refOf, resolveOptions } from './dispatch.js';
import { type SizeAndOptions, fromHost, parseSizeArgs } from './creation.js';
import { bumpVersion, checkWritable } from './elementwise.js';
import { cppName } from './promotion.js';
import { hostValues, readValues } from './conversion.js';
import { isHalfDtype } from '../half.js';
import { resolvedCopy } from '../complex/mathbits.js';
import { pairsView } from '../complex/ops.js';

/** The generator PyTorch's `torch.manual_seed` seeds. */
export const defaultGenerator: rng.Generator = rng.defaultGenerator;

/** Options of random functions: an explicit generator. */
export interface GeneratorOptions {
  /** Draw from this generator instead of the default one. */
  generator?: rng.Generator;
}

/** Creation options plus a generator. */
export type RandomOptions<N extends DTypeName = DTypeName> = TensorOptions<N> & GeneratorOptions;

/**
 * Seeds the default generator (`torch.manual_seed`): a number or bigint in [−2^63, 2^64).
 * @example
 * ```ts pytorch=core.manualSeed
 * torch.manualSeed(7);
 * console.log(torch.randn(1, 5)); // the numbers torch.randn(1, 5) gives after torch.manual_seed(7)
 * ```
 * ```text
 * tensor([[-0.1468,  0.7861,  0.9468, -1.1143,  1.6908]])
 * ```
 */
export function manualSeed(seed: number | bigint): rng.Generator {
  return rethrow('manual_seed', () => defaultGenerator.manualSeed(seed));
}

/** Seeds the default generator non-deterministically and returns the seed. */
export function seed(): bigint {
  return defaultGenerator.seed();
}

/** The default generator's initial seed. */
export function initialSeed(): bigint {
  return defaultGenerator.initialSeed();
}

/** The default generator's state as a uint8 tensor of 5056 bytes (PyTorch's layout). */
export function getRngState(): Tensor {
  const bytes = defaultGenerator.getState();
  return fromHost(bytes, [bytes.length], toDType('uint8'));
}

/** Restores the default generator's state from a uint8 tensor (e.g. one PyTorch saved). */
export function setRngState(state: Tensor): void {
  expectTensor('set_rng_state', 'input', 1, state);
  if (!(state instanceof Tensor) || state.dtype.name !== 'uint8') {
    throw new TorchTypeError('set_rng_state', `expected a torch.ByteTensor, but got ${state instanceof Tensor ? state.dtype : typeof state}`);
  }
  const bytes = hostValues(state.reshape(-1), 'set_rng_state') as Uint8Array;
  rethrow('set_rng_state', () => defaultGenerator.setState(bytes));
}

/** Runs `f`, turning the rng package's errors into TorchErrors. */
function rethrow<T>(op: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof rng.RngError) throw new TorchError(e.op || op, e.message, e.pythonName);
    if (e instanceof RangeError || e instanceof TypeError) throw new TorchRuntimeError(op, e.message);
    throw e;
  }
}

/**
 * The dims of `t` sorted by decreasing stride: its storage order is the row-major order
 * of `t.permute(storageOrder(t))`, the order PyTorch's TensorIterator fills it in.
 */
function storageOrder(t: Tensor): number[] {
  return t._shape.map((_, i) => i).sort((a, b) => t._strides[b]! - t._strides[a]! || a - b);
}

/**
 * Fills `t` with host values produced by `draw` in PyTorch's element order:
 * row-major for contiguous tensors, storage order otherwise (SPEC §0.5).
 */
function fillInOrder(op: string, t: Tensor, draw: (out: HostArray, contiguous: boolean) => void): Tensor {
  checkWritable(t, op);
  const n = t.numel();
  const contiguous = t.isContiguous();
  const backend = backendFor(t.device, t.dtype, op);
  if (t._conj || t._neg) {
    // a conjugate/negative view: the draws fill a plain tensor of t's layout (same
    // element order), written into t through the math-bit resolution of refOf
    const plain = resolvedCopy(t);
    fillInOrder(op, plain, draw);
    notifyInplace(t, op);
    backend.copy(refOf(plain), refOf(t));
    bumpVersion(t);
    return t;
  }
  if (isHalfDtype(t.dtype.name)) {
    // float16/bfloat16 hold bit patterns: draw the values in float32 (the draw rounds to
    // the dtype's values itself), then store them through a cast.
    // (a float32 view with t's storage order, so the draws land in the same elements)
    const order = storageOrder(t);
    const staged = emptyTensor(order.map((d) => t._shape[d]!), float32, t.device, op);
    const f = staged.permute(order.map((_, i) => order.indexOf(i)));
    fillInOrder(op, f, draw);
    notifyInplace(t, op);
    backend.copy(
      { buffer: f._storage.buffer, dtype: 'float32', shape: t._shape, strides: f._strides, offset: f._offset },
      { buffer: t._storage.buffer, dtype: t.dtype.name, shape: t._shape, strides: t._strides, offset: t._offset },
    );
    bumpVersion(t);
    return t;
  }
  if (contiguous && backend.readSync) {
    // Host memory (CPU): draw straight into the tensor's elements, no staging copy.
    // Arguments were checked before, so a draw cannot fail halfway.
    notifyInplace(t, op);
    rethrow(op, () => draw(backend.readSync!(t._storage.buffer).subarray(t._offset, t._offset + n), contiguous));
    bumpVersion(t);
    return t;
  }
  const host = allocHost(t.dtype.name, n);
  rethrow(op, () => draw(host, contiguous));
  notifyInplace(t, op);
  if (n > 0) {
    if (contiguous) backend.write(t._storage.buffer, host, t._offset);
    else {
      const order = storageOrder(t);
      const staged = emptyTensor(order.map((d) => t._shape[d]!), t.dtype, t.device, op);
      backend.write(staged._storage.buffer, host, 0);
      const inverse = order.map((_, i) => order.indexOf(i));
      backend.copy(
        { buffer: staged._storage.buffer, dtype: t.dtype.name, shape: t._shape, strides: inverse.map((p) => staged._strides[p]!), offset: 0 },
        { buffer: t._storage.buffer, dtype: t.dtype.name, shape: t._shape, strides: t._strides, offset: t._offset },
      );
    }
  }
  bumpVersion(t);
  return t;
}

function floatOnly(op: string, kernel: string, t: Tensor): void {
  if (!t.dtype.isFloatingPoint) throw new TorchRuntimeError(op, `"${kernel}" not implemented for '${cppName(t.dtype)}'`);
}

/**
 * A fill of a complex tensor: PyTorch's normal_/uniform_ draw over its real view
 * (`view_as_real`, ATen's normal_impl_/uniform_impl_), so the stream is the one of a
 * float tensor of twice the elements, re and im interleaved. A conjugate view is
 * filled through a plain copy of its layout, as every in-place write into one.
 */
function fillComplex(op: string, t: Tensor, fill: (parts: Tensor) => void): Tensor {
  checkWritable(t, op);
  // asynchronous devices (WebGPU) take host writes at offsets counted in the buffer's complex
  // elements, which the pairs view's real offset is not: a target at an offset fills a copy first
  if (t._conj || t._neg || (t._offset !== 0 && !t._storage.backend.syncRead)) {
    const plain = resolvedCopy(t);
    fill(pairsView(plain));
    notifyInplace(t, op);
    backendFor(t.device, t.dtype, op).copy(refOf(plain), refOf(t));
    bumpVersion(t);
    return t;
  }
  // autograd's checks on t itself (the parts view is not tracked); the fill bumps the shared version
  notifyInplace(t, op);
  fill(pairsView(t));
  return t;
}

/** In-place uniform fill on [from, to). */
export function uniform_(t: Tensor, from = 0, to = 1, opts?: GeneratorOptions): Tensor {
  expectTensor('uniform_', 'input', 1, t);
  expectNumber('uniform_', 'from', 2, from);
  expectNumber('uniform_', 'to', 3, to);
  if (t.dtype.isComplex) return fillComplex('uniform_', t, (parts) => uniform_(parts, from, to, opts));
  floatOnly('uniform_', 'check_uniform_bounds', t);
  const gen = opts?.generator ?? defaultGenerator;
  rethrow('uniform_', () => rng.checkUniformArgs(from, to, t.dtype.name as 'float32'));
  if (isHalfDtype(t.dtype.name)) return fillInOrder('uniform_', t, (out) => uniformHalf(gen, out as Float32Array, from, to, t.dtype.name as 'float16'));
  return fillInOrder('uniform_', t, (out) => rng.uniform_(gen, out as rng.FloatArray, from, to));
}

/** In-place normal fill with `mean` and `std`. */
export function normal_(t: Tensor, mean = 0, std = 1, opts?: GeneratorOptions): Tensor {
  expectTensor('normal_', 'input', 1, t);
  expectNumber('normal_', 'mean', 2, mean);
  expectNumber('normal_', 'std', 3, std);
  if (t.dtype.isComplex) {
    rethrow('normal_', () => rng.checkNormalArgs(std));
    // each part gets half the variance (ATen: std / sqrt(2) over the real view)
    return fillComplex('normal_', t, (parts) => normal_(parts, mean, std / Math.SQRT2, opts));
  }
  floatOnly('normal_', 'normal_kernel_cpu', t);
  const gen = opts?.generator ?? defaultGenerator;
  rethrow('normal_', () => rng.checkNormalArgs(std));
  return fillInOrder('normal_', t, (out, contiguous) => rng.normal_(gen, out as rng.FloatArray, mean, std, { contiguous }));
}

/**
 * PyTorch's `uniform_real_distribution<Half/BFloat16>`: one `random()` per element, its low
 * `digits` bits (11 for float16, 8 for bfloat16) over 2^digits, times `to − from` (both cast to
 * the dtype, the difference rounded to it as c10's 16-bit arithmetic does) plus `from`, in float;
 * `out` gets the float values (the caller casts them to the dtype).
 */
function uniformHalf(gen: rng.Generator, out: Float32Array, from: number, to: number, dt: 'float16' | 'bfloat16'): void {
  const digits = dt === 'float16' ? 11 : 8;
  gen.engine.fillScaled(out, 0, out.length, (1 << digits) - 1, 2 ** -digits);
  const a = castScalar(from, dt), b = castScalar(to, dt);
  const r = castScalar(b - a, dt);
  if (a === 0 && r === 1) return;
  for (let i = 0; i < out.length; i++) out[i] = rng.fma32(out[i]!, r, a);
}

/** In-place uniform integers: `random_()`, `random_(to)`, `random_(from, to)`. */
export function random_(t: Tensor, from?: number | bigint | null, to?: number | bigint | null, opts?: GeneratorOptions): Tensor {
  expectTensor('random_', 'input', 1, t);
  if (t.dtype.isComplex) {
    // PyTorch's kernels have no complex integers: its bounds check or kernel refuses
    throw new TorchRuntimeError('random_', from === undefined || from === null ? `"random_kernel_cpu" not implemented for '${cppName(t.dtype)}'` : 'check_random_bounds handles only integral, floating-point and boolean types');
  }
  if (isHalfDtype(t.dtype.name)) {
    // the same draws as float32 (`random() % range + from`), over [0, 2^digits] by default
    // (2^11 for float16, 2^8 for bfloat16: the integers the dtype holds exactly), then cast
    const f = emptyTensor(t._shape, float32, t.device, 'random_');
    const lo = from === undefined || from === null ? 0 : from;
    const hi = from === undefined || from === null ? (t.dtype.name === 'float16' ? 2049 : 257) : to;
    random_(f, lo, hi, opts);
    notifyInplace(t, 'random_');
    backendFor(t.device, t.dtype, 'random_').copy(refOf(f), refOf(t));
    bumpVersion(t);
    return t;
  }
  const gen = opts?.generator ?? defaultGenerator;
  const dt = t.dtype.name as rng.RngDType;
  if (from === undefined || from === null) {
    return fillInOrder('random_', t, (out) => rng.random_(gen, out as rng.OutArray, dt));
  }
  const [lo, hi] = to === undefined ? [0, from] : [from, to];
  rethrow('random_', () => rng.planRandomFromTo(lo, hi, dt));
  return fillInOrder('random_', t, (out) => rng.randomFromTo_(gen, out as rng.OutArray, lo, hi, dt));
}

/** In-place Bernoulli draws with probability `p` (a number or a tensor of probabilities). */
export function bernoulli_(t: Tensor, pIn?: number | Tensor | (GeneratorOptions & { p?: number | Tensor }), opts?: GeneratorOptions): Tensor {
  expectTensor('bernoulli_', 'input', 1, t);
  // PyTorch's keywords may come as one options object in the place of `p`
  const kw = keywordArgs('bernoulli_', ['p'], [pIn, opts], ['generator']);
  const p = kw.p === undefined ? 0.5 : kw.p;
  if (!(p instanceof Tensor)) expectNumber('bernoulli_', 'p', 2, p);
  opts = kw.generator === undefined ? undefined : { generator: kw.generator as rng.Generator };
  if (t.dtype.isComplex) throw new TorchRuntimeError('bernoulli_', `"${p instanceof Tensor ? 'bernoulli_tensor_cpu_self_' : 'bernoulli_scalar_cpu_'}" not implemented for '${cppName(t.dtype)}'`);
  const gen = opts?.generator ?? defaultGenerator;
  if (p instanceof Tensor) {
    // The kernel depends on p's dtype: float64 probabilities draw 53-bit uniforms, others 24-bit.
    const probs = p.to(p.dtype === float64 ? float64 : float32).expand(t._shape);
    if (!probs._storage.backend.syncRead) return bernoulliOnDevice(t, probs, gen);
    // draws go in t's storage order, each against the probability at its own position
    const values = hostValues(probs.permute(storageOrder(t)).contiguous(), 'bernoulli_') as rng.FloatArray;
    rethrow('bernoulli_', () => rng.checkBernoulliProbs(values));
    return fillInOrder('bernoulli_', t, (out) => rng.bernoulliTensor_(gen, out as rng.OutArray, values));
  }
  rethrow('bernoulli_', () => rng.checkBernoulliP(p));
  return fillInOrder('bernoulli_', t, (out) => rng.bernoulliScalar_(gen, out as rng.OutArray, p));
}

/**
 * bernoulli_ with probabilities on an asynchronous device (WebGPU, so float32): the same
 * 24-bit uniforms the CPU kernel draws, in t's storage order, compared with p on the
 * device. p's range is not checked there (reading it back would block).
 */
function bernoulliOnDevice(t: Tensor, probs: Tensor, gen: rng.Generator): Tensor {
  checkWritable(t, 'bernoulli_');
  // a float32 tensor laid out like t, so its fill follows t's storage order
  const order = storageOrder(t);
  const dense = emptyTensor(order.map((d) => t._shape[d]!), float32, t.device, 'bernoulli_');
  const u = dense.permute(order.map((_, i) => order.indexOf(i)));
  fillInOrder('bernoulli_', u, (out) => rng.rand(gen, out as Float32Array));
  const mask = u.lt(probs);
  notifyInplace(t, 'bernoulli_');
  if (t.numel() > 0) backendFor(t.device, t.dtype, 'bernoulli_').copy(refOf(mask), refOf(t));
  bumpVersion(t);
  return t;
}

/** In-place exponential draws with rate `lambd`. */
export function exponential_(t: Tensor, lambd = 1, opts?: GeneratorOptions): Tensor {
  expectTensor('exponential_', 'input', 1, t);
  floatOnly('exponential_', 'exponential_cpu', t);
  const gen = opts?.generator ?? defaultGenerator;
  rethrow('exponential_', () => rng.checkExponentialArgs(lambd));
  return fillInOrder('exponential_', t, (out) => rng.exponential_(gen, out as rng.FloatArray, lambd));
}

/**
 * In-place Cauchy draws with location `median` and scale `sigma` (PyTorch's
 * `Tensor.cauchy_`): one 64-bit uniform per element, `median + sigma·tan(π(u − ½))`.
 * Floating dtypes only. PyTorch 1.13 accepts any sigma; 2.x requires `sigma > 0` and
 * words the dtype error differently (both follow {@link setRngCompat}).
 * @example
 * ```ts pytorch=core.cauchy_
 * torch.manualSeed(0);
 * console.log(torch.empty(3).cauchy_());
 * ```
 * ```text
 * tensor([10.5977,  0.7648, -0.1283])
 * ```
 */
export function cauchy_(t: Tensor, median = 0, sigma = 1, opts?: GeneratorOptions): Tensor {
  expectTensor('cauchy_', 'input', 1, t);
  expectNumber('cauchy_', 'median', 2, median);
  expectNumber('cauchy_', 'sigma', 3, sigma);
  if (rng.getRngCompat() === '1.13') floatOnly('cauchy_', 'cauchy_cpu', t);
  else {
    // 2.x checks sigma first, then the dtype with a message of its own (DistributionTemplates.h)
    rethrow('cauchy_', () => rng.checkCauchyArgs(sigma));
    if (!t.dtype.isFloatingPoint) {
      throw new TorchRuntimeError(
        'cauchy_',
        `Cauchy distribution is a continuous probability distribution. dtype must be a floating point but you specified ${t.dtype}`,
      );
    }
  }
  const gen = opts?.generator ?? defaultGenerator;
  rethrow('cauchy_', () => rng.checkCauchyArgs(sigma));
  return fillInOrder('cauchy_', t, (out) => rng.cauchy_(gen, out as rng.FloatArray, median, sigma));
}

/**
 * In-place log-normal draws: `exp(N(mean, std))` with PyTorch's scalar Box–Muller normal
 * (which shares the generator's cached normal with `randn`). Floating dtypes only;
 * `std > 0` (`log_normal_ expects std > 0.0, but found std=0`).
 */
export function logNormal_(t: Tensor, mean = 1, std = 2, opts?: GeneratorOptions): Tensor {
  expectTensor('log_normal_', 'input', 1, t);
  expectNumber('log_normal_', 'mean', 2, mean);
  expectNumber('log_normal_', 'std', 3, std);
  floatOnly('log_normal_', 'log_normal_cpu', t);
  const gen = opts?.generator ?? defaultGenerator;
  rethrow('log_normal_', () => rng.checkLogNormalArgs(std));
  return fillInOrder('log_normal_', t, (out) => rng.logNormal_(gen, out as rng.FloatArray, mean, std));
}

/**
 * In-place geometric draws: the number of Bernoulli(p) trials up to the first success
 * (≥ 1), `ceil(log(u) / log(1 − p))`. Any dtype but bool; `p` in (0, 1)
 * (`geometric_ expects p to be in (0, 1), but got p=1.5`).
 */
export function geometric_(t: Tensor, p: number, opts?: GeneratorOptions): Tensor {
  expectTensor('geometric_', 'input', 1, t);
  expectNumber('geometric_', 'p', 2, p);
  if (t.dtype.name === 'bool' || t.dtype.isComplex) throw new TorchRuntimeError('geometric_', `"geometric_cpu" not implemented for '${cppName(t.dtype)}'`);
  const gen = opts?.generator ?? defaultGenerator;
  rethrow('geometric_', () => rng.checkGeometricArgs(p));
  return fillInOrder('geometric_', t, (out) => rng.geometric_(gen, out as rng.OutArray, p));
}

/** The error for data-dependent samplers on devices that read back only asynchronously. */
function needsAsyncSampler(op: string, x: Tensor, alternative: string): TorchRuntimeError {
  return new TorchRuntimeError(
    op,
    `${op}: the number of random draws depends on the data, which tensors on '${x.device}' can only read asynchronously; use await torch.${alternative}`,
  );
}

function checkPoissonInput(rates: Tensor): void {
  expectTensor('poisson', 'input', 1, rates);
  floatOnly('poisson', 'poisson_cpu', rates);
}

function samplePoisson(rates: Tensor, values: rng.FloatArray, gen: rng.Generator): Tensor {
  const n = values.length;
  const host = allocHost(rates.dtype.name, n) as rng.FloatArray;
  rethrow('poisson', () => rng.poisson(gen, values, host));
  return fromHost(host, rates._shape, rates.dtype, { device: rates.device });
}

/**
 * Poisson samples with the given rates (`torch.poisson`), in the rates' dtype (floating):
 * PyTorch's CPU algorithms (products of uniforms below rate 10, transformed rejection
 * from 10 up), drawn in row-major order. Negative or NaN rates raise
 * `invalid Poisson rate, expected rate to be non-negative` (before any draw). The number
 * of draws depends on the rates, so on WebGPU use {@link poissonAsync}.
 * @example
 * ```ts pytorch=core.poisson
 * torch.manualSeed(0);
 * console.log(torch.poisson(torch.tensor([0.5, 4, 40])));
 * ```
 * ```text
 * tensor([ 2.,  5., 36.])
 * ```
 */
export function poisson(rates: Tensor, opts?: GeneratorOptions): Tensor {
  checkPoissonInput(rates);
  if (!rates._storage.backend.syncRead) throw needsAsyncSampler('poisson', rates, 'poissonAsync(rates)');
  const gen = opts?.generator ?? defaultGenerator;
  return samplePoisson(rates, hostValues(rates, 'poisson') as rng.FloatArray, gen);
}

/** {@link poisson} on any device: awaits the rates, then draws (at that time) on the host. */
export async function poissonAsync(rates: Tensor, opts?: GeneratorOptions): Promise<Tensor> {
  checkPoissonInput(rates);
  const gen = opts?.generator ?? defaultGenerator;
  return samplePoisson(rates, (await readValues(rates)) as rng.FloatArray, gen);
}

function checkBinomialInputs(count: Tensor, prob: Tensor): number[] {
  expectTensor('binomial', 'count', 1, count);
  expectTensor('binomial', 'prob', 2, prob);
  if (prob.dtype !== count.dtype) {
    throw new TorchRuntimeError('binomial', `Found dtype ${cppName(prob.dtype)} but expected ${cppName(count.dtype)}`);
  }
  floatOnly('binomial', 'binomial_cpu', count);
  return broadcastShapes(count._shape, prob._shape, 'binomial');
}

function sampleBinomial(count: Tensor, shape: number[], c: rng.FloatArray, p: rng.FloatArray, gen: rng.Generator): Tensor {
  const host = allocHost(count.dtype.name, c.length) as rng.FloatArray;
  rethrow('binomial', () => rng.binomial(gen, c, p, host));
  return fromHost(host, shape, count.dtype, { device: count.device });
}

/**
 * Binomial samples: the number of successes in `count` trials with probability `prob`
 * (`torch.binomial`), both floating tensors of the same dtype; the result has their
 * broadcast shape and that dtype. PyTorch's CPU algorithms (inversion for count·p < 10,
 * BTRS rejection otherwise), drawn in row-major order. The number of draws depends on
 * the data, so on WebGPU use {@link binomialAsync}.
 */
export function binomial(count: Tensor, prob: Tensor, opts?: GeneratorOptions): Tensor {
  const shape = checkBinomialInputs(count, prob);
  if (!count._storage.backend.syncRead || !prob._storage.backend.syncRead) {
    throw needsAsyncSampler('binomial', count._storage.backend.syncRead ? prob : count, 'binomialAsync(count, prob)');
  }
  const gen = opts?.generator ?? defaultGenerator;
  const c = hostValues(count.expand(shape), 'binomial') as rng.FloatArray;
  const p = hostValues(prob.expand(shape), 'binomial') as rng.FloatArray;
  return sampleBinomial(count, shape, c, p, gen);
}

/** {@link binomial} on any device: awaits count and prob, then draws (at that time) on the host. */
export async function binomialAsync(count: Tensor, prob: Tensor, opts?: GeneratorOptions): Promise<Tensor> {
  const shape = checkBinomialInputs(count, prob);
  const gen = opts?.generator ?? defaultGenerator;
  const [c, p] = await Promise.all([readValues(count.expand(shape)), readValues(prob.expand(shape))]);
  return sampleBinomial(count, shape, c as rng.FloatArray, p as rng.FloatArray, gen);
}

/** Shape arguments then optional random options: `(2, 3, opts?)` or `([2, 3], opts?)`. */
export type SizeAndRandomOptions<N extends DTypeName = DTypeName> = (number | readonly number[] | RandomOptions<N> | undefined)[];

function randomOptions(args: SizeAndRandomOptions, op: string): { shape: number[]; opts: RandomOptions | undefined } {
  return parseSizeArgs(args as SizeAndOptions, op) as { shape: number[]; opts: RandomOptions | undefined };
}

function created(op: string, shape: readonly number[], opts: RandomOptions | undefined, dflt: DType, fill: (t: Tensor) => void): Tensor {
  const o = resolveOptions(opts, dflt);
  const t = emptyTensor(shape, o.dtype, o.device, op);
  fill(t);
  t._storage.version = 0; // a fresh tensor, as PyTorch's factories return it
  return finishCreation(t, o.requiresGrad);
}

/**
 * Uniform samples on [0, 1): `rand(2, 3)`, `rand([2, 3], { dtype, generator })`.
 * @example
 * ```ts pytorch=core.rand
 * torch.manualSeed(0);
 * console.log(torch.rand(2, 3));
 * ```
 * ```text
 * tensor([[0.4963, 0.7682, 0.0885],
 *         [0.1320, 0.3074, 0.6341]])
 * ```
 */
export function rand<N extends DTypeName = DTypeName>(...args: SizeAndRandomOptions<N>): Tensor<N> {
  const { shape, opts } = randomOptions(args, 'rand');
  return <Tensor<N>>created('rand', shape, opts, getDefaultDtype(), (t) => uniform_(t, 0, 1, opts));
}

/**
 * Standard normal samples: `randn(1, 5)`, `randn([3, 2], { requiresGrad: true })`.
 * @example
 * ```ts pytorch=core.randn
 * torch.manualSeed(0);
 * console.log(torch.randn(2, 3));
 * ```
 * ```text
 * tensor([[ 1.5410, -0.2934, -2.1788],
 *         [ 0.5684, -1.0845, -1.3986]])
 * ```
 */
export function randn<N extends DTypeName = DTypeName>(...args: SizeAndRandomOptions<N>): Tensor<N> {
  const { shape, opts } = randomOptions(args, 'randn');
  return <Tensor<N>>created('randn', shape, opts, getDefaultDtype(), (t) => normal_(t, 0, 1, opts));
}

/**
 * Uniform integers in [low, high): `randint(high, size)` or `randint(low, high, size)`;
 * int64 unless `dtype` says otherwise.
 * @example
 * ```ts pytorch=core.randint
 * torch.manualSeed(0);
 * console.log(torch.randint(10, [5])); // in [0, 10)
 * console.log(torch.randint(-3, 3, [2, 3]));
 * ```
 * ```text
 * tensor([4, 9, 3, 0, 3])
 * tensor([[ 0, -2, -2],
 *         [-2,  0,  2]])
 * ```
 */
export function randint<N extends DTypeName = DTypeName>(high: number, size: readonly number[], opts?: RandomOptions<N>): Tensor<N>;
export function randint<N extends DTypeName = DTypeName>(low: number, high: number, size: readonly number[], opts?: RandomOptions<N>): Tensor<N>;
export function randint(a: number, b: number | readonly number[], c?: readonly number[] | RandomOptions, d?: RandomOptions): Tensor {
  const [low, high, size, opts] = Array.isArray(b) ? [0, a, b as readonly number[], c as RandomOptions | undefined] : [a, b as number, c as readonly number[], d];
  if (!Array.isArray(size)) throw new TorchTypeError('randint', `randint(): argument 'size' must be a sequence of ints, got ${String(size)}`);
  const { shape } = parseSizeArgs([size], 'randint');
  return created('randint', shape, opts, int64, (t) => random_(t, low, high, opts));
}

/**
 * A random permutation of 0..n−1 (int64 unless `dtype`).
 * @example
 * ```ts pytorch=core.randperm
 * torch.manualSeed(0);
 * console.log(torch.randperm(6));
 * ```
 * ```text
 * tensor([2, 5, 3, 0, 1, 4])
 * ```
 */
export function randperm<N extends DTypeName = DTypeName>(n: number, opts?: RandomOptions<N>): Tensor<N>;
export function randperm(n: number, opts?: RandomOptions): Tensor {
  expectInt('randperm', 'n', 1, n);
  const o = resolveOptions(opts, int64);
  if (o.dtype.isComplex) throw new TorchRuntimeError('randperm', `"randperm" not implemented for '${cppName(o.dtype)}'`);
  rethrow('randperm', () => rng.checkRandpermArgs(n, o.dtype.name as rng.RngDType));
  const t = emptyTensor([n], o.dtype, o.device, 'randperm');
  const gen = opts?.generator ?? defaultGenerator;
  fillInOrder('randperm', t, (out) => rng.randperm(gen, out as rng.OutArray, o.dtype.name as rng.RngDType));
  return finishCreation(t, o.requiresGrad);
}

function likeOpts(x: Tensor, opts?: RandomOptions): RandomOptions {
  return { dtype: x.dtype, device: x.device, ...opts };
}

/** Uniform samples shaped like `x`. */
export function randLike<D extends DTypeName, N extends DTypeName = D>(x: Tensor<D>, opts?: RandomOptions<N>): Tensor<N>;
export function randLike(x: Tensor, opts?: RandomOptions): Tensor {
  expectTensor('rand_like', 'input', 1, x);
  return rand([...x._shape], likeOpts(x, opts));
}

/**
 * Standard normal samples shaped like `x`.
 * @example
 * ```ts pytorch=core.randnLike
 * torch.manualSeed(0);
 * console.log(torch.randnLike(torch.zeros(2, 2)));
 * ```
 * ```text
 * tensor([[ 1.5410, -0.2934],
 *         [-2.1788,  0.5684]])
 * ```
 */
export function randnLike<D extends DTypeName, N extends DTypeName = D>(x: Tensor<D>, opts?: RandomOptions<N>): Tensor<N>;
export function randnLike(x: Tensor, opts?: RandomOptions): Tensor {
  expectTensor('randn_like', 'input', 1, x);
  return randn([...x._shape], likeOpts(x, opts));
}

/** Uniform integers shaped like `x`: `randintLike(x, high)` or `randintLike(x, low, high)`. */
export function randintLike(x: Tensor, lowOrHigh: number, high?: number | RandomOptions, opts?: RandomOptions): Tensor {
  expectTensor('randint_like', 'input', 1, x);
  const [lo, hi, o] = typeof high === 'number' ? [lowOrHigh, high, opts] : [0, lowOrHigh, high];
  return randint(lo, hi, [...x._shape], likeOpts(x, o));
}

/**
 * `torch.normal` overloads: `normal(mean, std, size)` with numbers, or with a tensor
 * mean and/or std (shape = their broadcast; drawn as N(0, 1), then scaled and shifted,
 * as PyTorch does).
 */
export function normal(mean: number, std: number, size: readonly number[], opts?: RandomOptions): Tensor;
export function normal(mean: Tensor | number, std?: Tensor | number, opts?: RandomOptions): Tensor;
export function normal(mean: Tensor | number, std: Tensor | number = 1, c?: readonly number[] | RandomOptions, d?: RandomOptions): Tensor {
  if (!(mean instanceof Tensor)) expectNumber('normal', 'mean', 1, mean);
  if (!(std instanceof Tensor)) expectNumber('normal', 'std', 2, std);
  if (typeof mean === 'number' && typeof std === 'number') {
    if (!Array.isArray(c)) throw new TorchTypeError('normal', 'normal(): with number mean and std, a size is required');
    const { shape } = parseSizeArgs([c as readonly number[]], 'normal');
    return created('normal', shape, d, getDefaultDtype(), (t) => normal_(t, mean, std, d));
  }
  const opts = c as RandomOptions | undefined;
  if (std instanceof Tensor) {
    // Asynchronous devices (WebGPU) are not checked: reading std back would block.
    if (std._storage.backend.syncRead && std.lt(0).any().item()) throw new TorchRuntimeError('normal', 'normal expects all elements of std >= 0.0');
  } else rethrow('normal', () => rng.checkNormalArgs(std));
  const tensors = [mean, std].filter((v): v is Tensor => v instanceof Tensor);
  const shape = tensors.reduce<readonly number[]>((s, v) => broadcastShapes(s, v._shape, 'normal'), []);
  const complexOperand = tensors.find((v) => v.dtype.isComplex);
  const dtype = complexOperand?.dtype ?? tensors.map((v) => v.dtype).reduce((a, b) => (a === float64 || b === float64 ? float64 : a.isFloatingPoint ? a : b));
  if (!dtype.isFloatingPoint && !dtype.isComplex) throw new TorchRuntimeError('normal', `"normal_kernel_cpu" not implemented for '${cppName(dtype)}'`);
  const out = emptyTensor(shape, dtype, tensors[0]!.device, 'normal');
  // PyTorch's normal_out_impl: a number std scales the draws themselves (normal_(0, std), one
  // rounding; for complex dtypes std/√2 per part), a tensor std multiplies N(0, 1) draws after
  if (std instanceof Tensor) normal_(out, 0, 1, opts).mul_(std);
  else normal_(out, 0, std, opts);
  return out.add_(mean);
}

/** Bernoulli samples with the probabilities in `input` (or a scalar `p`), in input's dtype. */
export function bernoulli(input: Tensor, p?: number | GeneratorOptions, opts?: GeneratorOptions): Tensor {
  expectTensor('bernoulli', 'input', 1, input);
  const [prob, o] = typeof p === 'number' ? [p, opts] : [input, p];
  const out = emptyTensor(input._shape, input.dtype, input.device, 'bernoulli');
  return bernoulli_(out, prob, o);
}

/**
 * Options of `multinomial`: PyTorch's keyword arguments, given as the trailing options object
 * (`torch.multinomial(p, 4, { replacement: true })`).
 */
export interface MultinomialOptions extends GeneratorOptions {
  /** Draw with replacement (default `false`). */
  replacement?: boolean;
}

/**
 * Samples `numSamples` category indices per row of `probs` (1-D or 2-D, non-negative
 * weights), with or without replacement. Returns int64.
 */
export function multinomial(probs: Tensor, numSamples: number, replacementIn?: boolean | MultinomialOptions, opts?: GeneratorOptions): Tensor {
  expectTensor('multinomial', 'input', 1, probs);
  expectInt('multinomial', 'num_samples', 2, numSamples);
  const kw = keywordArgs('multinomial', ['replacement'], [replacementIn, opts], ['generator']);
  const replacement = boolArg('multinomial', 'replacement', 3, kw.replacement, false);
  const gen = (kw.generator as GeneratorOptions['generator']) ?? defaultGenerator;
  const dim = probs._shape.length;
  const k = dim === 0 ? 0 : probs._shape[dim - 1]!;
  const rows = dim === 2 ? probs._shape[0]! : 1;
  const values = probs.dtype.isFloatingPoint ? (hostValues(probs, 'multinomial') as rng.FloatArray) : new Float64Array(hostValues(probs, 'multinomial'));
  const mopts: rng.MultinomialOptions = { dim, numCategories: k, dtypeName: probs.dtype.name };
  rethrow('multinomial', () => rng.checkMultinomialArgs(values, numSamples, replacement, mopts));
  const outShape = dim === 2 ? [rows, numSamples] : [numSamples];
  const host = new Float64Array(numelOf(outShape));
  rethrow('multinomial', () => rng.multinomial(gen, values, numSamples, replacement, host, mopts));
  return fromHost(host, outShape, int64, { device: probs.device });
}

/** Dropout's kept-element mask scaled by 1/(1−p), drawn as PyTorch's CPU dropout does. */
export function dropoutMask(like: Tensor, p: number, opts?: GeneratorOptions): Tensor {
  expectTensor('dropout_mask', 'input', 1, like);
  const gen = opts?.generator ?? defaultGenerator;
  if (!like.dtype.isFloatingPoint) throw new TorchRuntimeError('dropout', `dropout: expected a floating-point input, got ${like.dtype}`);
  rethrow('dropout', () => rng.checkDropoutP(p));
  const out = emptyTensor(like._shape, like.dtype, like.device, 'dropout');
  return fillInOrder('dropout', out, (host) => rng.dropoutMask_(gen, host as rng.FloatArray, p));
}

/** Sets which PyTorch version's random streams to reproduce where 1.13 and 2.x differ (default `'2'`). */
export function setRngCompat(version: '1.13' | '2'): void {
  rng.setRngCompat(version);
}

/** The PyTorch version whose random streams are reproduced. */
export function getRngCompat(): '1.13' | '2' {
  return rng.getRngCompat();
}

