/**
 * Complex elementwise, reduction and matrix kernels over strided views of
 * interleaved (re, im) arrays. Operands of a real dtype read as `x + 0i`; a number
 * operand is a real scalar. Results land in a complex output as pairs, in a real
 * output as their first component (`abs`) and in a bool output as 0/1 (`eq`, `isnan`).
 */
import type { BinaryOp, DTypeName, HostArray, Operand, ReduceOp, TensorRef, UnaryOp } from '@antorcha/core';
import { castTo, dataOf } from '../memory.js';
import { RowIter, collapse, numel } from '../strided.js';
import * as cm from './cmath.js';
import { isComplexName } from './layout.js';

type Out = Float64Array;
/** A unary complex function: (re, im) → r; `f32` for complex64 arithmetic. */
type UFn = (x: number, y: number, r: Out, f32: boolean) => void;
/** A binary complex function. */
type BFn = (ar: number, ai: number, br: number, bi: number, r: Out, f32: boolean) => void;

const LN2 = Math.LN2, LN10 = Math.LN10;

/** Unary ops with a complex kernel, and what they compute. */
export const COMPLEX_UNARY: Partial<Record<UnaryOp, UFn>> = {
  neg: (x, y, r) => ((r[0] = -x), (r[1] = -y)),
  exp: (x, y, r) => cm.cexp(x, y, r),
  exp2: (x, y, r) => cm.cexp(x * LN2, y * LN2, r),
  expm1: (x, y, r) => cm.cexpm1(x, y, r),
  log: (x, y, r) => cm.clog(x, y, r),
  log1p: (x, y, r) => cm.clog1p(x, y, r),
  log2: (x, y, r) => (cm.clog(x, y, r), (r[0] /= LN2), (r[1] /= LN2)),
  log10: (x, y, r) => (cm.clog(x, y, r), (r[0] /= LN10), (r[1] /= LN10)),
  sqrt: (x, y, r) => cm.csqrt(x, y, r),
  rsqrt: (x, y, r, f32) => (cm.csqrt(x, y, r), cm.crecip(r[0], r[1], r, f32)),
  sin: (x, y, r) => cm.csin(x, y, r),
  cos: (x, y, r) => cm.ccos(x, y, r),
  tan: (x, y, r) => cm.ctan(x, y, r),
  asin: (x, y, r) => cm.casin(x, y, r),
  acos: (x, y, r, f32) => (f32 ? cm.cacosAnnexG(x, y, r) : cm.cacos(x, y, r, false)),
  atan: (x, y, r, f32) => cm.catan(x, y, r, f32),
  sinh: (x, y, r) => cm.csinh(x, y, r),
  cosh: (x, y, r) => cm.ccosh(x, y, r),
  tanh: (x, y, r) => cm.ctanh(x, y, r),
  asinh: (x, y, r) => cm.casinh(x, y, r),
  acosh: (x, y, r) => cm.cacosh(x, y, r),
  atanh: (x, y, r) => cm.catanh(x, y, r),
  sigmoid: (x, y, r, f32) => (cm.cexp(-x, -y, r), cm.crecip(1 + r[0], r[1], r, f32)),
  reciprocal: (x, y, r, f32) => cm.crecip(x, y, r, f32),
  square: (x, y, r, f32) => cm.cmul(x, y, x, y, r, f32),
  abs: (x, y, r) => ((r[0] = cm.cabs(x, y)), (r[1] = 0)),
  // `sign` reaches a complex kernel only from torch.sgn: z/|z|, 0 at 0
  sign: (x, y, r) => {
    const a = cm.cabs(x, y);
    r[0] = a === 0 ? 0 : x / a;
    r[1] = a === 0 ? 0 : y / a;
  },
  isnan: (x, y, r) => ((r[0] = Number.isNaN(x) || Number.isNaN(y) ? 1 : 0), (r[1] = 0)),
  isinf: (x, y, r) => ((r[0] = Math.abs(x) === Infinity || Math.abs(y) === Infinity ? 1 : 0), (r[1] = 0)),
  isfinite: (x, y, r) => ((r[0] = Number.isFinite(x) && Number.isFinite(y) ? 1 : 0), (r[1] = 0)),
  logicalNot: (x, y, r) => ((r[0] = x === 0 && y === 0 ? 1 : 0), (r[1] = 0)),
};

