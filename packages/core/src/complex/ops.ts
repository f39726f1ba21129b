/**
 * The complex tensor functions: `torch.complex`, `torch.polar`, `view_as_real`,
 * `view_as_complex`, `.real`/`.imag` (views sharing storage), `conj` and friends,
 * `angle`, `is_complex`, `isreal`, and `sgn` of complex tensors.
 *
 * `conj()` of a complex tensor is PyTorch's lazy view: it shares storage with the
 * conjugate bit set (`is_conj()`), writes through it land conjugated in the original,
 * and its imaginary part carries the negative bit (`is_neg()`); complex/mathbits.ts
 * resolves the bits where operands reach the kernels.
 */
import { composite, notifyInplace, recordOp } from '../autograd-hook.js';
import { type DType, complex128, complex64, float32, float64, getDefaultDtype, toComplexDtype, toRealDtype } from '../dtype.js';
import { TorchRuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { expectTensor } from '../validate.js';
import { backendFor, emptyTensor, operandDevice, refOf, refWith } from '../ops/dispatch.js';
import { cppName } from '../ops/promotion.js';
import { bumpVersion } from '../ops/elementwise.js';
import { clone } from '../ops/views.js';
import type { TensorRef } from '../backend.js';
import { bitView } from './mathbits.js';
import { broadcastShapes, broadcastStrides } from '../shape.js';

/**
 * A view of `base`'s storage with another dtype (real ↔ complex), as a view of base,
 * reading negated when `neg`.
 */
function dtypeView(base: Tensor, shape: number[], strides: number[], offset: number, dtype: DType, op: string, neg = base._neg): Tensor {
  const v = new Tensor(base._storage, shape, strides, offset, dtype);
  v._neg = neg;
  v._base = base._base ?? base;
  v._viewVersion = base._version;
  recordOp(op, [base], [v], {});
  return v;
}

/**
 * `torch.view_as_real(x)`: a real view of a complex tensor with a trailing dim of 2
 * (real and imaginary parts), sharing its storage.
 * @example
 * ```ts pytorch=core.viewAsReal
 * console.log(torch.viewAsReal(torch.tensor([torch.cplx(1, 2), torch.cplx(3, -4)])));
 * ```
 * ```text
 * tensor([[ 1.,  2.],
 *         [ 3., -4.]])
 * ```
 */
export function viewAsReal(x: Tensor): Tensor {
  expectTensor('view_as_real', 'self', 1, x);
  if (!x.dtype.isComplex) throw new TorchRuntimeError('view_as_real', 'view_as_real is only supported for complex tensors');
  if (x._conj) {
    throw new TorchRuntimeError(
      'view_as_real',
      "view_as_real doesn't work on unresolved conjugated tensors.  To resolve the conjugate tensor so you can view it as real, use self.resolve_conj(); however, be warned that the resulting tensor will NOT alias the original.",
    );
  }
  return dtypeView(x, [...x._shape, 2], [...x._strides.map((s) => 2 * s), 1], 2 * x._offset, toRealDtype(x.dtype), 'view_as_real');
}

/** `torch.view_as_real_copy(x)`: {@link viewAsReal} as a new tensor with storage of its own. */
export function viewAsRealCopy(x: Tensor): Tensor {
  return viewAsReal(x).clone();
}

/**
 * `torch.view_as_complex(x)`: a complex view of a float32/float64 tensor whose last dim
 * has size 2 and stride 1 (the pairs become re + im·j), sharing its storage.
 */
export function viewAsComplex(x: Tensor): Tensor {
  expectTensor('view_as_complex', 'self', 1, x);
  const op = 'view_as_complex';
  if (x.dtype !== float32 && x.dtype !== float64) {
    throw new TorchRuntimeError(op, `view_as_complex is only supported for float and double tensors, but got a tensor of scalar type: ${cppName(x.dtype)}`);
  }
  const n = x._shape.length;
  if (n === 0) throw new TorchRuntimeError(op, 'Input tensor must have one or more dimensions');
  if (x._shape[n - 1] !== 2) throw new TorchRuntimeError(op, 'Tensor must have a last dimension of size 2');
  if (x._strides[n - 1] !== 1) throw new TorchRuntimeError(op, 'Tensor must have a last dimension with stride 1');
  for (let i = 0; i < n - 1; i++) {
    if (x._strides[i]! % 2 !== 0) throw new TorchRuntimeError(op, 'Tensor must have a stride divisible by 2 for all but last dimension');
  }
  if (x._offset % 2 !== 0) throw new TorchRuntimeError(op, 'Tensor must have a storage_offset divisible by 2');
  return dtypeView(x, x._shape.slice(0, -1), x._strides.slice(0, -1).map((s) => s / 2), x._offset / 2, toComplexDtype(x.dtype), op);
}

/** `torch.view_as_complex_copy(x)`: {@link viewAsComplex} as a new tensor with storage of its own. */
export function viewAsComplexCopy(x: Tensor): Tensor {
  return viewAsComplex(x).clone();
}

/**
 * `x.real`: the real part as a view (x itself for real dtypes, as PyTorch).
 */
export function real(x: Tensor): Tensor {
  expectTensor('real', 'self', 1, x);
  if (!x.dtype.isComplex) return x;
  return dtypeView(x, x._shape.slice(), x._strides.map((s) => 2 * s), 2 * x._offset, toRealDtype(x.dtype), 'real');
}

/** `x.imag`: the imaginary part as a view; real dtypes raise PyTorch's error. */
export function imag(x: Tensor): Tensor {
  expectTensor('imag', 'self', 1, x);
  if (!x.dtype.isComplex) throw new TorchRuntimeError('imag', 'imag is not implemented for tensors with non-complex dtypes.');
  return dtypeView(x, x._shape.slice(), x._strides.map((s) => 2 * s), 2 * x._offset + 1, toRealDtype(x.dtype), 'imag', x._neg !== x._conj);
}

/**
 * Real (0) or imaginary (1) part as an untracked view (for kernels; records nothing).
 * The imaginary part of a conjugate view reads negated (the negative bit).
 */
export function partView(x: Tensor, part: 0 | 1): Tensor {
  const v = new Tensor(x._storage, x._shape.slice(), x._strides.map((s) => 2 * s), 2 * x._offset + part, toRealDtype(x.dtype));
  v._neg = part === 1 ? x._neg !== x._conj : x._neg;
  return v;
}

/**
 * The (re, im) pairs of complex `x` as an untracked real view with a trailing dim of 2
 * (`view_as_real` without its checks or autograd record; for kernels and fills).
 */
export function pairsView(x: Tensor): Tensor {
  return new Tensor(x._storage, [...x._shape, 2], [...x._strides.map((s) => 2 * s), 1], 2 * x._offset, toRealDtype(x.dtype));
}

/** Whether the dtype is complex (`x.is_complex()`). */
export function isComplex(x: Tensor): boolean {
  expectTensor('is_complex', 'self', 1, x);
  return x.dtype.isComplex;
}

/** `is_conj()`: whether `x` is a conjugate view (the conjugate bit). */
export function isConj(x: Tensor): boolean {
  expectTensor('is_conj', 'self', 1, x);
  return x._conj;
}

/**
 * `resolve_conj()`: a new tensor holding `x`'s values without the conjugate bit
 * (autograd's node is CloneBackward0, as PyTorch's); `x` itself when the bit is unset.
 */
export function resolveConj(x: Tensor): Tensor {
  expectTensor('resolve_conj', 'self', 1, x);
  return x._conj ? clone(x) : x;
}

/** `resolve_neg()`: a new tensor holding `x`'s values without the negative bit; `x` itself when it is unset. */
export function resolveNeg(x: Tensor): Tensor {
  expectTensor('resolve_neg', 'self', 1, x);
  return x._neg ? clone(x) : x;
}

/** `is_neg()`: whether `x` reads negated (the negative bit: the imaginary part of a conjugate view). */
export function isNeg(x: Tensor): boolean {
  expectTensor('is_neg', 'self', 1, x);
  return x._neg;
}

/** The imaginary parts of a kernel view of complex elements. */
function imagRef(r: TensorRef, dtype: DType): TensorRef {
  return { ...r, dtype: toRealDtype(dtype).name, strides: r.strides.map((s) => 2 * s), offset: 2 * r.offset + 1 };
}

/** A new complex tensor holding the conjugate of `x`'s values (no autograd record). */
function conjRaw(x: Tensor): Tensor {
  const out = emptyTensor(x._shape, x.dtype, x.device, 'conj');
  const b = backendFor(x.device, x.dtype, 'conj');
  b.copy(refOf(x), refOf(out));
  const im = partView(out, 1);
  b.unary('neg', refOf(im), refOf(im), im.dtype.name);
  return out;
}

/**
 * The complex conjugate: for complex dtypes a view of `x`'s storage with the
 * conjugate bit flipped (writes through it land conjugated in `x`), `x` itself for
 * real dtypes, as PyTorch.
 * @example
 * ```ts pytorch=core.conj
 * const x = torch.tensor([torch.cplx(1, 2)]);
 * const y = x.conj(); // a view with the conjugate bit set
 * console.log(y);
 * y.add_(torch.cplx(0, 1)); // writes through to x
 * console.log(x);
 * ```
 * ```text
 * tensor([1.-2.j])
 * tensor([1.+1.j])
 * ```
 */
export function conj(x: Tensor): Tensor {
  expectTensor('conj', 'self', 1, x);
  if (!x.dtype.isComplex) return x;
  const out = bitView(x, !x._conj, x._neg);
  recordOp('conj', [x], [out], {});
  return out;
}

/**
 * @internal PyTorch's `torch._neg_view(x)`: a view of `x`'s storage reading negated (the
 * negative bit flipped). Records nothing (autograd uses it to replay views on gradients).
 */
export function negView(x: Tensor): Tensor {
  return bitView(x, x._conj, !x._neg);
}

/** `conj_physical(x)`: the conjugate as a new tensor without the conjugate bit (`x` itself for real dtypes, as PyTorch). */
export function conjPhysical(x: Tensor): Tensor {
  expectTensor('conj_physical', 'self', 1, x);
  if (!x.dtype.isComplex) return x;
  const out = conjRaw(x);
  recordOp('conj_physical', [x], [out], {});
  return out;
}

/** In-place `conj_physical_()`: conjugates the values (through any math bits of `x`). */
export function conjPhysical_(x: Tensor): Tensor {
  expectTensor('conj_physical_', 'self', 1, x);
  if (!x.dtype.isComplex) return x;
  notifyInplace(x, 'conj_physical_');
  const im = imagRef(refOf(x), x.dtype);
  backendFor(x.device, x.dtype, 'conj_physical_').unary('neg', im, im, im.dtype);
  bumpVersion(x);
  recordOp('conj_physical_', [x], [x], { inplace: true });
  return x;
}

function checkRealPair(op: string, a: Tensor, b: Tensor, aName: string, bName: string): DType {
  expectTensor(op, aName, 1, a);
  expectTensor(op, bName, 2, b);
  if (a.dtype !== b.dtype) {
    throw new TorchRuntimeError(op, `Expected object of scalar type ${cppName(a.dtype)} but got scalar type ${cppName(b.dtype)} for second argument`);
  }
  if (a.dtype !== float32 && a.dtype !== float64) {
    throw new TorchRuntimeError(op, `Expected both inputs to be Half, Float or Double tensors but got ${cppName(a.dtype)} and ${cppName(b.dtype)}`);
  }
  return toComplexDtype(a.dtype);
}

/**
 * `torch.complex(real, imag)`: a complex tensor from its parts (float32 → complex64,
 * float64 → complex128; both the same dtype, broadcast together).
 * @example
 * ```ts pytorch=core.complex
 * console.log(torch.complex(torch.tensor([1, 0], 'float32'), torch.tensor([2, -1], 'float32')));
 * ```
 * ```text
 * tensor([1.+2.j, 0.-1.j])
 * ```
 */
export function complex(realPart: Tensor, imagPart: Tensor): Tensor {
  const dt = checkRealPair('complex', realPart, imagPart, 'real', 'imag');
  const dev = operandDevice('complex', [realPart, imagPart]);
  const shape = broadcastShapes(realPart._shape, imagPart._shape, 'complex');
  const out = emptyTensor(shape, dt, dev, 'complex');
  const b = backendFor(dev, dt, 'complex');
  const bc = (t: Tensor) => refWith(t, shape, broadcastStrides(t._shape, t._strides, shape, 'complex'));
  b.copy(bc(realPart), refOf(partView(out, 0)));
  b.copy(bc(imagPart), refOf(partView(out, 1)));
  recordOp('complex', [realPart, imagPart], [out], {});
  return out;
}

/**
 * `torch.polar(abs, angle)`: the complex tensor `abs·(cos angle + i·sin angle)`.
 */
export function polar(abs: Tensor, angle: Tensor): Tensor {
  checkRealPair('polar', abs, angle, 'abs', 'angle');
  // recorded as its parts (autograd's node is ComplexBackward0 where PyTorch has PolarBackward0)
  return complex(abs.mul(angle.cos()), abs.mul(angle.sin()));
}

/**
 * `torch.angle(x)`: the argument `atan2(im, re)` of complex elements (a real tensor);
 * for real tensors π where x < 0, 0 elsewhere (NaN stays NaN), as PyTorch.
 */
export function angle(x: Tensor): Tensor {
  expectTensor('angle', 'input', 1, x);
  if (x.dtype.isComplex) {
    const rd = toRealDtype(x.dtype);
    const out = emptyTensor(x._shape, rd, x.device, 'angle');
    backendFor(x.device, rd, 'angle').binary('atan2', refOf(partView(x, 1)), refOf(partView(x, 0)), refOf(out), rd.name);
    recordOp('angle', [x], [out], {});
    return out;
  }
  const fd = x.dtype.isFloatingPoint ? x.dtype : getDefaultDtype();
  return composite('angle', [x], {}, () => {
    const xf = x.dtype === fd ? x : x.to(fd);
    // PyTorch's angle for reals: π for negatives, 0 otherwise, NaN kept
    return xf.where(xf.isnan(), xf.lt(0).to(fd).mul(Math.PI));
  });
}

/** `torch.isreal` of a complex tensor: whether each imaginary part is 0. */
export function isrealComplex(x: Tensor): Tensor {
  return partView(x, 1).eq(0);
}

/** @internal The complex dtypes, for modules that list them. */
export const COMPLEX_DTYPES: readonly DType[] = [complex64, complex128];

/** `sgn` of a complex tensor: `z/|z|`, 0 where z = 0 (in place when `inplace`). */
export function sgnComplex(x: Tensor, inplace: boolean): Tensor {
  const out = inplace ? x : emptyTensor(x._shape, x.dtype, x.device, 'sgn');
  if (inplace) notifyInplace(x, 'sgn_');
  // the kernel's complex `sign` is sgn (core refuses torch.sign for complex before any kernel)
  backendFor(x.device, x.dtype, 'sgn').unary('sign', refOf(x), refOf(out), x.dtype.name);
  if (inplace) bumpVersion(x);
  recordOp(inplace ? 'sgn_' : 'sgn', [x], [out], inplace ? { inplace: true } : {});
  return out;
}
