/// <reference lib="esnext.disposable" />
/**
 * The Tensor: storage + shape + strides + offset, with PyTorch's methods.
 * Methods delegate to the op modules in `ops/`, where each op is defined once.
 */
import { type GradFn, activateView, notifyTensorHook } from './autograd-hook.js';
import { type ComplexDTypeName, type DType, type DTypeLike, type DTypeName, type HostArray, bool, float32, float64, int32, int64, toDType, uint8 } from './dtype.js';
import type { Device, DeviceLike } from './device.js';
import { TorchRuntimeError } from './errors.js';
import { Size, isContiguousLayout, numelOf, wrapDim } from './shape.js';
import type { Storage } from './storage.js';
import * as act from './ops/activation.js';
import * as conv from './ops/conversion.js';
import type { ValuesIndices } from './ops/dispatch.js';
import type { BinaryResultDType, OperandDType } from './ops/result-dtype.js';
import * as ew from './ops/elementwise.js';
import type { TensorOrScalar, AlphaOptions, DivOptions, ValueOptions } from './ops/elementwise.js';
import * as idx from './ops/indexing.js';
import * as la from './ops/linalg.js';
import * as red from './ops/reduction.js';
import type { DimArg, ReduceOptions, VarOptions } from './ops/reduction.js';
import * as vw from './ops/views.js';
import { typeMetaName } from './ops/promotion.js';
import * as rnd from './ops/random.js';
import type { IndexSpec, ShapeArgs } from './ops/views.js';
import * as advIdx from './ops/advanced-index.js';
import type { AdvancedIndexSpec } from './ops/advanced-index.js';
import { type KeepdimArg, boolArg, expectBoolOptions, expectTensor, keywordArgs } from './validate.js';
import { formatPythonFloat, tensorRepr } from './printing/index.js';
import { CATALOGUE } from './ops/catalogue/index.js';
import type { CatalogueMethods } from './ops/generated.js';
import * as ops from './ops/index.js';
import * as cx from './complex/ops.js';
import * as spectral from './fft/stft.js';
import { Complex } from './complex/scalar.js';
import { complexValues } from './complex/create.js';

/** The hook list of tensors without hooks (frozen: shared by all of them). */
const NO_HOOKS: ((grad: Tensor) => Tensor | void)[] = Object.freeze([]) as unknown as ((grad: Tensor) => Tensor | void)[];

/** Nested arrays returned by `tolist()` (complex elements as {@link Complex}). */
export type NestedList = number | boolean | Complex | NestedList[];

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
// Engines without explicit resource management get the symbol TypeScript's and esbuild's `using` helpers use.
(Symbol as { dispose?: symbol }).dispose ??= Symbol.for('Symbol.dispose');

/** A tensor's memory layout (PyTorch's `torch.layout`); Antorcha has dense strided tensors only. */
export interface TensorLayout {
  /** `'strided'`. */
  readonly name: 'strided';
  /** `torch.strided`, as PyTorch prints it. */
  toString(): string;
}
/** `torch.strided`: the layout of every tensor. */
export const strided: TensorLayout = Object.freeze({ name: 'strided' as const, toString: () => 'torch.strided' });

// The methods the op catalogue declares (`x.exp()`, `x.hypot_(y)`, `x.arccos()`, …) are
// typed here and installed on the prototype at the end of this module.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Tensor<D extends DTypeName = DTypeName> extends CatalogueMethods<D> {}

/**
 * A multi-dimensional array on a device, with PyTorch's semantics.
 * Create tensors with `torch.tensor`, `torch.zeros`, `torch.randn`, …
 * @example
 * ```ts pytorch=core.Tensor
 * const x = torch.tensor([[1, 2], [3, 4]], { dtype: 'float32' });
 * const y = x.t().matmul(x);
 * console.log(y);
 * console.log(y.shape, y.dtype);
 * ```
 * ```text
 * tensor([[10., 14.],
 *         [14., 20.]])
 * torch.Size([2, 2]) torch.float32
 * ```
 */
export class Tensor<D extends DTypeName = DTypeName> {
  /** @internal */ _storage: Storage;
  /** @internal */ _shape: number[];
  /** @internal */ _strides: number[];
  /** @internal */ _offset: number;
  /** @internal The tensor whose storage this view shares (null for a base). */
  _base: Tensor | null = null;
  /** @internal The storage version when this view was made (-1: not a view). */
  _viewVersion = -1;
  /** @internal */ _requiresGrad = false;
  /** @internal Set by `retainGrad()` on non-leaf tensors. */
  _retainsGrad = false;
  /** @internal Marks nn.Parameter for printing. */
  _isParameter = false;
  /**
   * @internal Hooks registered with `registerHook` (autograd runs them). Starts as one
   * shared frozen empty list (no array per tensor); the first hook gets its own.
   */
  _hooks: ((grad: Tensor) => Tensor | void)[] = NO_HOOKS;
  /** @internal Extra per-tensor state autograd keeps (output index, version snapshot). */
  _autograd: unknown = null;
  /** @internal PyTorch's conjugate bit: elements read conjugated (see complex/mathbits.ts). */
  _conj = false;
  /** @internal PyTorch's negative bit: elements read negated (see complex/mathbits.ts). */
  _neg = false;

  /** Element type. */
  readonly dtype: DType<D>;
  /** Accumulated gradient (leaf tensors after `backward()`), or null. */
  grad: Tensor | null = null;
  /** The autograd node that produced this tensor, or null for leaves. */
  gradFn: GradFn | null = null;

  /** @internal Use the factories (`torch.tensor`, `torch.zeros`, …). */
  constructor(storage: Storage, shape: number[], strides: number[], offset: number, dtype: DType<D>) {
    this._storage = storage;
    this._shape = shape;
    this._strides = strides;
    this._offset = offset;
    this.dtype = dtype;
  }

  // ------------------------------------------------------------ metadata

  /**
   * The shape as a `torch.Size`.
   * @example
   * ```ts pytorch=core.Tensor.shape
   * const x = torch.zeros(2, 3);
   * console.log(x.shape, x.shape[1], x.shape.numel());
   * ```
   * ```text
   * torch.Size([2, 3]) 3 6
   * ```
   */
  get shape(): Size {
    return Size.of_(this._shape);
  }

  /**
   * `size()` → the shape; `size(dim)` → one dim (negative allowed).
   * @example
   * ```ts pytorch=core.Tensor.size
   * const x = torch.zeros(2, 3);
   * console.log(x.size(), x.size(-1));
   * ```
   * ```text
   * torch.Size([2, 3]) 3
   * ```
   */
  size(): Size;
  size(dim: number): number;
  size(dim?: number): Size | number {
    if (dim === undefined) return this.shape;
    return this._shape[wrapDim(dim, this._shape.length, 'size')]!;
  }

  /** Number of dims. */
  get ndim(): number {
    return this._shape.length;
  }

  /**
   * Number of dims (PyTorch's `dim()`).
   * @example
   * ```ts pytorch=core.Tensor.dim
   * console.log(torch.zeros(2, 3).dim(), torch.tensor(5).dim());
   * ```
   * ```text
   * 2 0
   * ```
   */
  dim(): number {
    return this._shape.length;
  }

