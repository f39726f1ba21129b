/**
 * float16 and bfloat16 on the CPU, as PyTorch's CPU kernels compute them for `Half` and
 * `BFloat16`: elements are stored as 16-bit patterns (a Uint16Array, core's `allocHost`),
 * every kernel reads them as float32 values, computes in float32 (reductions accumulate
 * in float and round once), and rounds each result to nearest even when it stores it.
 *
 * {@link withHalf} wraps a backend's kernels: an operand of a 16-bit dtype is decoded into a
 * float32 temporary (broadcast dims stay broadcast), a 16-bit output is computed into a
 * float32 temporary and encoded into the real output, and a 16-bit compute dtype becomes
 * float32, with tensor operands of another dtype first rounded to the compute dtype (as
 * PyTorch casts every input to the common dtype). The float32 kernels (including their
 * WebAssembly fast paths) therefore do the arithmetic; the 16-bit data never reaches
 * WebAssembly directly: only the conversions here, in JavaScript, touch it.
 * @module
 */
import { type Backend, type DTypeName, type Operand, type TensorRef, TorchRuntimeError, castScalar, halfBits, isHalfDtype, decodeHalf } from '@antorcha/core';
import { copyWith, type Cast } from '../copy.js';
import { castTo, dataOf, tempRef } from '../memory.js';
import { RowIter, collapse, isContiguous, numel } from '../strided.js';

type Half = 'float16' | 'bfloat16';

const f16Values = decodeHalf(Uint16Array.from({ length: 65536 }, (_, i) => i), 'float16');
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Bit pattern → value of a 16-bit float dtype. */
function decoder(dtype: Half): (h: number) => number {
  if (dtype === 'float16') return (h) => f16Values[h]!;
  return (h) => {
    u32[0] = h << 16;
    return f32[0]!;
  };
}

/** Value → bit pattern of a 16-bit float dtype (round to nearest even through float32). */
function encoder(dtype: Half): (x: number) => number {
  return (x) => halfBits(x, dtype);
}

/** The per-element conversion of a copy from `src` to `dst` when either is a 16-bit float dtype. */
export function halfCast(src: DTypeName, dst: DTypeName): (x: number) => number {
  const dec = isHalfDtype(src) ? decoder(src) : (x: number) => x;
  if (isHalfDtype(dst)) {
    const enc = encoder(dst);
    return (x) => enc(dec(x));
  }
  return (x) => castTo(dec(x), dst);
}

/**
 * A float32 view holding `ref`'s values (rounded to `round` first when given, as a cast to
 * the compute dtype does), in a compact temporary; broadcast dims keep stride 0.
 */
function widenIn(ref: TensorRef, round?: Half): TensorRef {
  const shape = ref.shape;
  const compact = shape.map((d, i) => (ref.strides[i] === 0 ? 1 : d));
  const tmp = tempRef('float32', compact);
  let cast: Cast;
  if (round === undefined || round === ref.dtype) cast = isHalfDtype(ref.dtype) ? decoder(ref.dtype) : null;
  else {
    const toHalf = halfCast(ref.dtype, round);
    const dec = decoder(round);
    cast = (x) => dec(toHalf(x));
  }
  copyWith({ ...ref, shape: compact }, tmp, cast);
  return { ...tmp, shape, strides: tmp.strides.map((s, i) => (ref.strides[i] === 0 ? 0 : s)) };
}

/** Whether a kernel call touches a 16-bit float dtype at all. */
function touchesHalf(cd: DTypeName | undefined, ...refs: (Operand | undefined)[]): boolean {
  if (cd !== undefined && isHalfDtype(cd)) return true;
  for (const r of refs) if (r !== undefined && typeof r !== 'number' && isHalfDtype(r.dtype)) return true;
  return false;
}

/** An input operand as the float32 kernel sees it (see {@link widenIn}); scalars pass as they are. */
function input(op: Operand, cd?: DTypeName): Operand {
  if (typeof op === 'number') return op;
  if (cd !== undefined && isHalfDtype(cd) && op.dtype !== 'bool') return widenIn(op, cd);
  return isHalfDtype(op.dtype) ? widenIn(op) : op;
}

/** An output: a float32 temporary for a 16-bit `ref` (holding its values when `init`), with a function storing it back. */
function output(ref: TensorRef, init = false): [TensorRef, () => void] {
  if (!isHalfDtype(ref.dtype)) return [ref, () => {}];
  const tmp = tempRef('float32', ref.shape);
  if (init) copyWith(ref, tmp, decoder(ref.dtype));
  return [tmp, () => copyWith(tmp, ref, encoder(ref.dtype as Half))];
}

/** The dtype a kernel computes in: float32 for the 16-bit ones. */
function compute(cd: DTypeName): DTypeName {
  return isHalfDtype(cd) ? 'float32' : cd;
}

/** `dst[i] = bits` over a strided view of a 16-bit buffer. */
function fillBits(dst: TensorRef, bits: number): void {
  const n = numel(dst.shape);
  if (n === 0) return;
  const D = dataOf(dst);
  if (isContiguous(dst.shape, dst.strides)) {
    D.fill(bits, dst.offset, dst.offset + n);
    return;
  }
  const c = collapse(dst.shape, [dst.strides]);
  const it = new RowIter(c.shape, c.strides, [dst.offset]);
  const len = it.rowLen, s = it.inner[0]!;
  do {
    let di = it.pos[0]!;
    for (let i = 0; i < len; i++, di += s) D[di] = bits;
  } while (it.next());
}

