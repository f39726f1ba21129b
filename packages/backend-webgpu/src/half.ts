/**
 * float16 and bfloat16 on WebGPU, without `shader-f16`: the documented fallback. Each element
 * takes an f32 word holding its exact value (every 16-bit float is a float32), so a 16-bit
 * buffer is also a valid float32 buffer: {@link withHalf} runs every kernel on float32-labelled
 * views of the same buffers, with a 16-bit compute dtype computed in float32, then rounds each
 * 16-bit output to its dtype in a second pass ({@link roundTo}: round to nearest even by integer
 * arithmetic on the `bitcast<u32>` bits; ties, subnormals, overflow to infinity and NaN as
 * PyTorch's casts). Tensor operands of other dtypes are rounded to a 16-bit compute dtype first,
 * as PyTorch casts every input to the common dtype. Reads and writes convert between the f32
 * words and the Uint16Array bit patterns core uses (backend.ts). `shader-f16` (`f16` storage,
 * half the memory) is not used yet: its arithmetic rounds per operation in f16, which is not how
 * PyTorch's CPU kernels compute, and SwiftShader lacks it.
 * @module
 */
import type { Backend, DTypeName, Operand, TensorRef } from '@antorcha/core';
import { contiguousStrides, isHalfDtype } from '@antorcha/core';
import { elementwise } from './kernels/elementwise.js';
import type { GpuRuntime } from './runtime.js';

type Half = 'float16' | 'bfloat16';

/** WGSL statements: `r_` = the bits of f32 `v` rounded to float16 (nearest even), as a float32 pattern. */
function roundF16(v: string): string {
  return `let u_ = bitcast<u32>(${v}); let s_ = u_ & 0x80000000u; let a_ = u_ & 0x7fffffffu; var r_: u32;
  if (a_ > 0x7f800000u) { r_ = u_ | 0x400000u; }
  else if (a_ >= 0x477ff000u) { r_ = s_ | 0x7f800000u; }
  else if (a_ <= 0x33000000u) { r_ = s_; }
  else if (a_ < 0x38800000u) {
    let e_ = a_ >> 23u; let m_ = (a_ & 0x7fffffu) | 0x800000u; let sh_ = 126u - e_;
    var q_ = m_ >> sh_; let rem_ = m_ & ((1u << sh_) - 1u); let hf_ = 1u << (sh_ - 1u);
    if (rem_ > hf_ || (rem_ == hf_ && (q_ & 1u) == 1u)) { q_ = q_ + 1u; }
    r_ = s_ | bitcast<u32>(f32(q_) * 5.9604644775390625e-8);
  }
  else { r_ = s_ | ((a_ + 0xfffu + ((a_ >> 13u) & 1u)) & 0xffffe000u); }`;
}

/** WGSL statements: `r_` = the bits of f32 `v` rounded to bfloat16 (nearest even), as a float32 pattern. */
function roundBf16(v: string): string {
  return `let u_ = bitcast<u32>(${v}); var r_: u32;
  if ((u_ & 0x7fffffffu) > 0x7f800000u) { r_ = u_ | 0x400000u; }
  else { r_ = (u_ + 0x7fffu + ((u_ >> 16u) & 1u)) & 0xffff0000u; }`;
}

/** The same view labelled float32 (a 16-bit buffer's words are float32 values). */
function f32(ref: TensorRef): TensorRef {
  return isHalfDtype(ref.dtype) ? { ...ref, dtype: 'float32' } : ref;
}

/**
 * The backend `base` with float16/bfloat16 added around its kernels (see the module comment);
 * calls without a 16-bit dtype go straight to `base`.
 */