  /**
   * Number of elements.
   * @example
   * ```ts pytorch=core.Tensor.numel
   * console.log(torch.zeros(2, 3, 4).numel());
   * ```
   * ```text
   * 24
   * ```
   */
  numel(): number {
    return numelOf(this._shape);
  }

  /**
   * Strides in elements; `stride(dim)` for one dim.
   * @example
   * ```ts pytorch=core.Tensor.stride
   * const x = torch.zeros(2, 3);
   * console.log(x.stride(1), x.t().stride(0));
   * ```
   * ```text
   * 1 1
   * ```
   */
  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number[] | number {
    if (dim === undefined) return [...this._strides];
    return this._strides[wrapDim(dim, this._shape.length, 'stride')]!;
  }

  /** Offset of the first element in the storage, in elements. */
  storageOffset(): number {
    return this._offset;
  }

  /** Whether elements are laid out row-major without gaps. */
  isContiguous(): boolean {
    return isContiguousLayout(this._shape, this._strides);
  }

  /** Bytes per element. */
  elementSize(): number {
    return this.dtype.itemsize;
  }

  /** The device the data lives on. */
  get device(): Device {
    return this._storage.device;
  }

  /** Whether the tensor lives on the CPU. */
  get isCpu(): boolean {
    return this._storage.device.type === 'cpu';
  }

  /** Whether the dtype is floating point. */
  isFloatingPoint(): boolean {
    return this.dtype.isFloatingPoint;
  }

  /** Whether the dtype is complex (`is_complex()`). */
  isComplex(): boolean {
    return this.dtype.isComplex;
  }

  /**
   * The real part, a view sharing storage (the tensor itself for real dtypes). Assigning
   * copies into it, as `x.real = y` does in PyTorch.
   */
  get real(): Tensor {
    return cx.real(this);
  }
  set real(value: Tensor) {
    cx.real(this).copy_(value);
  }

  /** The imaginary part, a view sharing storage (complex dtypes only). Assigning copies into it. */
  get imag(): Tensor {
    return cx.imag(this);
  }
  set imag(value: Tensor) {
    cx.imag(this).copy_(value);
  }

  /** The complex conjugate: a view with the conjugate bit flipped (this tensor for real dtypes), as PyTorch. */
  conj(): Tensor<D> {
    return cx.conj(this) as Tensor<D>;
  }

  /** The conjugate as a new tensor (this tensor for real dtypes). */
  conjPhysical(): Tensor {
    return cx.conjPhysical(this);
  }

  /** Conjugates in place. */
  conjPhysical_(): Tensor {
    return cx.conjPhysical_(this);
  }

  /** A tensor without the conjugate bit holding the same values (this tensor when the bit is unset). */
  resolveConj(): Tensor<D> {
    return cx.resolveConj(this) as Tensor<D>;
  }

  /** Whether the conjugate bit is set (`x.conj()` of a complex tensor). */
  isConj(): boolean {
    return cx.isConj(this);
  }

  /** A tensor without the negative bit holding the same values (this tensor when the bit is unset). */
  resolveNeg(): Tensor {
    return cx.resolveNeg(this);
  }

  /** Always false (no lazy negation bit). */
  isNeg(): boolean {
    return cx.isNeg(this);
  }

  /** Elementwise argument (`atan2(im, re)`; π for negative reals). */
  angle(): Tensor {
    return cx.angle(this);
  }

  /** The storage's version counter (bumped by in-place ops). */
  get _version(): number {
    return this._storage.version;
  }

  // ------------------------------------------------------------ memory

  /**
   * Frees the device memory now instead of when the garbage collector gets to it
   * (GPU memory is invisible to it). Frees the whole storage, so every view of it
   * becomes unusable too; later use raises an error. Idempotent.
   */
  dispose(): void {
    this._storage.dispose();
  }

  /** Whether `dispose()` (or `tidy`) freed this tensor's storage. */
  get isDisposed(): boolean {
    return this._storage.disposed;
  }

  /** `using t = torch.randn(…)` disposes `t` at the end of the block. */
  [Symbol.dispose](): void {
    this._storage.dispose();
  }

  // ------------------------------------------------------------ autograd flags

  /** Whether autograd records ops on this tensor. Only floating-point tensors may require grad. */
  get requiresGrad(): boolean {
    if (this._requiresGrad) return true;
    // A view of a base written in place since (with a value that requires grad) reads that
    // value: it joins the graph, as PyTorch regenerates a view's grad_fn.
    const base = this._base;
    return base !== null && this._viewVersion >= 0 && this._viewVersion !== this._storage.version && base._requiresGrad && activateView(this);
  }
  set requiresGrad(value: boolean) {
    this.requiresGrad_(value);
  }

  /**
   * Sets `requiresGrad` in place (leaves only) and returns this: `true` when omitted; the flag
   * may be given as PyTorch's keyword (`x.requiresGrad_({ requiresGrad: false })`).
   * @example
   * ```ts pytorch=core.Tensor.requiresGrad_
   * const w = torch.ones(2).requiresGrad_();
   * w.mul(3).sum().backward();
   * console.log(w.grad);
   * ```
   * ```text
   * tensor([3., 3.])
   * ```
   */
  requiresGrad_(value?: boolean | { requiresGrad?: boolean }): this {
    const flag = boolArg('requires_grad_', 'requires_grad', 1, keywordArgs('requires_grad_', ['requiresGrad'], [value]).requiresGrad, true);
    if (!this.isLeaf) {
      throw new TorchRuntimeError(
        'requires_grad_',
        'you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn\'t require differentiation use var_no_grad = var.detach().',
      );
    }
    if (flag && !this.dtype.isFloatingPoint && !this.dtype.isComplex) {
      throw new TorchRuntimeError('requires_grad_', 'only Tensors of floating point and complex dtype can require gradients');
    }
    this._requiresGrad = flag;
    return this;
  }

  /** Whether this tensor is a leaf of the graph (no `gradFn`). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** A tensor sharing storage (and its version counter), cut from the graph. Not a view, as in PyTorch. */
  detach(): Tensor<D> {
    const d = new Tensor(this._storage, [...this._shape], [...this._strides], this._offset, this.dtype);
    d._conj = this._conj;
    d._neg = this._neg;
    return d;
  }

  /** Cuts this tensor from the graph in place. */
  detach_(): this {
    this.gradFn = null;
    this._requiresGrad = false;
    return this;
  }

  // ------------------------------------------------------------ reading data

  /**
   * The value of a one-element tensor: a number, a boolean for bool tensors, a `Complex`
   * for complex ones; its type follows the tensor's dtype where it is known statically
   * (see {@link ItemOf}). Synchronous devices only (CPU); on WebGPU use {@link itemAsync}.
   */
  item(): ItemOf<D> {
    checkOneElement(this, 'item');
    const h = conv.hostValues(this, 'item');
    return itemValue(this, h);
  }