const nz = (x: number, y: number): boolean => x !== 0 || y !== 0;
const q32 = Math.fround;

/** Binary ops with a complex kernel. */
export const COMPLEX_BINARY: Partial<Record<BinaryOp, BFn>> = {
  add: (a, b, c, d, r, f) => ((r[0] = f ? q32(a + c) : a + c), (r[1] = f ? q32(b + d) : b + d)),
  sub: (a, b, c, d, r, f) => ((r[0] = f ? q32(a - c) : a - c), (r[1] = f ? q32(b - d) : b - d)),
  mul: (a, b, c, d, r, f) => cm.cmul(a, b, c, d, r, f),
  div: (a, b, c, d, r, f) => cm.cdiv(a, b, c, d, r, f),
  pow: (a, b, c, d, r) => cm.cpow(a, b, c, d, r),
  eq: (a, b, c, d, r) => ((r[0] = a === c && b === d ? 1 : 0), (r[1] = 0)),
  ne: (a, b, c, d, r) => ((r[0] = a !== c || b !== d ? 1 : 0), (r[1] = 0)),
  logicalAnd: (a, b, c, d, r) => ((r[0] = nz(a, b) && nz(c, d) ? 1 : 0), (r[1] = 0)),
  logicalOr: (a, b, c, d, r) => ((r[0] = nz(a, b) || nz(c, d) ? 1 : 0), (r[1] = 0)),
  logicalXor: (a, b, c, d, r) => ((r[0] = nz(a, b) !== nz(c, d) ? 1 : 0), (r[1] = 0)),
};

/** An operand as the loops read it: its array, whether it is complex, strides and offset in elements. */
interface Src {
  d: ArrayLike<number>;
  cx: boolean;
  strides: readonly number[];
  offset: number;
}

function srcOf(v: Operand, shape: readonly number[]): Src {
  if (typeof v === 'number') return { d: [v, 0], cx: true, strides: shape.map(() => 0), offset: 0 };
  return { d: dataOf(v), cx: isComplexName(v.dtype), strides: v.strides, offset: v.offset };
}

/** Writes a result pair into `out` at element `p`: both parts, the first, or a bool. */
function storer(out: TensorRef): (O: HostArray, p: number, r: Out) => void {
  if (isComplexName(out.dtype)) {
    return (O, p, r) => {
      O[2 * p] = r[0];
      O[2 * p + 1] = r[1];
    };
  }
  const dt = out.dtype;
  if (dt === 'float32' || dt === 'float64') return (O, p, r) => void (O[p] = r[0]);
  return (O, p, r) => void (O[p] = castTo(r[0], dt));
}

/** Runs `f` over out's elements with up to two operands. */
function elementwise(out: TensorRef, inputs: readonly Src[], cd: DTypeName, f: (vals: Float64Array, r: Out, f32: boolean) => void): void {
  if (numel(out.shape) === 0) return;
  const f32 = cd === 'complex64';
  const O = dataOf(out);
  const store = storer(out);
  const c = collapse(out.shape, [out.strides, ...inputs.map((s) => s.strides)]);
  const it = new RowIter(c.shape, c.strides, [out.offset, ...inputs.map((s) => s.offset)]);
  const vals = new Float64Array(2 * inputs.length);
  const r = new Float64Array(2);
  const k = inputs.length;
  const pos = new Array<number>(k + 1);
  do {
    for (let j = 0; j <= k; j++) pos[j] = it.pos[j]!;
    for (let i = 0; i < it.rowLen; i++) {
      for (let j = 0; j < k; j++) {
        const s = inputs[j]!;
        const p = pos[j + 1]!;
        let re: number, im: number;
        if (s.cx) {
          re = s.d[2 * p]!;
          im = s.d[2 * p + 1]!;
        } else {
          re = s.d[p]!;
          im = 0;
        }
        vals[2 * j] = f32 ? q32(re) : re;
        vals[2 * j + 1] = f32 ? q32(im) : im;
      }
      f(vals, r, f32);
      store(O, pos[0]!, r);
      for (let j = 0; j <= k; j++) pos[j]! += it.inner[j]!;
    }
  } while (it.next());
}

