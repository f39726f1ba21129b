/**
 * Numerical gradient checks (PyTorch's `torch.autograd.gradcheck` and
 * `gradgradcheck`): Jacobians by central finite differences compared with the
 * ones backward computes, one output element at a time, or (`fastMode`) only
 * their products vᵀJu with random vectors. Use float64 inputs.
 */
import { Generator, Tensor, TorchRuntimeError, float64, fromHost, complex, rand, viewAsReal, zeros } from '@antorcha/core';
import { grad } from './backward.js';
import { noGrad } from './grad-mode.js';

/** Options of {@link gradcheck} and {@link gradgradcheck}. */
export interface GradcheckOptions {
  /** Finite-difference step. Default 1e-6. */
  eps?: number;
  /** Absolute tolerance. Default 1e-5. */
  atol?: number;
  /** Relative tolerance. Default 1e-3. */
  rtol?: number;
  /** Throw on a mismatch (default) rather than return false. */
  raiseException?: boolean;
  /**
   * PyTorch's `fast_mode`: instead of whole Jacobians, compare one number per
   * (input, output) pair, vᵀJu, for random unit vectors u (per input) and v
   * (per output) drawn from a fresh generator with PyTorch's default seed.
   * vᵀJ comes from one backward pass (grad_output v), Ju from one central
   * difference along u.
   * Complex outputs are checked through their imaginary then their real part,
   * as PyTorch does. Default false.
   */
  fastMode?: boolean;
}

type Fn = (...inputs: any[]) => Tensor | Iterable<Tensor>;

function outputsOf(r: Tensor | Iterable<Tensor>): Tensor[] {
  const list = r instanceof Tensor ? [r] : [...r];
  return list.filter((t) => t instanceof Tensor && (t.dtype.isFloatingPoint || t.dtype.isComplex));
}

/** The complex grad_output with `o`'s dtype whose real view is `pairs` ([..., 2] float64). */
function complexOf(pairs: Tensor, o: Tensor): Tensor {
  return complex(pairs.select(-1, 0), pairs.select(-1, 1)).to(o.dtype);
}

/** Real components per element: 2 for complex (real, imaginary), else 1. */
function parts(t: Tensor): number {
  return t.dtype.isComplex ? 2 : 1;
}