  /**
   * {@link item} on any device: awaits the read-back from asynchronous devices (WebGPU).
   * @example
   * ```ts pytorch=core.Tensor.itemAsync
   * const loss = torch.tensor([0.5, 1.5]).square().mean(); // on WebGPU as well
   * console.log(await loss.itemAsync());
   * ```
   * ```text
   * 1.25
   * ```
   */
  async itemAsync(): Promise<ItemOf<D>> {
    checkOneElement(this, 'item');
    return itemValue(this, await conv.readValues(this));
  }

  /**
   * The data as nested arrays (a number for 0-dim tensors). Synchronous devices only
   * (CPU); on WebGPU use {@link tolistAsync}.
   * @example
   * ```ts
   * console.log(torch.tensor([[1, 2], [3, 4]]).tolist());
   * console.log(torch.tensor(2.5).tolist());
   * ```
   * ```text
   * [ [ 1, 2 ], [ 3, 4 ] ]
   * 2.5
   * ```
   */
  tolist(): NestedList {
    const h = conv.hostValues(this, 'tolist');
    if (this.dtype.isComplex) return conv.nestValues(complexValues(h) as unknown as number[], this._shape, false);
    return conv.nestValues(h, this._shape, this.dtype === bool);
  }

  /** {@link tolist} on any device: awaits the read-back from asynchronous devices (WebGPU). */
  async tolistAsync(): Promise<NestedList> {
    const h = await conv.readValues(this);
    if (this.dtype.isComplex) return conv.nestValues(complexValues(h) as unknown as number[], this._shape, false);
    return conv.nestValues(h, this._shape, this.dtype === bool);
  }

  /**
   * A row-major copy of the data as a typed array of values, on any device: int64 as a
   * Float64Array, and float16/bfloat16 as a Float32Array of their values (every 16-bit
   * float is exactly a float32), not their bit patterns (those come from core's `readStorage`).
   */
  async data(): Promise<HostArray> {
    return conv.readValues(this);
  }

  /**
   * A row-major copy of the data, synchronously (CPU tensors; on WebGPU use {@link data}):
   * values as {@link data} gives them (float16/bfloat16 as a Float32Array of values).
   */
  dataSync(): HostArray {
    return conv.hostValues(this, 'dataSync');
  }

  // ------------------------------------------------------------ printing

  /** PyTorch's `repr(tensor)`, byte for byte. */
  toString(): string {
    return tensorRepr(this._printable(conv.hostValues(this, 'toString')));
  }

  /** `toString()` for tensors on asynchronous devices. */
  async toStringAsync(): Promise<string> {
    return tensorRepr(this._printable(await conv.readValues(this)));
  }

  /** @internal */
  _printable(values: ArrayLike<number>) {
    return {
      shape: this._shape,
      dtype: this.dtype.name,
      values,
      device: this.device.type === 'cpu' ? 'cpu' : String(this.device),
      requiresGrad: this._requiresGrad,
      gradFnName: this.gradFn ? this.gradFn.name() : null,
      isParameter: this._isParameter,
    };
  }

  /** @internal `console.log(t)` prints the repr. */
  [inspectSymbol](): string {
    if (!this._storage.backend.syncRead) return `tensor(<${this._shape.join('x')} on ${this.device}: await t.toStringAsync()>)`;
    return this.toString();
  }

  /**
   * Template literals on a 0-dim tensor give its number as Python's f-string does
   * (`0.2405461221933365`); other tensors give the repr. Arithmetic hints give the number.
   */
  [Symbol.toPrimitive](hint: string): string | number | boolean {
    if (hint === 'number') {
      checkOneElement(this, 'item');
      // Python's float() of a complex tensor (PyTorch's text)
      if (this.dtype.isComplex) throw new TorchRuntimeError('Number', 'value cannot be converted to type double without overflow');
      return Number(conv.hostValues(this, 'Number')[0]!);
    }
    if (this._shape.length === 0 && this._storage.backend.syncRead) {
      const v = this.item();
      if (typeof v === 'boolean') return v ? 'True' : 'False';
      if (v instanceof Complex) return v.toString();
      return this.dtype.isFloatingPoint ? formatPythonFloat(v) : String(v);
    }
    return this.toString();
  }

  // ------------------------------------------------------------ conversion

  /**
   * `to(dtype)`, `to(device)`, `to(device, dtype)` or `to(otherTensor)`: a converted
   * copy, or this tensor when nothing changes.
   * @example
   * ```ts pytorch=core.Tensor.to
   * const x = torch.tensor([1.7, -2.5]);
   * console.log(x.to('int64')); // truncates toward zero, as PyTorch's casts
   * console.log(x.to('cpu', 'float64'));
   * console.log(x.to(torch.tensor([true])));
   * ```
   * ```text
   * tensor([ 1, -2])
   * tensor([ 1.7000, -2.5000], dtype=torch.float64)
   * tensor([True, True])
   * ```
   */
  to<N extends DTypeName>(dtype: DTypeLike<N>): Tensor<N>;
  to<N extends DTypeName>(device: DeviceLike, dtype: DTypeLike<N>): Tensor<N>;
  to(device: DeviceLike): Tensor<D>;
  to<N extends DTypeName>(other: Tensor<N>): Tensor<N>;
  to(target: DTypeLike | DeviceLike | Tensor, dtype?: DTypeLike): Tensor;
  to(target: DTypeLike | DeviceLike | Tensor, dtype?: DTypeLike): Tensor {
    if (target instanceof Tensor) return conv.toDeviceSync(this, target.device, target.dtype);
    if (isDtypeLike(target)) return conv.toDtype(this, target);
    return conv.toDeviceSync(this, target as DeviceLike, dtype !== undefined ? toDType(dtype) : undefined);
  }

  /**
   * Like `to(device, dtype)`, awaiting the read-back from asynchronous devices:
   * `await t.toAsync('cpu')` brings a WebGPU tensor to the CPU.
   */
  toAsync(device: DeviceLike): Promise<Tensor<D>>;
  toAsync<N extends DTypeName>(device: DeviceLike, dtype: DTypeLike<N>): Promise<Tensor<N>>;
  toAsync(device: DeviceLike, dtype?: DTypeLike): Promise<Tensor>;
  toAsync(device: DeviceLike, dtype?: DTypeLike): Promise<Tensor> {
    return conv.toDeviceAsync(this, device, dtype !== undefined ? toDType(dtype) : undefined);
  }