/** `out = op(x)` in the complex dtype `cd`. */
export function complexUnary(op: UnaryOp, x: TensorRef, out: TensorRef, cd: DTypeName): void {
  const fn = COMPLEX_UNARY[op];
  if (fn === undefined) throw new Error(`antorcha cpu backend: unary ${op} has no complex kernel`);
  elementwise(out, [srcOf(x, out.shape)], cd, (v, r, f32) => fn(v[0]!, v[1]!, r, f32));
}

/**
 * `pow(z, e)` for a number exponent, with the specialisations of PyTorch's
 * pow_tensor_scalar kernels (½ → sqrt, −½ → rsqrt, −1 → reciprocal, 2, 3, −2 by multiplication).
 */
function powScalar(e: number): (v: Float64Array, r: Out, f32: boolean) => void {
  if (e === 0) return (_v, r) => ((r[0] = 1), (r[1] = 0)); // pow_out fills ones
  if (e === 0.5) return (v, r) => cm.csqrt(v[0]!, v[1]!, r);
  if (e === -0.5) return (v, r, f) => (cm.csqrt(v[0]!, v[1]!, r), cm.crecip(r[0], r[1], r, f));
  if (e === -1) return (v, r, f) => cm.crecip(v[0]!, v[1]!, r, f);
  if (e === 2) return (v, r, f) => cm.cmul(v[0]!, v[1]!, v[0]!, v[1]!, r, f);
  if (e === 3) return (v, r, f) => (cm.cmul(v[0]!, v[1]!, v[0]!, v[1]!, r, f), cm.cmul(r[0], r[1], v[0]!, v[1]!, r, f));
  if (e === -2) return (v, r, f) => (cm.cmul(v[0]!, v[1]!, v[0]!, v[1]!, r, f), cm.cdiv(1, 0, r[0], r[1], r, f));
  return (v, r) => cm.cpow(v[0]!, v[1]!, e, 0, r);
}

/** `out = op(a, b)` in the complex dtype `cd`. */
export function complexBinary(op: BinaryOp, a: Operand, b: Operand, out: TensorRef, cd: DTypeName): void {
  const fn = COMPLEX_BINARY[op];
  if (fn === undefined) throw new Error(`antorcha cpu backend: binary ${op} has no complex kernel`);
  if (op === 'pow' && typeof b === 'number') {
    const g = powScalar(b);
    elementwise(out, [srcOf(a, out.shape)], cd, g);
    return;
  }
  elementwise(out, [srcOf(a, out.shape), srcOf(b, out.shape)], cd, (v, r, f32) => fn(v[0]!, v[1]!, v[2]!, v[3]!, r, f32));
}

/** Reduce ops with a complex kernel. */
export const COMPLEX_REDUCE: ReadonlySet<ReduceOp> = new Set<ReduceOp>(['sum', 'prod', 'all', 'any']);

/**
 * Reduces the trailing `reduceDims` dims of the complex view `x` into `out`: sums
 * accumulate in double precision and round once; products round at every step in `cd`.
 */
export function complexReduce(op: ReduceOp, x: TensorRef, reduceDims: number, out: TensorRef, cd: DTypeName): void {
  if (!COMPLEX_REDUCE.has(op)) throw new Error(`antorcha cpu backend: reduce ${op} has no complex kernel`);
  const nd = x.shape.length;
  const lead = nd - reduceDims;
  const outerShape = x.shape.slice(0, lead);
  const innerShape = x.shape.slice(lead);
  const outerN = numel(outerShape);
  const innerN = numel(innerShape);
  const X = dataOf(x);
  const cx = isComplexName(x.dtype);
  const O = dataOf(out);
  const store = storer(out);
  const f32 = cd === 'complex64';
  const r = new Float64Array(2);
  const outer = new Array<number>(lead).fill(0);
  const inner = new Array<number>(reduceDims).fill(0);
  const outContig = out.strides;
  for (let o = 0; o < outerN; o++) {
    let base = x.offset;
    let ob = out.offset;
    for (let d = 0; d < lead; d++) {
      base += outer[d]! * x.strides[d]!;
      ob += outer[d]! * outContig[d]!;
    }
    let ar = op === 'prod' || op === 'all' ? 1 : 0, ai = 0;
    inner.fill(0);
    for (let i = 0; i < innerN; i++) {
      let p = base;
      for (let d = 0; d < reduceDims; d++) p += inner[d]! * x.strides[lead + d]!;
      let re = cx ? X[2 * p]! : X[p]!;
      let im = cx ? X[2 * p + 1]! : 0;
      if (f32) {
        re = q32(re);
        im = q32(im);
      }
      if (op === 'sum') {
        ar += re;
        ai += im;
      } else if (op === 'prod') {
        cm.cmul(ar, ai, re, im, r, f32);
        ar = r[0];
        ai = r[1];
      } else if (op === 'all') {
        if (re === 0 && im === 0) ar = 0;
      } else if (re !== 0 || im !== 0) ar = 1;
      for (let d = reduceDims - 1; d >= 0; d--) {
        if (++inner[d]! < innerShape[d]!) break;
        inner[d] = 0;
      }
    }
    r[0] = ar;
    r[1] = ai;
    store(O, ob, r);
    for (let d = lead - 1; d >= 0; d--) {
      if (++outer[d]! < outerShape[d]!) break;
      outer[d] = 0;
    }
  }
}