/** Storage index of every element of `t`, row-major. */
function storageIndices(t: Tensor): number[] {
  const out: number[] = [];
  const shape = t._shape;
  const n = t.numel();
  const idx = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let p = t._offset;
    for (let d = 0; d < shape.length; d++) p += idx[d]! * t._strides[d]!;
    out.push(p);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Each output's values as reals (complex elements interleaved as real, imaginary). */
function flatValues(ts: Tensor[]): Float64Array[] {
  return ts.map((t) => (t.dtype.isComplex ? Float64Array.from(viewAsReal(t.resolveConj().resolveNeg()).dataSync() as ArrayLike<number>) : Float64Array.from(t.dataSync() as ArrayLike<number>)));
}

function jacobianRepr(rows: number, cols: number, data: Float64Array): string {
  return fromHost(data, [rows, cols], float64).toString();
}

/**
 * Checks the gradients of `fn` at `inputs` against finite differences, for
 * every input that requires grad. Returns true, or throws (PyTorch's
 * `Jacobian mismatch for output i with respect to input j`).
 * @example
 * ```ts
 * torch.manualSeed(0);
 * const x = torch.randn([3], { dtype: 'float64', requiresGrad: true });
 * console.log(torch.autograd.gradcheck((t) => t.sigmoid(), [x]));
 * ```
 * ```text
 * true
 * ```
 * @example
 * Fast mode compares one number per input and output pair instead of whole
 * Jacobians (PyTorch's `fast_mode=True`), here for a complex input:
 * ```ts
 * torch.manualSeed(0);
 * const z = torch.randn([50, 50], { dtype: 'complex128', requiresGrad: true });
 * console.log(torch.autograd.gradcheck((t) => t.mul(t).sum(1), [z], { fastMode: true }));
 * ```
 * ```text
 * true
 * ```
 */
export function gradcheck(fn: Fn, inputs: Tensor | readonly unknown[], opts: GradcheckOptions = {}): boolean {
  const eps = opts.eps ?? 1e-6;
  const atol = opts.atol ?? 1e-5;
  const rtol = opts.rtol ?? 1e-3;
  const args = inputs instanceof Tensor ? [inputs] : [...inputs];
  const diff = args.map((a, i) => [a, i] as const).filter(([a]) => a instanceof Tensor && a._requiresGrad) as [Tensor, number][];
  diff.forEach(([t, i]) => {
    if (t._shape.some((s, d) => s > 1 && t._strides[d] === 0)) {
      throw new TorchRuntimeError(
        'gradcheck',
        `The ${i}th input has a dimension with stride 0. gradcheck only supports inputs that are non-overlapping to be able to compute the numerical gradients correctly. You should call .contiguous on the input before passing it to gradcheck.`,
      );
    }
  });
  if (opts.fastMode) return fastGradcheck(fn, args, diff, eps, atol, rtol, opts.raiseException !== false);
  const outs = outputsOf(fn(...args));

  // Real Jacobians (complex elements as real, imaginary pairs): numeric[j][o] is
  // [reals of input j × reals of output o]. Perturbations go to the stored
  // elements, so a stored element's sign under the conj/neg bits maps it back.
  const outReals = outs.map((o) => o.numel() * parts(o));
  const numeric = diff.map(([t]) => outs.map((_, o) => new Float64Array(t.numel() * parts(t) * outReals[o]!)));
  diff.forEach(([t], j) => {
    const backend = t._storage.backend;
    if (!backend.readSync) throw new TorchRuntimeError('gradcheck', 'gradcheck needs inputs on a synchronous (CPU) device');
    const data = backend.readSync(t._storage.buffer);
    const c = parts(t);
    // Sign of each read component relative to the stored one: neg negates both, conj the imaginary part.
    const sign = [t._neg ? -1 : 1, (t._neg ? -1 : 1) * (t._conj ? -1 : 1)];
    storageIndices(t).forEach((p, k) => {
      for (let r = 0; r < c; r++) {
        const q = p * c + r;
        const orig = data[q]!;
        const step = eps * sign[r]!;
        data[q] = orig + step;
        const plus = flatValues(outputsOf(fn(...args)));
        data[q] = orig - step;
        const minus = flatValues(outputsOf(fn(...args)));
        data[q] = orig;
        plus.forEach((pv, o) => {
          const col = numeric[j]![o]!;
          const m = outReals[o]!;
          for (let e = 0; e < m; e++) col[(k * c + r) * m + e] = (pv[e]! - minus[o]![e]!) / (2 * eps);
        });
      }
    });
  });

  // Analytical Jacobians, one output real at a time: grad_output 1 (real part) and
  // 1j (imaginary part) as PyTorch; the gradient g = dL/dx + i·dL/dy gives both input columns.
  const analytic = diff.map(([t]) => outs.map((_, o) => new Float64Array(t.numel() * parts(t) * outReals[o]!)));
  const diffTensors = diff.map(([t]) => t);
  outs.forEach((o, oi) => {
    if (!o._requiresGrad) return;
    const m = outReals[oi]!;
    const co = parts(o);
    for (let e = 0; e < m; e++) {
      const unit = new Float64Array(m);
      unit[e] = 1;
      const go = co === 2 ? fromHost(unit, [...o._shape, 2], float64, { device: o.device }) : fromHost(unit, [...o._shape], float64, { device: o.device });
      const gradOut = co === 2 ? complexOf(go, o) : go.to(o.dtype);
      const gs = grad([o], diffTensors, { gradOutputs: [gradOut], retainGraph: true, allowUnused: true });
      gs.forEach((g, j) => {
        if (g === null) return;
        const v = flatValues([g])[0]!;
        const jac = analytic[j]![oi]!;
        for (let k = 0; k < v.length; k++) jac[k * m + e] = v[k]!;
      });
    }
  });

  for (let j = 0; j < diff.length; j++) {
    for (let oi = 0; oi < outs.length; oi++) {
      const n = numeric[j]![oi]!;
      const a = analytic[j]![oi]!;
      for (let k = 0; k < n.length; k++) {
        if (!(Math.abs(a[k]! - n[k]!) <= atol + rtol * Math.abs(n[k]!))) {
          if (opts.raiseException === false) return false;
          const rows = diff[j]![0].numel() * parts(diff[j]![0]);
          throw new TorchRuntimeError(
            'gradcheck',
            `Jacobian mismatch for output ${oi} with respect to input ${j},\nnumerical:${jacobianRepr(rows, outReals[oi]!, n)}\nanalytical:${jacobianRepr(rows, outReals[oi]!, a)}\n`,
          );
        }
      }
    }
  }
  return true;
}

/** PyTorch's hint appended when fast mode fails but the slow-mode Jacobians agree. */
const FAST_FAIL_SLOW_OK_MSG = `Fast gradcheck failed but element-wise differences are small. This means that the
test might've passed in slow_mode!

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck:

If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with \`fast_mode=False\` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have \`gradcheck_fast_mode=False\`
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have \`gradcheck_fast_mode=False\``;

/** Which part of complex outputs a fast-mode pass checks (real outputs are always checked whole). */
type Part = 'real' | 'imag' | null;

/** A complex number as (re, im); real quantities have im = 0. */
interface Scalar {
  re: number;
  im: number;
}

/** `torch.rand(n, generator=g)` (float32) as float64, divided by its norm (PyTorch's `_vec_from_tensor`). */
function unitVector(n: number, g: Generator): Float64Array {
  const r = Float64Array.from(rand([n], { generator: g, dtype: 'float32' }).dataSync() as ArrayLike<number>);
  let sq = 0;
  for (let i = 0; i < n; i++) sq += r[i]! * r[i]!;
  const norm = Math.sqrt(sq);
  for (let i = 0; i < n; i++) r[i] = r[i]! / norm;
  return r;
}

/** Python's `repr` of a float (shortest round-trip digits, `1e-05` style below 1e-4 and from 1e16). */
function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) {
    const [m, e] = x.toExponential().split('e');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = String(x);
  return Number.isInteger(x) ? `${s}.0` : s;
}