  /** Copy on the CPU (synchronous devices; from WebGPU use `await t.toAsync('cpu')`). */
  cpu(): Tensor<D> {
    return this.to('cpu');
  }
  /** Cast to float32. */
  float(): Tensor<'float32'> {
    return conv.toDtype(this, float32) as Tensor<'float32'>;
  }
  /** Cast to float64. */
  double(): Tensor<'float64'> {
    return conv.toDtype(this, float64) as Tensor<'float64'>;
  }
  /** Cast to int32. */
  int(): Tensor<'int32'> {
    return conv.toDtype(this, int32) as Tensor<'int32'>;
  }
  /** Cast to int64. */
  long(): Tensor<'int64'> {
    return conv.toDtype(this, int64) as Tensor<'int64'>;
  }
  /** Cast to uint8. */
  byte(): Tensor<'uint8'> {
    return conv.toDtype(this, uint8) as Tensor<'uint8'>;
  }
  /** Cast to bool. */
  bool(): Tensor<'bool'> {
    return conv.toDtype(this, bool) as Tensor<'bool'>;
  }
  /**
   * Cast to float16 (`torch.half`), rounding to nearest even through float32 as PyTorch does.
   * @example
   * ```ts pytorch=core.Tensor.half
   * const x = torch.tensor([1, 2.5, 0.1], 'float32').half();
   * console.log(x); // 0.1 rounds to the nearest float16
   * console.log(x.float());
   * ```
   * ```text
   * tensor([1.0000, 2.5000, 0.1000], dtype=torch.float16)
   * tensor([1.0000, 2.5000, 0.1000])
   * ```
   */
  half(): Tensor<'float16'> {
    return conv.toDtype(this, 'float16') as Tensor<'float16'>;
  }
  /**
   * Cast to bfloat16, rounding to nearest even through float32 as PyTorch does.
   * @example
   * ```ts pytorch=core.Tensor.bfloat16
   * console.log(torch.tensor([0.1, 300], 'float32').bfloat16()); // 8 significant bits
   * ```
   * ```text
   * tensor([1.0010e-01, 3.0000e+02], dtype=torch.bfloat16)
   * ```
   */
  bfloat16(): Tensor<'bfloat16'> {
    return conv.toDtype(this, 'bfloat16') as Tensor<'bfloat16'>;
  }
  /** `torch.stft(this, nFft, opts)` as a method (`x.stft(n_fft, …)`). */
  stft(nFft: number, opts?: spectral.StftOptions): Tensor {
    return spectral.stft(this, nFft, opts);
  }
  /** `torch.istft(this, nFft, opts)` as a method (`x.istft(n_fft, …)`). */
  istft(nFft: number, opts?: spectral.IstftOptions): Tensor {
    return spectral.istft(this, nFft, opts);
  }
  /** Cast to complex64 (`x.cfloat()`); real values get a zero imaginary part. */
  cfloat(): Tensor<'complex64'> {
    return conv.toDtype(this, 'complex64') as Tensor<'complex64'>;
  }
  /** Cast to complex128 (`x.cdouble()`); real values get a zero imaginary part. */
  cdouble(): Tensor<'complex128'> {
    return conv.toDtype(this, 'complex128') as Tensor<'complex128'>;
  }
  /** Cast to `dtype` (PyTorch's `type(dtype)`). */
  type<N extends DTypeName>(dtype: DTypeLike<N>): Tensor<N> {
    return conv.toDtype(this, dtype) as Tensor<N>;
  }

  // ------------------------------------------------------------ views