/** Batched complex matrix product `out[b] = a[b]·b[b]` (a [B, M, K], b [B, K, N]), accumulated in double precision. */
export function complexMatmul(a: TensorRef, b: TensorRef, out: TensorRef): void {
  const [B, M, K] = a.shape as [number, number, number];
  const N = b.shape[2]!;
  const A = dataOf(a), Bd = dataOf(b), O = dataOf(out);
  const acx = isComplexName(a.dtype), bcx = isComplexName(b.dtype);
  for (let bi = 0; bi < B; bi++) {
    for (let m = 0; m < M; m++) {
      for (let n = 0; n < N; n++) {
        let sr = 0, si = 0;
        for (let k = 0; k < K; k++) {
          const pa = a.offset + bi * a.strides[0]! + m * a.strides[1]! + k * a.strides[2]!;
          const pb = b.offset + bi * b.strides[0]! + k * b.strides[1]! + n * b.strides[2]!;
          const xr = acx ? A[2 * pa]! : A[pa]!, xi = acx ? A[2 * pa + 1]! : 0;
          const yr = bcx ? Bd[2 * pb]! : Bd[pb]!, yi = bcx ? Bd[2 * pb + 1]! : 0;
          sr += xr * yr - xi * yi;
          si += xr * yi + xi * yr;
        }
        const po = out.offset + bi * out.strides[0]! + m * out.strides[1]! + n * out.strides[2]!;
        O[2 * po] = sr;
        O[2 * po + 1] = si;
      }
    }
  }
}

/** Cumulative product along `dim` of a complex (or real, read as complex) view into the complex `out`, each step rounded in `cd`. */
export function complexCumprod(x: TensorRef, dim: number, out: TensorRef, cd: DTypeName): void {
  const shape = x.shape;
  const n = shape[dim]!;
  if (numel(shape) === 0) return;
  const X = dataOf(x), O = dataOf(out);
  const cx = isComplexName(x.dtype);
  const f32 = cd === 'complex64';
  const r = new Float64Array(2);
  const outerShape = shape.filter((_, i) => i !== dim);
  const outerN = numel(outerShape);
  const idx = new Array<number>(outerShape.length).fill(0);
  for (let o = 0; o < outerN; o++) {
    let px = x.offset, po = out.offset;
    for (let d = 0, k = 0; d < shape.length; d++) {
      if (d === dim) continue;
      px += idx[k]! * x.strides[d]!;
      po += idx[k]! * out.strides[d]!;
      k++;
    }
    let pr = 1, pi = 0;
    for (let i = 0; i < n; i++) {
      const p = px + i * x.strides[dim]!;
      let re = cx ? X[2 * p]! : X[p]!, im = cx ? X[2 * p + 1]! : 0;
      if (f32) {
        re = q32(re);
        im = q32(im);
      }
      cm.cmul(pr, pi, re, im, r, f32);
      pr = r[0];
      pi = r[1];
      const q = po + i * out.strides[dim]!;
      O[2 * q] = pr;
      O[2 * q + 1] = pi;
    }
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d]! < outerShape[d]!) break;
      idx[d] = 0;
    }
  }
}