function scalarRepr(x: Scalar, isComplex: boolean): string {
  const re = fromHost(Float64Array.of(x.re), [], float64);
  return (isComplex ? complex(re, fromHost(Float64Array.of(x.im), [], float64)) : re).toString();
}

function matrixRepr(rows: number, cols: number, re: Float64Array, im: Float64Array | null): string {
  const r = fromHost(re, [rows, cols], float64);
  return (im ? complex(r, fromHost(im, [rows, cols], float64)) : r).toString();
}

/**
 * `|x + iy|` as PyTorch's vectorized CPU complex `abs` computes it, `√(x² + y²)`
 * (which can differ from a correctly rounded hypot in the last place).
 */
function cabs(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

/** `torch.allclose` for one (possibly complex) pair: |a − n| ≤ atol + rtol·|n|. */
function close(a: Scalar, n: Scalar, rtol: number, atol: number): boolean {
  return cabs(a.re - n.re, a.im - n.im) <= atol + rtol * cabs(n.re, n.im);
}

/**
 * Fast mode (PyTorch's `_fast_gradcheck` under `_gradcheck_real_imag`): with
 * complex outputs, an imaginary-part pass then a real-part pass; otherwise one pass.
 */
function fastGradcheck(fn: Fn, args: unknown[], diff: [Tensor, number][], eps: number, atol: number, rtol: number, raise: boolean): boolean {
  const all = outputsOf(fn(...args));
  const outs = all.filter((o) => o._requiresGrad);
  if (outs.length === 0 || diff.length === 0) return true;
  const complexOut = outs.map((o) => o.dtype.isComplex);
  const parts: Part[] = complexOut.some((c) => c) ? ['imag', 'real'] : [null];
  for (const part of parts) {
    if (!fastPass(fn, args, diff, outs, complexOut, part, eps, atol, rtol, raise)) return false;
  }
  return true;
}

/** Differentiable outputs of `fn(...args)` as reals, complex ones reduced to `part`. */
function partValues(fn: Fn, args: unknown[], part: Part): Float64Array[] {
  const outs = outputsOf(fn(...args)).filter((o) => o._requiresGrad);
  return flatValues(outs).map((v, i) => {
    if (!outs[i]!.dtype.isComplex) return v;
    const off = part === 'imag' ? 1 : 0;
    const r = new Float64Array(v.length / 2);
    for (let k = 0; k < r.length; k++) r[k] = v[2 * k + off]!;
    return r;
  });
}

/**
 * Runs `body` with input `t`'s stored elements moved by `delta` (logical
 * order) in component `comp` (0 real, 1 imaginary), then restores them.
 */
function perturbed<T>(t: Tensor, comp: number, delta: (k: number) => number, body: () => T): T {
  const backend = t._storage.backend;
  if (!backend.readSync) throw new TorchRuntimeError('gradcheck', 'gradcheck needs inputs on a synchronous (CPU) device');
  const data = backend.readSync(t._storage.buffer);
  const c = parts(t);
  const sign = comp === 0 ? (t._neg ? -1 : 1) : (t._neg ? -1 : 1) * (t._conj ? -1 : 1);
  const idx = storageIndices(t).map((p) => p * c + comp);
  const orig = idx.map((q) => data[q]!);
  try {
    idx.forEach((q, k) => {
      data[q] = orig[k]! + sign * delta(k);
    });
    return body();
  } finally {
    idx.forEach((q, k) => {
      data[q] = orig[k]!;
    });
  }
}

/** Central difference of every differentiable output along `delta` (scaled by 1/eps). */
function directional(fn: Fn, args: unknown[], t: Tensor, comp: number, delta: (k: number) => number, eps: number, part: Part): Float64Array[] {
  const minus = perturbed(t, comp, (k) => -delta(k), () => partValues(fn, args, part));
  const plus = perturbed(t, comp, delta, () => partValues(fn, args, part));
  return plus.map((p, o) => p.map((x, e) => (x - minus[o]![e]!) / (2 * eps)));
}

/** Gradients of output `o` for grad_output `v` (real; 1j·v for the imaginary part of a complex output). */
function vjp(o: Tensor, inputs: Tensor[], v: Float64Array, part: Part): (Float64Array | null)[] {
  const base = fromHost(v, [...o._shape], float64, { device: o.device });
  let gradOut: Tensor;
  if (o.dtype.isComplex) {
    const zero = zeros([...o._shape], { dtype: float64, device: o.device });
    gradOut = (part === 'imag' ? complex(zero, base) : complex(base, zero)).to(o.dtype);
  } else {
    gradOut = base.to(o.dtype);
  }
  const gs = grad([o], inputs, { gradOutputs: [gradOut], retainGraph: true, allowUnused: true });
  return gs.map((g) => (g === null ? null : flatValues([g])[0]!));
}

/** One fast-mode pass: numerical vᵀ(Ju) against analytical (vᵀJ)u for every input and output. */
function fastPass(fn: Fn, args: unknown[], diff: [Tensor, number][], outs: Tensor[], complexOut: boolean[], part: Part, eps: number, atol: number, rtol: number, raise: boolean): boolean {
  // PyTorch's _make_vectors: a fresh generator; u (and a second u for the
  // imaginary part of complex inputs) per input, then v per output.
  const gen = new Generator();
  const us = diff.map(([t]) => (t.dtype.isComplex ? [unitVector(t.numel(), gen), unitVector(t.numel(), gen)] : [unitVector(t.numel(), gen)]));
  const vs = outs.map((o) => unitVector(o.numel(), gen));
  const inputs = diff.map(([t]) => t);
  const dot = (a: Float64Array, b: Float64Array, stride = 1, off = 0): number => {
    let s = 0;
    for (let k = 0; k < b.length; k++) s += a[k * stride + off]! * b[k]!;
    return s;
  };
  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);

  // Numerical: Ju by a central difference along eps·u (and along i·eps·u' for complex inputs), then v·Ju.
  const numerical: Scalar[][] = diff.map(([t], i) => {
    const ur = us[i]![0]!;
    const dx = directional(fn, args, t, 0, (k) => eps * ur[k]!, eps, part);
    const dy = t.dtype.isComplex ? directional(fn, args, t, 1, (k) => eps * us[i]![1]![k]!, eps, part) : null;
    return outs.map((_, j) => ({ re: dot(dx[j]!, vs[j]!), im: dy ? dot(dy[j]!, vs[j]!) : 0 }));
  });
  // Analytical: one backward per output with grad_output v, then (vᵀJ)·u.
  const analytical: Scalar[][] = diff.map(() => []);
  outs.forEach((o, j) => {
    vjp(o, inputs, vs[j]!, part).forEach((g, i) => {
      const t = inputs[i]!;
      if (g === null) {
        analytical[i]![j] = { re: 0, im: 0 };
      } else if (t.dtype.isComplex) {
        analytical[i]![j] = { re: dot(g, us[i]![0]!, 2, 0), im: dot(g, us[i]![1]!, 2, 1) };
      } else {
        analytical[i]![j] = { re: dot(g, us[i]![0]!), im: 0 };
      }
    });
  });

  for (let i = 0; i < diff.length; i++) {
    for (let j = 0; j < outs.length; j++) {
      const a = analytical[i]![j]!;
      const n = numerical[i]![j]!;
      const adjusted = atol * sum(us[i]![0]!) * sum(vs[j]!);
      if (close(a, n, rtol, adjusted)) continue;
      if (!raise) return false;
      const isC = diff[i]![0].dtype.isComplex;
      const prefix = complexOut[j] ? `While considering the ${part === 'imag' ? 'imaginary' : 'real'} part of complex outputs only, ` : '';
      throw new TorchRuntimeError(
        'gradcheck',
        `${prefix}Jacobian mismatch for output ${j} with respect to input ${i},\nnumerical:${scalarRepr(n, isC)}\nanalytical:${scalarRepr(a, isC)}\n` +
          slowModeReport(fn, args, inputs, outs, i, j, part, rtol, atol),
      );
    }
  }
  return true;
}