  /** A view with another shape (`-1` infers one dim). */
  view(...shape: ShapeArgs): Tensor<D> {
    return vw.view(this, ...shape) as Tensor<D>;
  }
  /** A view with `other`'s shape. */
  viewAs(other: Tensor): Tensor<D> {
    expectTensor('view_as', 'other', 1, other);
    return vw.view(this, other._shape) as Tensor<D>;
  }
  /** A view when strides allow, otherwise a copy. */
  reshape(...shape: ShapeArgs): Tensor<D> {
    return vw.reshape(this, ...shape) as Tensor<D>;
  }
  /** Reshape to `other`'s shape. */
  reshapeAs(other: Tensor): Tensor<D> {
    expectTensor('reshape_as', 'other', 1, other);
    return vw.reshape(this, other._shape) as Tensor<D>;
  }
  /** Reorders dims. */
  permute(...dims: ShapeArgs): Tensor<D> {
    return vw.permute(this, ...dims) as Tensor<D>;
  }
  /** Swaps two dims. */
  transpose(dim0: number, dim1: number): Tensor<D> {
    return vw.transpose(this, dim0, dim1) as Tensor<D>;
  }
  /** Alias of `transpose`. */
  swapaxes(dim0: number, dim1: number): Tensor<D> {
    return vw.transpose(this, dim0, dim1) as Tensor<D>;
  }
  /** Transpose of a ≤2-D tensor. */
  t(): Tensor<D> {
    return vw.t(this) as Tensor<D>;
  }
  /** Transpose of a 2-D tensor (`.T`); reverses dims for other ranks. */
  get T(): Tensor<D> {
    // PyTorch implements `.T` as a permute of all dims (PermuteBackward0), not `t()`.
    return vw.permute(this, this._shape.map((_, i) => this._shape.length - 1 - i)) as Tensor<D>;
  }
  /** Transpose of the last two dims (`.mT`). */
  get mT(): Tensor<D> {
    return vw.transpose(this, -2, -1) as Tensor<D>;
  }
  /** The median of all elements (the lower one of an even count; NaN propagates). */
  median(): Tensor;
  /** The median along `dim` and where it is: `torch.return_types.median(values, indices)`. */
  median(dim: number, keepdim?: KeepdimArg): ValuesIndices;
  median(dim?: number | null, keepdim: KeepdimArg = false): Tensor | ValuesIndices {
    return ops.median(this, dim, keepdim);
  }
  /** The median ignoring NaN, of all elements. */
  nanmedian(): Tensor;
  /** The median ignoring NaN along `dim`: `torch.return_types.nanmedian(values, indices)`. */
  nanmedian(dim: number, keepdim?: KeepdimArg): ValuesIndices;
  nanmedian(dim?: number | null, keepdim: KeepdimArg = false): Tensor | ValuesIndices {
    return ops.nanmedian(this, dim, keepdim);
  }
  /** Conjugate transpose of a matrix (`.H`; the transpose for real dtypes): a view. */
  get H(): Tensor<D> {
    const n = this._shape.length;
    if (n !== 0 && n !== 2) {
      throw new TorchRuntimeError('H', `tensor.H is only supported on matrices (2-D tensors). Got ${n}-D tensor.${n > 2 ? ' For batches of matrices, consider using tensor.mH' : ''}`);
    }
    return (n === 0 ? vw.transpose(this, 0, 0) : vw.transpose(this, -2, -1)).conj() as Tensor<D>;
  }
  /** Conjugate transpose of the last two dims (`.mH`; the transpose for real dtypes): a view. */
  get mH(): Tensor<D> {
    if (this._shape.length === 1) throw new TorchRuntimeError('mH', 'tensor.mH is only supported on matrices or batches of matrices. Got 1-D tensor.');
    return (this._shape.length === 0 ? vw.transpose(this, 0, 0) : vw.transpose(this, -2, -1)).conj() as Tensor<D>;
  }
  /** Memory layout: always `torch.strided` (dense tensors with strides). */
  get layout(): typeof strided {
    return strided;
  }
  /**
   * Iterates over dim 0, as Python's `for row in x`. A 0-d tensor is not iterable, as in
   * PyTorch: the property is undefined for it, so `for…of` raises JavaScript's TypeError
   * and tools that probe `Symbol.iterator` (deep-equality and pretty-printers) see a
   * plain object instead of recursing into it.
   */
  get [Symbol.iterator](): () => Iterator<Tensor> {
    // Typed as always present (like Python, a 0-d tensor fails at run time, not in the type).
    if (this._shape.length === 0) return undefined as unknown as () => Iterator<Tensor>;
    return function* (this: Tensor): Iterator<Tensor> {
      for (let i = 0; i < this._shape[0]!; i++) yield vw.select(this, 0, i);
    };
  }
  /** Moves dims to new positions. */
  movedim(source: number | readonly number[], destination: number | readonly number[]): Tensor<D> {
    return vw.movedim(this, source, destination) as Tensor<D>;
  }
  /** Broadcast view to a larger shape. */
  expand(...shape: ShapeArgs): Tensor<D> {
    return vw.expand(this, ...shape) as Tensor<D>;
  }
  /** Broadcast view to `other`'s shape. */
  expandAs(other: Tensor): Tensor<D> {
    return vw.expandAs(this, other) as Tensor<D>;
  }
  /** Removes size-1 dims. */
  squeeze(dim?: number | readonly number[]): Tensor<D> {
    return vw.squeeze(this, dim) as Tensor<D>;
  }
  /** Inserts a size-1 dim. */
  unsqueeze(dim: number): Tensor<D> {
    return vw.unsqueeze(this, dim) as Tensor<D>;
  }
  /** Flattens dims startDim..endDim. */
  flatten(startDim = 0, endDim = -1): Tensor<D> {
    return vw.flatten(this, startDim, endDim) as Tensor<D>;
  }
  /** Splits one dim into several. */
  unflatten(dim: number, sizes: readonly number[]): Tensor<D> {
    return vw.unflatten(this, dim, sizes) as Tensor<D>;
  }
  /** Slice of `length` elements of `dim` from `start`: a view. */
  narrow(dim: number, start: number, length: number): Tensor<D> {
    return vw.narrow(this, dim, start, length) as Tensor<D>;
  }
  /** Picks one index of a dim (removing it): a view. */
  select(dim: number, index: number): Tensor<D> {
    return vw.select(this, dim, index) as Tensor<D>;
  }
  /** Views along `dim`, one per index. */
  unbind(dim = 0): Tensor<D>[] {
    return vw.unbind(this, dim) as Tensor<D>[];
  }
  /**
   * Python-style indexing: ints, slice strings (`'1:3'`, `'::2'`), `null`, `'...'` give a
   * view; integer or boolean tensors among them index as PyTorch's advanced indexing (a copy).
   * @example
   * ```ts pytorch=core.Tensor.index
   * const x = torch.arange(9).reshape([3, 3]);
   * console.log(x.index(':', '1:3'));                // x[:, 1:3]
   * console.log(x.index(x.gt(5)));                   // x[x > 5]
   * console.log(x.index(':', torch.tensor([2, 0]))); // x[:, [2, 0]]
   * ```
   * ```text
   * tensor([[1, 2],
   *         [4, 5],
   *         [7, 8]])
   * tensor([6, 7, 8])
   * tensor([[2, 0],
   *         [5, 3],
   *         [8, 6]])
   * ```
   */
  index(...specs: AdvancedIndexSpec[]): Tensor<D> {
    return vw.index(this, ...specs) as Tensor<D>;
  }
  /**
   * {@link index} on any device: boolean masks and index ranges are read back
   * asynchronously first (use it on WebGPU, where `index` with a mask cannot read).
   */
  indexAsync(...specs: AdvancedIndexSpec[]): Promise<Tensor> {
    return advIdx.indexAsync(this, ...specs);
  }
  /** A view with explicit size, stride and offset. */
  asStrided(size: readonly number[], stride: readonly number[], storageOffset?: number): Tensor {
    return vw.asStrided(this, size, stride, storageOffset);
  }
  /** This tensor if contiguous, else a contiguous copy. */
  contiguous(): Tensor<D> {
    return vw.contiguous(this) as Tensor<D>;
  }
  /** A contiguous copy. */
  clone(): Tensor<D> {
    return vw.clone(this) as Tensor<D>;
  }
  /** Resizes in place; keeps the data that fits. */
  resize_(...shape: ShapeArgs): this {
    vw.resize_(this, ...shape);
    return this;
  }

  // ------------------------------------------------------------ in-place basics

  /**
   * PyTorch's `t.data = source` (the name `data` is taken by the async reader here):
   * this tensor object takes over source's storage, layout, dtype and device, keeping
   * its identity, `requiresGrad` and `grad`. Modules use it to convert parameters in place.
   */
  setData_(source: Tensor): this {
    if (!(source instanceof Tensor)) throw new TorchRuntimeError('set_data', `setData_(): expected a Tensor, got ${typeof source}`);
    this._storage = source._storage;
    this._shape = [...source._shape];
    this._strides = [...source._strides];
    this._offset = source._offset;
    (this as { dtype: DType }).dtype = source.dtype;
    return this;
  }

  /** Shares source's storage and layout (PyTorch's `set_`); dtypes must match. */
  set_(source: Tensor): this {
    expectTensor('set_', 'source', 1, source);
    if (source.dtype !== this.dtype) {
      throw new TorchRuntimeError('set_', `Could not set tensor of type ${typeMetaName(source.dtype)} to a tensor of type ${typeMetaName(this.dtype)}`);
    }
    return this.setData_(source);
  }


  /** Copies `src` into this tensor (broadcasting, casting). */
  copy_(src: Tensor): this {
    conv.copy_(this, src);
    return this;
  }
  /**
   * Fills with a value.
   * @example
   * ```ts pytorch=core.Tensor.fill_
   * const x = torch.zeros(2, 2);
   * x.fill_(7);
   * console.log(x);
   * ```
   * ```text
   * tensor([[7., 7.],
   *         [7., 7.]])
   * ```
   */
  fill_(value: number | boolean | Complex | Tensor): this {
    conv.fill_(this, value);
    return this;
  }
  /** Fills with zeros. */
  zero_(): this {
    conv.zero_(this);
    return this;
  }

  // ------------------------------------------------------------ elementwise

