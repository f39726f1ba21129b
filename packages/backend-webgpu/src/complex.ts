/**
 * complex64 on WebGPU. A complex64 buffer holds interleaved f32 pairs — element i at words
 * 2i (re) and 2i + 1 (im), the CPU's layout — so `view_as_real` is a float32 view of the same
 * buffer and `.real`/`.imag` are float32 views with doubled strides (core builds those views;
 * kernels bind a complex64 buffer as `array<f32>`, codegen/dtypes.ts). {@link withComplex}
 * sends every kernel call with a complex64 operand either to the real kernels on
 * `view_as_real` views (copy, fill, gather, index_select, scatter, cumsum) or to the complex
 * pair kernels (kernels/complex.ts: arithmetic, the complex functions, where, prod, cumprod,
 * matmul). complex128 is not stored here (float64 is not): `alloc` refuses it with the
 * backend's unsupported-dtype error.
 * @module
 */
import type { Backend, DTypeName, Operand, TensorRef } from '@antorcha/core';
import { TorchRuntimeError, complexAsRealRef, complexPartRef, contiguousStrides, isComplexDtypeName, withPairDimRef } from '@antorcha/core';
import { complexBinary, complexCumprod, complexMatmul, complexReduce, complexUnary, complexWhere } from './kernels/complex.js';
import type { GpuRuntime } from './runtime.js';

const isCx = (v: Operand | null | undefined): boolean => v !== null && v !== undefined && typeof v !== 'number' && isComplexDtypeName(v.dtype);

const numel = (shape: readonly number[]): number => shape.reduce((a, d) => a * d, 1);

/** The error of a kernel with no complex meaning (core refuses most such ops before any kernel runs). */
function unsupported(kernel: string, dtype: DTypeName): Error {
  return new TorchRuntimeError(kernel, `antorcha webgpu backend: ${kernel} has no kernel for ${dtype}`);
}

/**
 * The backend `base` with complex64 added around its kernels (see the module comment); calls
 * without a complex operand go straight to `base`.
 */