/**
 * PyTorch's `_run_slow_mode_and_get_error`: the full Jacobians of output `j`
 * (reduced to `part`) with respect to input `i`, numerical with eps 1e-3 as
 * PyTorch uses there; complex inputs give complex Jacobians (∂/∂x + i·∂/∂y).
 */
function slowModeReport(fn: Fn, args: unknown[], inputs: Tensor[], outs: Tensor[], i: number, j: number, part: Part, rtol: number, atol: number): string {
  const t = inputs[i]!;
  const rows = t.numel();
  const cols = partValues(fn, args, part)[j]!.length;
  const isC = t.dtype.isComplex;
  const numRe = new Float64Array(rows * cols);
  const numIm = isC ? new Float64Array(rows * cols) : null;
  const eps = 1e-3;
  for (let k = 0; k < rows; k++) {
    for (let comp = 0; comp < (isC ? 2 : 1); comp++) {
      const d = directional(fn, args, t, comp, (q) => (q === k ? eps : 0), eps, part)[j]!;
      const dest = comp === 0 ? numRe : numIm!;
      for (let e = 0; e < cols; e++) dest[k * cols + e] = d[e]!;
    }
  }
  const anaRe = new Float64Array(rows * cols);
  const anaIm = isC ? new Float64Array(rows * cols) : null;
  for (let e = 0; e < cols; e++) {
    const unit = new Float64Array(cols);
    unit[e] = 1;
    const g = vjp(outs[j]!, inputs, unit, part)[i];
    if (!g) continue;
    for (let k = 0; k < rows; k++) {
      anaRe[k * cols + e] = isC ? g[2 * k]! : g[k]!;
      if (anaIm) anaIm[k * cols + e] = g[2 * k + 1]!;
    }
  }
  let maxDiff = 0;
  let allclose = true;
  for (let q = 0; q < rows * cols; q++) {
    const a = { re: anaRe[q]!, im: anaIm ? anaIm[q]! : 0 };
    const n = { re: numRe[q]!, im: numIm ? numIm[q]! : 0 };
    maxDiff = Math.max(maxDiff, cabs(a.re - n.re, a.im - n.im));
    if (!close(a, n, rtol, atol)) allclose = false;
  }
  let msg =
    '\nThe above quantities relating the numerical and analytical jacobians are computed \n' +
    'in fast mode. See: https://github.com/pytorch/pytorch/issues/53876 for more background \n' +
    'about fast mode. Below, we recompute numerical and analytical jacobians in slow mode:\n\n' +
    `Numerical:\n ${matrixRepr(rows, cols, numRe, numIm)}\n` +
    `Analytical:\n${matrixRepr(rows, cols, anaRe, anaIm)}\n\n` +
    `The max per-element difference (slow mode) is: ${pyFloat(maxDiff)}.\n`;
  if (allclose) msg += FAST_FAIL_SLOW_OK_MSG;
  return msg;
}