  /** `this + alpha * other`. */
  add<O extends TensorOrScalar>(other: O, opts?: AlphaOptions): Tensor<BinaryResultDType<'same', D, OperandDType<O>>> {
    return ew.add(this, other, opts) as never;
  }
  /** `this - alpha * other`. */
  sub<O extends TensorOrScalar>(other: O, opts?: AlphaOptions): Tensor<BinaryResultDType<'same', D, OperandDType<O>>> {
    return ew.sub(this, other, opts) as never;
  }
  /** `this / other` (true division unless `roundingMode`). */
  div<O extends TensorOrScalar>(other: O, opts?: DivOptions): Tensor<BinaryResultDType<'float', D, OperandDType<O>>> {
    return ew.div(this, other, opts) as never;
  }
  /** `this + value * t1 * t2`. */
  addcmul(t1: Tensor, t2: Tensor, opts?: ValueOptions): Tensor {
    return ew.addcmul(this, t1, t2, opts);
  }
  /** `this + value * t1 / t2`. */
  addcdiv(t1: Tensor, t2: Tensor, opts?: ValueOptions): Tensor {
    return ew.addcdiv(this, t1, t2, opts);
  }
  /** Linear interpolation toward `end`. */
  lerp(end: Tensor, weight: TensorOrScalar): Tensor {
    return ew.lerp(this, end, weight);
  }
  /** Clamps into [min, max]. */
  clamp(min?: TensorOrScalar | null, max?: TensorOrScalar | null): Tensor {
    return ew.clamp(this, min, max);
  }
  /** Alias of `clamp`. */
  clip(min?: TensorOrScalar | null, max?: TensorOrScalar | null): Tensor {
    return ew.clamp(this, min, max);
  }
  /** Same shape and elements (a JS boolean). */
  equal(other: Tensor): boolean {
    return ew.equal(this, other);
  }
  /** `cond ? this : other` (PyTorch's `x.where(cond, y)`). */
  where(condition: Tensor, other: TensorOrScalar): Tensor {
    return ew.where(condition, this, other);
  }

  // in-place arithmetic
  /** In-place `this += alpha * other`. */
  add_(other: TensorOrScalar, opts?: AlphaOptions): this {
    ew.addInplace('add_', this, other, opts?.alpha ?? 1);
    return this;
  }
  /** In-place `this -= alpha * other`. */
  sub_(other: TensorOrScalar, opts?: AlphaOptions): this {
    ew.addInplace('sub_', this, other, opts?.alpha ?? 1);
    return this;
  }
  /** In-place `this /= other`. */
  div_(other: TensorOrScalar, opts?: DivOptions): this {
    const mode = opts?.roundingMode ?? null;
    if (mode === 'trunc') ew.binaryInplace('div_', 'truncDivide', this, other, 'same', { roundingMode: mode });
    else if (mode === 'floor') ew.binaryInplace('div_', 'floorDivide', this, other, 'same', { roundingMode: mode });
    else ew.binaryInplace('div_', 'div', this, other, 'float');
    return this;
  }
  /** In-place clamp. */
  clamp_(min?: TensorOrScalar | null, max?: TensorOrScalar | null): this {
    ew.clamp_(this, min, max);
    return this;
  }
  /** In-place `this + value * t1 * t2`. */
  addcmul_(t1: Tensor, t2: Tensor, opts?: ValueOptions): this {
    ew.addcInplace('addcmul_', this, t1, t2, opts);
    return this;
  }
  /** In-place `this + value * t1 / t2`. */
  addcdiv_(t1: Tensor, t2: Tensor, opts?: ValueOptions): this {
    ew.addcInplace('addcdiv_', this, t1, t2, opts);
    return this;
  }
  /** In-place lerp toward `end`. */
  lerp_(end: Tensor, weight: TensorOrScalar): this {
    return this.copy_(ew.lerp(this, end, weight));
  }
  /** In-place masked fill. */
  maskedFill_(mask: Tensor, value: number | boolean | Complex | Tensor): this {
    idx.maskedFill_(this, mask, value);
    return this;
  }
  /** In-place scatter. */
  scatter_(dim: number, index: Tensor, src: Tensor | number | boolean, opts?: idx.ScatterOptions): this {
    idx.scatter_(this, dim, index, src, opts);
    return this;
  }
  /** In-place scatter-add. */
  scatterAdd_(dim: number, index: Tensor, src: Tensor): this {
    idx.scatterAdd_(this, dim, index, src);
    return this;
  }

  // ------------------------------------------------------------ random fills (PyTorch's exact streams)

  /** Fills with uniform samples on [from, to). */
  uniform_(from = 0, to = 1, opts?: rnd.GeneratorOptions): this {
    rnd.uniform_(this, from, to, opts);
    return this;
  }
  /** Fills with normal samples. */
  normal_(mean = 0, std = 1, opts?: rnd.GeneratorOptions): this {
    rnd.normal_(this, mean, std, opts);
    return this;
  }
  /** Fills with uniform integers: `random_()`, `random_(to)`, `random_(from, to)`. */
  random_(from?: number | bigint | null, to?: number | bigint | null, opts?: rnd.GeneratorOptions): this {
    rnd.random_(this, from, to, opts);
    return this;
  }
  /** Fills with Bernoulli draws of probability `p`. */
  bernoulli_(p?: number | Tensor | (rnd.GeneratorOptions & { p?: number | Tensor }), opts?: rnd.GeneratorOptions): this {
    rnd.bernoulli_(this, p, opts);
    return this;
  }
  /** Fills with exponential draws of rate `lambd`. */
  exponential_(lambd = 1, opts?: rnd.GeneratorOptions): this {
    rnd.exponential_(this, lambd, opts);
    return this;
  }
  /** Bernoulli samples with this tensor's probabilities. */
  bernoulli(opts?: rnd.GeneratorOptions): Tensor {
    return rnd.bernoulli(this, opts);
  }
  /** Category samples from this tensor's weights. */
  multinomial(numSamples: number, replacement?: boolean | rnd.MultinomialOptions, opts?: rnd.GeneratorOptions): Tensor {
    return rnd.multinomial(this, numSamples, replacement, opts);
  }

  // ------------------------------------------------------------ reductions