export function withHalf<B extends Backend>(rt: GpuRuntime, base: B): B {
  /** Rounds the view `ref` (f32 words) in place to `dtype`, through a contiguous temporary. */
  const roundTo = (ref: TensorRef, dtype: Half): void => {
    let n = 1;
    for (const d of ref.shape) n *= d;
    if (n === 0) return;
    const tmp = base.alloc('float32', n);
    const t: TensorRef = { buffer: tmp, dtype: 'float32', shape: ref.shape, strides: contiguousStrides(ref.shape), offset: 0 };
    base.copy(f32(ref), t);
    const code = dtype === 'float16' ? roundF16 : roundBf16;
    elementwise(rt, `round_${dtype}`, { ...ref, dtype: 'float32' }, [t], () => 'bitcast<f32>(r_)', ([v]) => code(v!));
    base.free?.(tmp);
  };
  const temps: TensorRef[] = [];
  /** An input as the float32 kernel sees it: relabelled, or (another dtype under a 16-bit compute dtype) cast and rounded. */
  const input = <T extends Operand>(op: T, cd?: DTypeName): T => {
    if (typeof op === 'number') return op;
    const r = op as TensorRef;
    if (cd !== undefined && isHalfDtype(cd) && r.dtype !== cd && r.dtype !== 'bool') {
      let n = 1;
      for (const d of r.shape) n *= d;
      const buf = base.alloc('float32', Math.max(n, 1));
      const t: TensorRef = { buffer: buf, dtype: 'float32', shape: r.shape, strides: contiguousStrides(r.shape), offset: 0 };
      base.copy(f32(r), t);
      roundTo(t, cd);
      temps.push(t);
      return t as T;
    }
    return f32(r) as T;
  };
  const done = (...outs: (TensorRef | undefined)[]): void => {
    for (const o of outs) if (o !== undefined && isHalfDtype(o.dtype)) roundTo(o, o.dtype);
    for (const t of temps.splice(0)) base.free?.(t.buffer);
  };
  const cdOf = (cd: DTypeName): DTypeName => (isHalfDtype(cd) ? 'float32' : cd);
  const touches = (cd: DTypeName | undefined, ...ops: (Operand | null | undefined)[]): boolean =>
    (cd !== undefined && isHalfDtype(cd)) || ops.some((o) => o !== null && o !== undefined && typeof o !== 'number' && isHalfDtype(o.dtype));
  return {
    ...base,
    copy(src, dst) {
      if (!touches(undefined, src, dst)) return base.copy(src, dst);
      base.copy(f32(src), f32(dst));
      if (src.dtype !== dst.dtype) done(dst);
    },
    fill(dst, value) {
      if (!isHalfDtype(dst.dtype)) return base.fill(dst, value);
      base.fill(f32(dst), value); // value arrives cast to dst's dtype: exactly a float32
    },
    unary(op, x, out, cd, params) {
      if (!touches(cd, x, out)) return base.unary(op, x, out, cd, params);
      base.unary(op, input(x, cd), f32(out), cdOf(cd), params);
      done(out);
    },
    binary(op, a, b, out, cd) {
      if (!touches(cd, a, b, out)) return base.binary(op, a, b, out, cd);
      base.binary(op, input(a, cd), input(b, cd), f32(out), cdOf(cd));
      done(out);
    },
    ternary(op, self, t1, t2, value, out, cd) {
      if (!touches(cd, self, t1, t2, out)) return base.ternary(op, self, t1, t2, value, out, cd);
      if (cd === 'float16' && op === 'addcmul' && value === 1 && typeof t2 === 'number') {
        // add/sub with alpha (core's addcmul(self, other, alpha)): 1.13's float16 kernel rounds
        // alpha·other to float16 before the addition, as the CPU backend does
        const prod: TensorRef = { ...f32(out), buffer: base.alloc('float32', Math.max(1, out.shape.reduce((a, d) => a * d, 1))), strides: contiguousStrides(out.shape), offset: 0 };
        base.binary('mul', input(t1, cd), t2, prod, 'float32');
        roundTo(prod, 'float16');
        base.binary('add', input(self, cd), prod, f32(out), 'float32');
        done(out);
        base.free?.(prod.buffer);
        return;
      }
      base.ternary(op, input(self, cd), input(t1, cd), input(t2, cd), value, f32(out), cdOf(cd));
      done(out);
    },
    where(cond, a, b, out) {
      if (!touches(undefined, a, b, out)) return base.where(cond, a, b, out);
      base.where(cond, input(a), input(b), f32(out));
      done(out);
    },
    reduce(op, x, dims, out, cd) {
      if (!touches(cd, x, out)) return base.reduce(op, x, dims, out, cd);
      base.reduce(op, input(x, cd), dims, f32(out), cdOf(cd));
      done(out);
    },
    scan(op, x, dim, out, cd, indices) {
      if (!touches(cd, x, out)) return base.scan(op, x, dim, out, cd, indices);
      base.scan(op, input(x, cd), dim, f32(out), cdOf(cd), indices);
      done(out);
    },
    matmul(a, b, out, cd) {
      if (!touches(cd, a, b, out)) return base.matmul(a, b, out, cd);
      base.matmul(input(a, cd), input(b, cd), f32(out), cdOf(cd));
      done(out);
    },
    gather(x, dim, index, out) {
      if (!touches(undefined, x, out)) return base.gather(x, dim, index, out);
      base.gather(f32(x), dim, index, f32(out));
    },
    scatter(out, dim, index, src, red) {
      if (!touches(undefined, out, src)) return base.scatter(out, dim, index, src, red);
      base.scatter(f32(out), dim, index, input(src), red);
      done(red === 'none' ? undefined : out);
    },
    indexSelect(x, dim, index, out) {
      if (!touches(undefined, x, out)) return base.indexSelect(x, dim, index, out);
      base.indexSelect(f32(x), dim, index, f32(out));
    },
    sort(x, desc, stable, values, indices) {
      if (!touches(undefined, x, values)) return base.sort(x, desc, stable, values, indices);
      base.sort(f32(x), desc, stable, f32(values), indices);
    },
    ...(base.check === undefined ? {} : { check: (bad: TensorRef, values: TensorRef | null, id: number) => base.check!(bad, values === null ? null : f32(values), id) }),
  };
}