/** A small deterministic generator for the random output gradients of {@link gradgradcheck}. */
function uniforms(n: number, seed: number): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 * 2 - 1;
  }
  return out;
}

/**
 * Checks second derivatives: gradcheck of the map (inputs, gradOutputs) →
 * gradients of `fn` (computed with `createGraph`). `gradOutputs` default to
 * fixed pseudo-random tensors.
 */
export function gradgradcheck(fn: Fn, inputs: Tensor | readonly unknown[], gradOutputs?: readonly Tensor[] | null, opts: GradcheckOptions = {}): boolean {
  const args = inputs instanceof Tensor ? [inputs] : [...inputs];
  const nArgs = args.length;
  const outs = outputsOf(fn(...args)).filter((o) => o._requiresGrad);
  const gos =
    gradOutputs ??
    outs.map((o, i) => fromHost(uniforms(o.numel(), 1234 + i), [...o._shape], float64, { device: o.device }).to(o.dtype).requiresGrad_(true));
  const first = (...all: unknown[]): Tensor[] => {
    const ins = all.slice(0, nArgs);
    const gs = all.slice(nArgs) as Tensor[];
    const diff = ins.filter((a): a is Tensor => a instanceof Tensor && a._requiresGrad);
    const os = outputsOf(fn(...ins)).filter((o) => o._requiresGrad);
    if (os.length === 0) return diff.map((t) => zeros([...t._shape], { dtype: t.dtype }));
    const r = grad(os, diff, { gradOutputs: gs, createGraph: true, allowUnused: true });
    return r.map((g, i) => g ?? zeros([...diff[i]!._shape], { dtype: diff[i]!.dtype }));
  };
  return gradcheck(first, [...args, ...gos], opts);
}