export function withComplex<B extends Backend>(rt: GpuRuntime, base: B): B {
  /**
   * `dst = src` where either may be complex: complex → bool is true where either part is
   * nonzero (PyTorch 2.x's cast, c10/util/TypeCast.h); complex → another real dtype keeps
   * the real part.
   */
  const copyInto = (src: TensorRef, dst: TensorRef): void => {
    const sc = isComplexDtypeName(src.dtype), dc = isComplexDtypeName(dst.dtype);
    if (sc && dc) return base.copy(complexAsRealRef(src), complexAsRealRef(dst));
    if (dc) {
      base.copy(src, complexPartRef(dst, 0));
      base.fill(complexPartRef(dst, 1), 0);
      return;
    }
    if (dst.dtype === 'bool') {
      const re = complexPartRef(src, 0);
      base.binary('logicalOr', re, complexPartRef(src, 1), dst, re.dtype);
      return;
    }
    base.copy(complexPartRef(src, 0), dst);
  };
  /** A contiguous complex64 temporary holding `v` (a view of another dtype) broadcast to `shape`. */
  const complexTemp = (v: TensorRef, shape: readonly number[]): TensorRef => {
    const ref: TensorRef = { buffer: base.alloc('complex64', Math.max(numel(shape), 1)), dtype: 'complex64', shape, strides: contiguousStrides(shape), offset: 0 };
    copyInto(v, ref);
    return ref;
  };
  return {
    ...base,
    copy(src, dst) {
      if (isCx(src) || isCx(dst)) copyInto(src, dst);
      else base.copy(src, dst);
    },
    fill(dst, value) {
      if (!isCx(dst)) return base.fill(dst, value);
      base.fill(complexPartRef(dst, 0), value);
      base.fill(complexPartRef(dst, 1), 0);
    },
    unary(op, x, out, cd, params) {
      if (!isComplexDtypeName(cd) && !isCx(x) && !isCx(out)) return base.unary(op, x, out, cd, params);
      complexUnary(rt, op, x, out);
    },
    binary(op, a, b, out, cd) {
      if (!isComplexDtypeName(cd) && !isCx(a) && !isCx(b) && !isCx(out)) return base.binary(op, a, b, out, cd);
      complexBinary(rt, op, a, b, out);
    },
    ternary(op, self, t1, t2, value, out, cd) {
      if (isComplexDtypeName(cd) || isCx(self) || isCx(t1) || isCx(t2) || isCx(out)) throw unsupported(`ternary ${op}`, cd);
      base.ternary(op, self, t1, t2, value, out, cd);
    },
    where(cond, a, b, out) {
      if (!isCx(out) && !isCx(a) && !isCx(b)) return base.where(cond, a, b, out);
      if (!isCx(out)) throw unsupported('where', out.dtype);
      complexWhere(rt, cond, a, b, out);
    },
    reduce(op, x, dims, out, cd) {
      if (!isComplexDtypeName(cd) && !isCx(x)) return base.reduce(op, x, dims, out, cd);
      if (op === 'sum' && isCx(x) && isCx(out)) {
        // the parts sum separately: the pair dim moved before the reduced dims
        const lead = x.shape.length - dims;
        const rx = complexAsRealRef(x);
        const shape = [...x.shape.slice(0, lead), 2, ...x.shape.slice(lead)];
        const strides = [...rx.strides.slice(0, lead), 1, ...rx.strides.slice(lead, -1)];
        return base.reduce('sum', { ...rx, shape, strides }, dims, complexAsRealRef(out), 'float32');
      }
      complexReduce(rt, base, op, x, dims, out);
    },
    scan(op, x, dim, out, cd, indices) {
      if (!isComplexDtypeName(cd) && !isCx(x) && !isCx(out)) return base.scan(op, x, dim, out, cd, indices);
      if (op === 'cumprod' && isCx(out)) return complexCumprod(rt, x, dim, out);
      if (op !== 'cumsum' || !isCx(out)) throw unsupported(`scan ${op}`, cd);
      const cx = isCx(x) ? x : complexTemp(x, x.shape);
      base.scan('cumsum', complexAsRealRef(cx), dim, complexAsRealRef(out), 'float32');
      if (cx !== x) base.free?.(cx.buffer);
    },
    matmul(a, b, out, cd) {
      if (!isComplexDtypeName(cd) && !isCx(out)) return base.matmul(a, b, out, cd);
      complexMatmul(a, b, out, {
        matmul: (x, y, o) => base.matmul(x, y, o, 'float32'),
        binary: (op, x, y, o) => base.binary(op, x, y, o, 'float32'),
        fill: (o, v) => base.fill(o, v),
        alloc: (n) => base.alloc('float32', n),
        free: (buf) => base.free?.(buf),
      });
    },
    gather(x, dim, index, out) {
      if (!isCx(x)) return base.gather(x, dim, index, out);
      base.gather(complexAsRealRef(x), dim, withPairDimRef(index), complexAsRealRef(out));
    },
    scatter(out, dim, index, src, red) {
      if (!isCx(out)) return base.scatter(out, dim, index, src, red);
      if (red !== 'none' && red !== 'add') throw unsupported(`scatter reduce=${red}`, out.dtype);
      if (typeof src === 'number') {
        // a real scalar: its real part lands where index points, the imaginary part becomes 0 (or stays, for add)
        base.scatter(complexPartRef(out, 0), dim, index, src, red);
        if (red === 'none') base.scatter(complexPartRef(out, 1), dim, index, 0, red);
        return;
      }
      const cs = isCx(src) ? src : complexTemp(src, src.shape);
      base.scatter(complexAsRealRef(out), dim, withPairDimRef(index), complexAsRealRef(cs), red);
      if (cs !== src) base.free?.(cs.buffer);
    },
    indexSelect(x, dim, index, out) {
      if (!isCx(x)) return base.indexSelect(x, dim, index, out);
      base.indexSelect(complexAsRealRef(x), dim, index, complexAsRealRef(out));
    },
    // a device check reports the value of the first failing element: of a complex view, its real part
    ...(base.check === undefined ? {} : { check: (bad: TensorRef, values: TensorRef | null, id: number) => base.check!(bad, values !== null && isCx(values) ? complexPartRef(values, 0) : values, id) }),
    sort(x, descending, stable, values, indices) {
      // PyTorch's sort kernel refuses complex inputs (topk and unique sort through it here)
      if (isCx(x)) throw new TorchRuntimeError('sort', `"sorting_kernel_method_name" not implemented for 'ComplexFloat'`);
      base.sort(x, descending, stable, values, indices);
    },
  };
}