  /** Sum over dims (all when omitted). */
  sum(dim?: DimArg, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
    return red.sum(this, dim, keepdim, opts);
  }
  /** Sum treating NaN as 0. */
  nansum(dim?: DimArg, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
    return red.nansum(this, dim, keepdim, opts);
  }
  /** Mean over dims. */
  mean(dim?: DimArg, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
    return red.mean(this, dim, keepdim, opts);
  }
  /** Product over a dim (all when omitted). */
  prod(dim?: number | null, keepdim?: boolean | ReduceOptions, opts?: ReduceOptions): Tensor {
    return red.prod(this, dim, keepdim, opts);
  }
  /** Maximum; with `dim`, `[values, indices]`; with a tensor, elementwise maximum. */
  max(): Tensor;
  max(dim: number, keepdim?: KeepdimArg): ValuesIndices;
  max(other: Tensor): Tensor;
  max(dimOrOther?: number | Tensor, keepdim: KeepdimArg = false): Tensor | ValuesIndices {
    return dimOrOther instanceof Tensor ? ew.maximum(this, dimOrOther) : dimOrOther === undefined ? red.max(this) : red.max(this, dimOrOther, keepdim);
  }
  /** Minimum; with `dim`, `[values, indices]`; with a tensor, elementwise minimum. */
  min(): Tensor;
  min(dim: number, keepdim?: KeepdimArg): ValuesIndices;
  min(other: Tensor): Tensor;
  min(dimOrOther?: number | Tensor, keepdim: KeepdimArg = false): Tensor | ValuesIndices {
    return dimOrOther instanceof Tensor ? ew.minimum(this, dimOrOther) : dimOrOther === undefined ? red.min(this) : red.min(this, dimOrOther, keepdim);
  }
  /** Maximum values over dims. */
  amax(dim?: DimArg, keepdim: KeepdimArg = false): Tensor {
    return red.amax(this, dim ?? [], keepdim);
  }
  /** Minimum values over dims. */
  amin(dim?: DimArg, keepdim: KeepdimArg = false): Tensor {
    return red.amin(this, dim ?? [], keepdim);
  }
  /** Index of the maximum. */
  argmax(dim?: number | null, keepdim: KeepdimArg = false): Tensor<'int64'> {
    return red.argmax(this, dim, keepdim) as Tensor<'int64'>;
  }
  /** Index of the minimum. */
  argmin(dim?: number | null, keepdim: KeepdimArg = false): Tensor<'int64'> {
    return red.argmin(this, dim, keepdim) as Tensor<'int64'>;
  }
  /** Variance (correction 1 unless given). */
  var(dim?: DimArg, opts?: VarOptions | boolean): Tensor {
    return red.variance(this, dim, opts);
  }
  /** Standard deviation (correction 1 unless given). */
  std(dim?: DimArg, opts?: VarOptions | boolean): Tensor {
    return red.std(this, dim, opts);
  }
  /** Stable log Σ exp. */
  logsumexp(dim: DimArg, keepdim: KeepdimArg = false): Tensor {
    return red.logsumexp(this, dim, keepdim);
  }
  /** Vector p-norm. */
  norm(p: number | 'fro' = 'fro', dim?: DimArg, keepdim: KeepdimArg = false): Tensor {
    return red.norm(this, p, dim, keepdim);
  }
  /** Whether all elements are nonzero (bool; uint8 for uint8 input, as PyTorch). */
  all(dim?: DimArg, keepdim: KeepdimArg = false): Tensor<D extends 'uint8' ? 'uint8' : 'bool'> {
    return red.all(this, dim, keepdim) as never;
  }
  /** Whether any element is nonzero (bool; uint8 for uint8 input, as PyTorch). */
  any(dim?: DimArg, keepdim: KeepdimArg = false): Tensor<D extends 'uint8' ? 'uint8' : 'bool'> {
    return red.any(this, dim, keepdim) as never;
  }

  // ------------------------------------------------------------ linear algebra

  /** Matrix product of 2-D tensors. */
  mm(other: Tensor): Tensor {
    return la.mm(this, other);
  }
  /** Batched matrix product. */
  bmm(other: Tensor): Tensor {
    return la.bmm(this, other);
  }
  /** `torch.matmul` (the `@` operator). */
  matmul(other: Tensor): Tensor {
    return la.matmul(this, other);
  }
  /** Dot product of 1-D tensors. */
  dot(other: Tensor): Tensor {
    return la.dot(this, other);
  }
  /** Matrix-vector product. */
  mv(vec: Tensor): Tensor {
    return la.mv(this, vec);
  }
  /** Outer product. */
  outer(other: Tensor): Tensor {
    return la.outer(this, other);
  }

  // ------------------------------------------------------------ softmax

  /** Softmax along a dim. */
  softmax(dim: number, opts?: act.SoftmaxOptions): Tensor {
    return act.softmax(this, dim, opts);
  }
  /** Log-softmax along a dim. */
  logSoftmax(dim: number, opts?: act.SoftmaxOptions): Tensor {
    return act.logSoftmax(this, dim, opts);
  }

  // ------------------------------------------------------------ indexing ops

  /** Gather along a dim. */
  gather(dim: number, index: Tensor): Tensor {
    return idx.gather(this, dim, index);
  }
  /** Scatter (out of place). */
  scatter(dim: number, index: Tensor, src: Tensor | number | boolean, opts?: idx.ScatterOptions): Tensor {
    return idx.scatter(this, dim, index, src, opts);
  }
  /** Scatter-add (out of place). */
  scatterAdd(dim: number, index: Tensor, src: Tensor): Tensor {
    return idx.scatterAdd(this, dim, index, src);
  }
  /** Select entries of a dim. */
  indexSelect(dim: number, index: Tensor): Tensor {
    return idx.indexSelect(this, dim, index);
  }
  /** Fill where mask is true. */
  maskedFill(mask: Tensor, value: number | boolean | Complex | Tensor): Tensor {
    return idx.maskedFill(this, mask, value);
  }
  /** Elements where mask is true (1-D). */
  maskedSelect(mask: Tensor): Tensor {
    return idx.maskedSelect(this, mask);
  }
  /** Coordinates of nonzero elements. */
  nonzero(): Tensor {
    return idx.nonzero(this);
  }
  /** Sort along a dim: `[values, indices]`. */
  sort(dim = -1, descending?: boolean | idx.SortOptions, opts?: idx.SortOptions): ValuesIndices {
    return idx.sort(this, dim, descending, opts);
  }
  /** Indices that sort along a dim. */
  argsort(dim = -1, descending?: boolean | idx.SortOptions, opts?: idx.SortOptions): Tensor {
    return idx.argsort(this, dim, descending, opts);
  }
  /** k largest (or smallest) along a dim. */
  topk(k: number, dim = -1, largest?: boolean | idx.TopkOptions, sorted?: boolean | idx.TopkOptions): ValuesIndices {
    return idx.topk(this, k, dim, largest, sorted);
  }
  /** Reverse along dims. */
  flip(dims: number | readonly number[]): Tensor<D> {
    return idx.flip(this, dims) as Tensor<D>;
  }
  /** Roll along dims. */
  roll(shifts: number | readonly number[], dims?: number | readonly number[]): Tensor<D> {
    return idx.roll(this, shifts, dims) as Tensor<D>;
  }
  /** Repeat along each dim. */
  repeat(...sizes: (number | readonly number[])[]): Tensor<D> {
    return idx.repeat(this, ...sizes) as Tensor<D>;
  }
  /** Tile (repeat with leading 1s). */
  tile(dims: readonly number[]): Tensor<D> {
    return idx.tile(this, dims) as Tensor<D>;
  }
  /** Lower triangle. */
  tril(diagonal = 0): Tensor<D> {
    return idx.tril(this, diagonal) as Tensor<D>;
  }
  /** Upper triangle. */
  triu(diagonal = 0): Tensor<D> {
    return idx.triu(this, diagonal) as Tensor<D>;
  }
  /** Split into chunks along a dim. */
  split(splitSizeOrSections: number | readonly number[], dim = 0): Tensor<D>[] {
    return idx.split(this, splitSizeOrSections, dim) as Tensor<D>[];
  }
  /** Split into `chunks` pieces along a dim. */
  chunk(chunks: number, dim = 0): Tensor<D>[] {
    return idx.chunk(this, chunks, dim) as Tensor<D>[];
  }

  // ------------------------------------------------------------ autograd entry points

