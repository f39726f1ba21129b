/**
 * Complex dtypes on the CPU backend: wraps the real backend's methods so that a
 * complex64/complex128 operand goes to the complex kernels (`kernels.ts`) or, for
 * structural kernels (copy, fill, where, gather, scatter, index_select, cumsum), to
 * the real kernels on `view_as_real` views of it. A kernel with no complex
 * meaning raises instead of reading the interleaved pairs as reals.
 */
import type { Backend, BackendBuffer, DTypeName, HostArray, Operand, TensorRef } from '@antorcha/core';
import { TorchRuntimeError, allocHost, contiguousStrides } from '@antorcha/core';
import { wrapHost } from '../memory.js';
import { numel } from '../strided.js';
import { complexBinary, complexCumprod, complexMatmul, complexReduce, complexUnary } from './kernels.js';
import { asReal, complexOf, isComplexName, partOf, withPairDim } from './layout.js';

export { COMPLEX_BINARY, COMPLEX_REDUCE, COMPLEX_UNARY } from './kernels.js';
export { isComplexName } from './layout.js';

const cxRef = (v: Operand | undefined): boolean => v !== undefined && typeof v !== 'number' && isComplexName(v.dtype);

/** A contiguous complex copy of `v` (a view or a number) broadcast to `shape`, in the complex dtype `cd`. */
function complexOperand(v: Operand, shape: readonly number[], cd: DTypeName, base: Backend): TensorRef {
  if (typeof v !== 'number' && v.dtype === cd) return v;
  const n = numel(shape);
  const ref: TensorRef = { buffer: wrapHost(cd, allocHost(cd, n)), dtype: cd, shape, strides: contiguousStrides(shape), offset: 0 };
  if (typeof v === 'number') fillComplex(ref, v, base);
  else copyInto(v, ref, base);
  return ref;
}

function fillComplex(dst: TensorRef, value: number, base: Backend): void {
  base.fill(partOf(dst, 0), value);
  base.fill(partOf(dst, 1), 0);
}

/**
 * `dst = src` where either may be complex: complex → bool is true where either part is
 * nonzero (PyTorch 2.x); complex → another real dtype keeps the real part.
 */
function copyInto(src: TensorRef, dst: TensorRef, base: Backend): void {
  const sc = isComplexName(src.dtype), dc = isComplexName(dst.dtype);
  if (sc && dc) return base.copy(asReal(src), asReal(dst));
  if (dc) {
    base.copy(src, partOf(dst, 0));
    base.fill(partOf(dst, 1), 0);
    return;
  }
  // PyTorch 2.x's cast (c10/util/TypeCast.h: static_cast_with_inter_type<bool, src_t> with
  // maybe_bool, `src.real() || src.imag()`): bool reads both parts (NaN counts as nonzero);
  // 1.13 read only the real part. Every other real dtype takes the real part.
  if (dst.dtype === 'bool') {
    const re = partOf(src, 0);
    base.binary('logicalOr', re, partOf(src, 1), dst, re.dtype);
    return;
  }
  base.copy(partOf(src, 0), dst);
}

function unsupported(kernel: string, dtype: DTypeName): Error {
  return new Error(`antorcha cpu backend: ${kernel} has no kernel for ${dtype}`);
}

/** Host-array units per element of a buffer's dtype (2 for complex: its parts). */
function units(buffer: BackendBuffer): number {
  return isComplexName(buffer.dtype) ? 2 : 1;
}

