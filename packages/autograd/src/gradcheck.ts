/**
 * Numerical gradient checks (PyTorch's `torch.autograd.gradcheck` and
 * `gradgradcheck`): Jacobians by central finite differences compared with the
 * ones backward computes, one output element at a time. Use float64 inputs.
 */
import { Tensor, TorchRuntimeError, float64, fromHost, complex, viewAsReal, zeros } from '@antorcha/core';
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
            `Jacobian mismatch for output ${oi} with respect to input ${diff[j]![1]},\nnumerical:${jacobianRepr(rows, outReals[oi]!, n)}\nanalytical:${jacobianRepr(rows, outReals[oi]!, a)}\n`,
          );
        }
      }
    }
  }
  return true;
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