/**
 * The backend `base` with float16 and bfloat16 support added around its kernels (see the
 * module comment); calls that involve no 16-bit float dtype go straight to `base`.
 */
export function withHalf(base: Backend): Backend {
  return {
    ...base,
    copy(src, dst) {
      if (src.dtype === dst.dtype || !touchesHalf(undefined, src, dst)) return base.copy(src, dst);
      copyWith(src, dst, halfCast(src.dtype, dst.dtype));
    },
    fill(dst, value) {
      if (!isHalfDtype(dst.dtype)) return base.fill(dst, value);
      fillBits(dst, halfBits(castScalar(value, dst.dtype), dst.dtype));
    },
    unary(op, x, out, cd, params) {
      if (!touchesHalf(cd, x, out)) return base.unary(op, x, out, cd, params);
      const [o, store] = output(out);
      base.unary(op, input(x, cd) as TensorRef, o, compute(cd), params);
      store();
    },
    binary(op, a, b, out, cd) {
      if (!touchesHalf(cd, a, b, out)) return base.binary(op, a, b, out, cd);
      const [o, store] = output(out);
      base.binary(op, input(a, cd), input(b, cd), o, compute(cd));
      store();
    },
    ternary(op, self, t1, t2, value, out, cd) {
      if (!touchesHalf(cd, self, t1, t2, out)) return base.ternary(op, self, t1, t2, value, out, cd);
      const [o, store] = output(out);
      if (cd === 'float16' && op === 'addcmul' && value === 1 && typeof t2 === 'number') {
        // add/sub with alpha (core's addcmul(self, other, alpha)): 1.13's float16 kernel rounds
        // alpha·other to float16 before the addition (c10::Half arithmetic, one rounding per step)
        const prod = tempRef('float32', o.shape);
        base.binary('mul', input(t1, cd), t2, prod, 'float32');
        const p = dataOf(prod) as Float32Array, dec = decoder('float16'), enc = encoder('float16');
        for (let i = 0; i < p.length; i++) p[i] = dec(enc(p[i]!));
        base.binary('add', input(self, cd), prod, o, 'float32');
        store();
        return;
      }
      base.ternary(op, input(self, cd), input(t1, cd), input(t2, cd), value, o, compute(cd));
      store();
    },
    where(cond, a, b, out) {
      if (!touchesHalf(undefined, a, b, out)) return base.where(cond, a, b, out);
      const [o, store] = output(out);
      // a scalar branch arrives cast to out's dtype: its value, which float32 holds exactly
      base.where(cond, input(a), input(b), o);
      store();
    },
    reduce(op, x, reduceDims, out, cd) {
      if (!touchesHalf(cd, x, out)) return base.reduce(op, x, reduceDims, out, cd);
      const [o, store] = output(out);
      base.reduce(op, input(x, cd) as TensorRef, reduceDims, o, compute(cd));
      store();
    },
    scan(op, x, dim, out, cd, indices) {
      if (!touchesHalf(cd, x, out)) return base.scan(op, x, dim, out, cd, indices);
      const [o, store] = output(out);
      base.scan(op, input(x, cd) as TensorRef, dim, o, compute(cd), indices);
      store();
    },
    matmul(a, b, out, cd) {
      if (!touchesHalf(cd, a, b, out)) return base.matmul(a, b, out, cd);
      const [o, store] = output(out);
      base.matmul(input(a, cd) as TensorRef, input(b, cd) as TensorRef, o, compute(cd));
      store();
    },
    gather(x, dim, index, out) {
      if (!touchesHalf(undefined, x, out)) return base.gather(x, dim, index, out);
      const [o, store] = output(out);
      base.gather(input(x) as TensorRef, dim, index, o);
      store();
    },
    scatter(out, dim, index, src, reduce) {
      if (!touchesHalf(undefined, out, src)) return base.scatter(out, dim, index, src, reduce);
      const [o, store] = output(out, true);
      base.scatter(o, dim, index, input(src), reduce);
      store();
    },
    indexSelect(x, dim, index, out) {
      if (!touchesHalf(undefined, x, out)) return base.indexSelect(x, dim, index, out);
      const [o, store] = output(out);
      base.indexSelect(input(x) as TensorRef, dim, index, o);
      store();
    },
    sort(x, descending, stable, values, indices) {
      if (!touchesHalf(undefined, x, values)) return base.sort(x, descending, stable, values, indices);
      const [o, store] = output(values);
      base.sort(input(x) as TensorRef, descending, stable, o, indices);
      store();
    },
    ...(base.linalg === undefined
      ? {}
      : {
          linalg(kernel, inputs, outputs, params) {
            for (const r of [...inputs, ...outputs]) {
              if (isHalfDtype(r.dtype)) throw new TorchRuntimeError(`linalg.${kernel}`, `Low precision dtypes not supported. Got ${r.dtype === 'float16' ? 'Half' : 'BFloat16'}`);
            }
            return base.linalg!(kernel, inputs, outputs, params);
          },
        }),
  };
}