/** `base` with complex support in every method (see the module notes). */
export function withComplex(base: Backend): Backend {
  return {
    ...base,
    write(buffer: BackendBuffer, data: HostArray, offset: number): void {
      base.write(buffer, data, offset * units(buffer));
    },
    read(buffer: BackendBuffer, offset: number, n: number): Promise<HostArray> {
      const k = units(buffer);
      return base.read(buffer, offset * k, n * k);
    },
    copy(src: TensorRef, dst: TensorRef): void {
      if (isComplexName(src.dtype) || isComplexName(dst.dtype)) copyInto(src, dst, base);
      else base.copy(src, dst);
    },
    fill(dst: TensorRef, value: number): void {
      if (isComplexName(dst.dtype)) fillComplex(dst, value, base);
      else base.fill(dst, value);
    },
    unary(op, x, out, cd, params): void {
      if (isComplexName(cd) || isComplexName(x.dtype) || isComplexName(out.dtype)) {
        complexUnary(op, x, out, isComplexName(cd) ? cd : complexOf(x.dtype));
      } else base.unary(op, x, out, cd, params);
    },
    binary(op, a, b, out, cd): void {
      if (isComplexName(cd) || cxRef(a) || cxRef(b) || isComplexName(out.dtype)) {
        complexBinary(op, a, b, out, isComplexName(cd) ? cd : complexOf(cd));
      } else base.binary(op, a, b, out, cd);
    },
    ternary(op, self, t1, t2, value, out, cd): void {
      if (isComplexName(cd) || cxRef(self) || cxRef(t1) || cxRef(t2) || isComplexName(out.dtype)) throw unsupported(`ternary ${op}`, cd);
      base.ternary(op, self, t1, t2, value, out, cd);
    },
    where(cond, a, b, out): void {
      if (!isComplexName(out.dtype) && !cxRef(a) && !cxRef(b)) return base.where(cond, a, b, out);
      if (!isComplexName(out.dtype)) throw unsupported('where', out.dtype);
      const ca = complexOperand(a, out.shape, out.dtype, base), cb = complexOperand(b, out.shape, out.dtype, base);
      base.where(withPairDim(cond), asReal(ca), asReal(cb), asReal(out));
    },
    reduce(op, x, reduceDims, out, cd): void {
      if (isComplexName(cd) || isComplexName(x.dtype)) complexReduce(op, x, reduceDims, out, isComplexName(cd) ? cd : complexOf(x.dtype));
      else base.reduce(op, x, reduceDims, out, cd);
    },
    scan(op, x, dim, out, cd, indices): void {
      if (!isComplexName(cd) && !isComplexName(x.dtype) && !isComplexName(out.dtype)) return base.scan(op, x, dim, out, cd, indices);
      if (op === 'cumprod' && isComplexName(out.dtype)) return complexCumprod(x, dim, out, out.dtype);
      if (op !== 'cumsum' || !isComplexName(out.dtype)) throw unsupported(`scan ${op}`, cd);
      const cx = complexOperand(x, x.shape, out.dtype, base);
      base.scan(op, asReal(cx), dim, asReal(out), out.dtype === 'complex64' ? 'float32' : 'float64');
    },
    matmul(a, b, out, cd): void {
      if (isComplexName(cd) || isComplexName(out.dtype)) complexMatmul(a, b, out);
      else base.matmul(a, b, out, cd);
    },
    gather(x, dim, index, out): void {
      if (isComplexName(x.dtype)) base.gather(asReal(x), dim, withPairDim(index), asReal(out));
      else base.gather(x, dim, index, out);
    },
    scatter(out, dim, index, src, reduce): void {
      if (!isComplexName(out.dtype)) return base.scatter(out, dim, index, src, reduce);
      if (reduce !== 'none' && reduce !== 'add') throw unsupported(`scatter reduce=${reduce}`, out.dtype);
      const s = typeof src === 'number' ? src : asReal(complexOperand(src, src.shape, out.dtype, base));
      if (typeof s === 'number') {
        // a real scalar: its real part lands where index points, the imaginary part becomes 0 (or stays, for add)
        base.scatter(partOf(out, 0), dim, index, s, reduce);
        if (reduce === 'none') base.scatter(partOf(out, 1), dim, index, 0, reduce);
        return;
      }
      base.scatter(asReal(out), dim, withPairDim(index), s, reduce);
    },
    indexSelect(x, dim, index, out): void {
      if (isComplexName(x.dtype)) base.indexSelect(asReal(x), dim, index, asReal(out));
      else base.indexSelect(x, dim, index, out);
    },
    sort(x, descending, stable, values, indices): void {
      // PyTorch's sort kernel refuses complex inputs (topk and unique sort through it here)
      if (isComplexName(x.dtype)) throw new TorchRuntimeError('sort', `"sorting_kernel_method_name" not implemented for '${x.dtype === 'complex64' ? 'ComplexFloat' : 'ComplexDouble'}'`);
      base.sort(x, descending, stable, values, indices);
    },
  };
}