  /**
   * Keeps `.grad` for this non-leaf tensor after backward.
   * @example
   * ```ts pytorch=core.Tensor.retainGrad
   * const x = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
   * const y = x.mul(2);
   * y.retainGrad();
   * y.square().sum().backward();
   * console.log(y.grad, x.grad);
   * ```
   * ```text
   * tensor([4., 8.]) tensor([ 8., 16.])
   * ```
   */
  retainGrad(): void {
    if (!this._requiresGrad && this.gradFn === null) {
      throw new TorchRuntimeError('retain_grad', "can't retain_grad on Tensor that has requires_grad=False");
    }
    this._retainsGrad = true;
    notifyTensorHook(this);
  }

  /**
   * Registers a hook called with this tensor's gradient; returns a remover.
   * @example
   * ```ts pytorch=core.Tensor.registerHook
   * const x = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
   * const handle = x.registerHook((g) => g.mul(10)); // replaces the gradient
   * x.sum().backward();
   * console.log(x.grad);
   * handle.remove();
   * ```
   * ```text
   * tensor([10., 10.])
   * ```
   */
  registerHook(hook: (grad: Tensor) => Tensor | void): { remove(): void } {
    if (!this._requiresGrad && this.gradFn === null) {
      throw new TorchRuntimeError('register_hook', "cannot register a hook on a tensor that doesn't require gradient");
    }
    if (this._hooks === NO_HOOKS) this._hooks = [];
    this._hooks.push(hook);
    notifyTensorHook(this);
    return { remove: () => void (this._hooks = this._hooks.filter((h) => h !== hook)) };
  }

  /**
   * Backpropagates from this tensor; installed by `@antorcha/autograd`.
   * @example
   * ```ts pytorch=core.Tensor.backward
   * const x = torch.tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
   * x.pow(2).sum().backward();
   * console.log(x.grad); // d(Σx²)/dx = 2x
   * x.mul(2).backward(torch.tensor([1, 0, 1], { dtype: 'float32' })); // a non-scalar needs the gradient of its output
   * console.log(x.grad); // accumulated
   * ```
   * ```text
   * tensor([2., 4., 6.])
   * tensor([4., 4., 8.])
   * ```
   */
  backward(
    gradient?: Tensor | null | { gradient?: Tensor | null; retainGraph?: boolean; createGraph?: boolean; inputs?: Tensor[] },
    opts?: { retainGraph?: boolean; createGraph?: boolean; inputs?: Tensor[] },
  ): void {
    if (backwardImpl === null) throw new TorchRuntimeError('backward', 'backward(): autograd is not installed (import "antorcha" or "@antorcha/autograd")');
    // PyTorch's keywords may come as one options object in the place of `gradient`
    const kw = keywordArgs('backward', ['gradient'], [gradient, opts], ['retainGraph', 'createGraph', 'inputs']);
    expectBoolOptions('backward', kw, ['retainGraph', 'createGraph']);
    const { gradient: g, ...rest } = kw;
    backwardImpl(this, (g as Tensor | null | undefined) ?? null, rest as { retainGraph?: boolean; createGraph?: boolean; inputs?: Tensor[] });
  }
}

type BackwardImpl = (t: Tensor, gradient: Tensor | null, opts: { retainGraph?: boolean; createGraph?: boolean; inputs?: Tensor[] }) => void;
let backwardImpl: BackwardImpl | null = null;

/** Installs `Tensor.prototype.backward`'s implementation (the autograd package calls it). */
export function setBackwardImpl(impl: BackwardImpl | null): void {
  backwardImpl = impl;
}

/**
 * What `item()` returns for a tensor of dtype `D`: `boolean` for bool, `Complex` for the
 * complex dtypes, `number` for the rest. For a tensor whose dtype is not known statically
 * (`Tensor`, i.e. `Tensor<DTypeName>`) it is the union of the three.
 * @example
 * ```ts
 * const flag: boolean = torch.tensor([true]).item();
 * const n: number = torch.zeros([1], { dtype: 'int64' }).item();
 * console.log(flag, n);
 * ```
 * ```text
 * true 0
 * ```
 */
export type ItemOf<D extends DTypeName> = D extends 'bool' ? boolean : D extends ComplexDTypeName ? Complex : number;

/** The element `item()` reads from a one-element tensor's host values. */
function itemValue<D extends DTypeName>(t: Tensor<D>, h: ArrayLike<number>): ItemOf<D> {
  if (t.dtype.isComplex) return new Complex(h[0]!, h[1]!) as ItemOf<D>;
  const v = h[0]!;
  return (t.dtype.name === 'bool' ? v !== 0 : v) as ItemOf<D>;
}

/** `item()`'s check: exactly one element (PyTorch's text). */
function checkOneElement(t: Tensor, op: string): void {
  const n = t.numel();
  if (n !== 1) throw new TorchRuntimeError(op, `a Tensor with ${n} elements cannot be converted to Scalar`);
}

function isDtypeLike(x: unknown): x is DTypeLike {
  return (typeof x === 'object' && x !== null && 'itemsize' in x) || (typeof x === 'string' && ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool', 'float16', 'bfloat16', 'complex64', 'complex128'].includes(x));
}

/**
 * Installs the catalogue's methods: `x.op(...args)` calls `torch.op(x, ...args)` (looked
 * up in the ops namespace at call time, so load order does not matter), `x.op_()` the
 * in-place function, and PyTorch's alias names the same functions. Methods written by
 * hand above (rows marked `manualMethod`) are left alone.
 */
function installCatalogueMethods(proto: Record<string, unknown>): void {
  const table = ops as unknown as Record<string, (...args: unknown[]) => unknown>;
  const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  const define = (name: string, fn: string) => {
    if (Object.prototype.hasOwnProperty.call(proto, name)) return;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      // The same call as `table[fn](this, ...args)`, without a rest array and a spread for
      // the usual zero to two arguments (the argument count is kept: no padding with undefined).
      value: function (this: Tensor) {
        // eslint-disable-next-line prefer-rest-params
        const args = arguments;
        switch (args.length) {
          case 0:
            return table[fn]!(this);
          case 1:
            return table[fn]!(this, args[0]);
          case 2:
            return table[fn]!(this, args[0], args[1]);
          default:
            return table[fn]!(this, ...args);
        }
      },
    });
  };
  for (const [key, row] of Object.entries(CATALOGUE) as [string, (typeof CATALOGUE)[keyof typeof CATALOGUE]][]) {
    const aliases = 'aliases' in row ? (row.aliases as readonly string[]).map(camel) : [];
    const variants = row.variants as readonly string[];
    if ('manualMethod' in row && row.manualMethod) {
      // Aliases of hand-written methods are the same methods.
      for (const alias of aliases) {
        if (variants.includes('method')) Object.defineProperty(proto, alias, { configurable: true, writable: true, value: proto[key] });
        if (variants.includes('inplace')) Object.defineProperty(proto, `${alias}_`, { configurable: true, writable: true, value: proto[`${key}_`] });
      }
      continue;
    }
    for (const name of [key, ...aliases]) {
      if (variants.includes('method')) define(name, key);
      if (variants.includes('inplace')) define(`${name}_`, `${key}_`);
    }
  }
}
installCatalogueMethods(Tensor.prototype as unknown as Record<string, unknown>);
