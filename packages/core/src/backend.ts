/**
 * The Backend interface: what a device implements so tensors can live on it.
 *
 * Core owns shapes, strides, broadcasting, dtype promotion and the op catalogue;
 * a backend owns memory and a small, closed set of strided kernels. Every kernel
 * receives fully resolved layouts (broadcast inputs carry stride 0) and writes
 * into an output that core allocated, so kernels only enqueue work: only reading
 * back is asynchronous, which lets a GPU backend slot in. Op names are string
 * unions and backends map them with `Record<Op, …>` tables, so a backend that
 * lacks a primitive fails to compile rather than at run time.
 */
import type { DTypeName, HostArray } from './dtype.js';
import type { BINARY, UNARY } from './ops/catalogue/elementwise.js';
import type { KernelOf } from './ops/catalogue/index.js';
import type { LinalgKernel, LinalgParams } from './linalg/kernels.js';
import type { REDUCE_OPS, SCAN_OPS, TERNARY_OPS } from './ops/catalogue/reduction.js';
import type { SPECIAL_BINARY, SPECIAL_UNARY } from './ops/catalogue/special.js';

/** A block of device memory holding `numel` elements of `dtype`. Opaque to core. */
export interface BackendBuffer {
  /** Name of the backend that owns it. */
  readonly backend: string;
  /** Element type stored. */
  readonly dtype: DTypeName;
  /** Capacity in elements. */
  readonly numel: number;
}

/** Shape, strides (in elements; 0 for broadcast dims) and element offset of a strided view. */
export interface Layout {
  /** The size of each dim. */
  readonly shape: readonly number[];
  /** The step in elements between neighbours along each dim (0 for a broadcast dim). */
  readonly strides: readonly number[];
  /** The index, in elements, of the view's first element in its buffer. */
  readonly offset: number;
}

/** A strided view of a buffer, as kernels see it. */
export interface TensorRef extends Layout {
  /** The device buffer that holds the elements. */
  readonly buffer: BackendBuffer;
  /** The element type of the buffer's contents. */
  readonly dtype: DTypeName;
}

/** A kernel input: a strided view or a scalar already cast to the compute dtype. */
export type Operand = TensorRef | number;

/**
 * Elementwise kernels of one argument: the keys of the catalogue's `UNARY` rows
 * (`param` carries e.g. the exponent of `powScalar`), and of its `SPECIAL_UNARY` rows (torch.special).
 */
export type UnaryOp = keyof typeof UNARY | keyof typeof SPECIAL_UNARY;

/**
 * Elementwise kernels of two arguments: the keys of the catalogue's `BINARY` rows.
 * Comparisons and logical ops write bool. `div` is true division, `floorDivide`
 * rounds toward −∞, `truncDivide` toward 0; `remainder` takes the divisor's sign
 * (Python `%`), `fmod` the dividend's.
 */
export type BinaryOp = keyof typeof BINARY | keyof typeof SPECIAL_BINARY;

/**
 * Fused pointwise ops of three operands and a scalar `value`, rounded as PyTorch's CPU
 * kernels round them (float compute dtypes only):
 * - `addcmul`: `fma(value·t1, t2, self)`: `value·t1` rounded, then one rounding of the
 *   fused multiply-add. `add(a, b, alpha)` is `addcmul(a, b, alpha)` with value 1, i.e.
 *   `fma(b, alpha, a)`, which is how PyTorch computes `add`/`sub` with `alpha`.
 * - `addcdiv`: `self + (value·t1) / t2`, each step rounded.
 */
export type TernaryOp = keyof typeof TERNARY_OPS;

/** Reductions over the trailing `reduceDims` dims of the input view: the catalogue's reduce-kernel rows. */
export type ReduceOp = KernelOf<typeof REDUCE_OPS, 'reduce'>;

/** Scans along one dim: the catalogue's scan rows. */
export type ScanOp = keyof typeof SCAN_OPS;

/** How `scatter` combines values that land on the same element. */
export type ScatterReduce = 'none' | 'add' | 'multiply' | 'amax' | 'amin';

/** Parameters of parametrised unary ops (slopes, bounds), in PyTorch's meaning. */
export interface UnaryParams {
  /** leakyRelu negative slope, elu alpha, softplus beta, hardtanh min. */
  a?: number;
  /** softplus threshold, hardtanh max. */
  b?: number;
}

/**
 * What a device implements. All element types a backend lists in `dtypes` must be
 * supported by every kernel; core raises a clear error for the others.
 *
 * Conventions shared by all kernels:
 * - `computeDtype` is the dtype arithmetic happens in (after PyTorch's promotion);
 *   inputs of other dtypes are converted to it on read, results are converted to
 *   `out.dtype` on write (float→int truncates, bool is `!= 0`).
 * - Outputs never overlap inputs unless core says the op is in place (same view).
 * - Kernels may assume layouts are valid (core checked bounds).
 */
export interface Backend {
  /** Device type this backend serves, e.g. `'cpu'`, `'webgpu'`. */
  readonly name: string;
  /** Element types this device stores. */
  readonly dtypes: ReadonlySet<DTypeName>;
  /** Whether `readSync` works (CPU). GPU backends read back only asynchronously. */
  readonly syncRead: boolean;
  /** How many devices of this type exist (`'webgpu:0'` … `'webgpu:N-1'`); unlimited when absent. */
  readonly deviceCount?: number;

  /** Allocates `numel` elements of `dtype`, zero-filled. */
  alloc(dtype: DTypeName, numel: number): BackendBuffer;
  /**
   * Optional: allocates `numel` elements of `dtype` whose contents are unspecified, for
   * outputs a kernel writes in full (elementwise results); core falls back to
   * {@link Backend.alloc} without it. Saves the zero-fill of a reused block.
   */
  allocUninit?(dtype: DTypeName, numel: number): BackendBuffer;
  /**
   * Adopts a host array as a buffer WITHOUT copying: writes to either are seen by the
   * other (`torch.frombuffer` shares the caller's memory). Only devices whose buffers are
   * host typed arrays (CPU) have it.
   */
  wrapHost?(dtype: DTypeName, data: HostArray): BackendBuffer;
  /** Releases a buffer early (optional; otherwise garbage collection frees it). */
  free?(buffer: BackendBuffer): void;
  /** Copies host data into the buffer starting at element `offset`. */
  write(buffer: BackendBuffer, data: HostArray, offset: number): void;
  /** Reads `numel` elements starting at `offset` into a new host array. */
  read(buffer: BackendBuffer, offset: number, numel: number): Promise<HostArray>;
  /**
   * The live host array behind a buffer (only when `syncRead`). Core reads through it
   * and, for host-side fills (random numbers), writes through it; callers must not keep it.
   */
  readSync?(buffer: BackendBuffer): HostArray;

  /** `dst[i] = cast(src[i])` over equal shapes (strided, any dtypes). */
  copy(src: TensorRef, dst: TensorRef): void;
  /** `dst[i] = value` (value already cast to dst's dtype). */
  fill(dst: TensorRef, value: number): void;
  /** `out[i] = op(x[i])` computed in `computeDtype`. */
  unary(op: UnaryOp, x: TensorRef, out: TensorRef, computeDtype: DTypeName, params?: UnaryParams): void;
  /** `out[i] = op(a[i], b[i])` computed in `computeDtype`; a and b share out's shape (broadcast via stride 0). */
  binary(op: BinaryOp, a: Operand, b: Operand, out: TensorRef, computeDtype: DTypeName): void;
  /**
   * `out[i] = op(self[i], t1[i], t2[i])` with the scalar `value` (see {@link TernaryOp}),
   * computed in the float dtype `computeDtype` (`value` already cast to it); operands
   * share out's shape (broadcast via stride 0) or are scalars.
   */
  ternary(op: TernaryOp, self: Operand, t1: Operand, t2: Operand, value: number, out: TensorRef, computeDtype: DTypeName): void;
  /** `out[i] = cond[i] ? a[i] : b[i]`, all views of out's shape. */
  where(cond: TensorRef, a: Operand, b: Operand, out: TensorRef): void;
  /**
   * Reduces the last `reduceDims` dims of `x`: out has x's leading dims' shape
   * (out.shape = x.shape.slice(0, x.shape.length - reduceDims)). arg-reductions write
   * int64 indices into the flattened reduced block (row-major over the reduced dims).
   * NaN propagates through max/min (and argmax/argmin pick the first NaN), as in PyTorch.
   */
  reduce(op: ReduceOp, x: TensorRef, reduceDims: number, out: TensorRef, computeDtype: DTypeName): void;
  /** Scan along `dim`: out has x's shape. `indices` (int64, same shape) is filled for cummax/cummin. */
  scan(op: ScanOp, x: TensorRef, dim: number, out: TensorRef, computeDtype: DTypeName, indices?: TensorRef): void;
  /**
   * Batched matrix product: a is [B, M, K], b is [B, K, N], out is [B, M, N]
   * (any strides, so transposed or broadcast inputs need no copy). Accumulates in `computeDtype` or wider.
   */
  matmul(a: TensorRef, b: TensorRef, out: TensorRef, computeDtype: DTypeName): void;
  /** `out[i][j][k] = x[i][index[i][j][k]][k]` along `dim` (index int64, shape of out). */
  gather(x: TensorRef, dim: number, index: TensorRef, out: TensorRef): void;
  /**
   * Scatters `src` (a view or scalar) into `out` in place along `dim` at `index`
   * (int64, iterated over index's shape), combining with `reduce`.
   */
  scatter(out: TensorRef, dim: number, index: TensorRef, src: Operand, reduce: ScatterReduce): void;
  /** `out = x` with dim `dim` picked at `index` (int64 1-D). */
  indexSelect(x: TensorRef, dim: number, index: TensorRef, out: TensorRef): void;
  /**
   * Sorts along the last dim: writes sorted values and int64 source indices.
   * NaN sorts as larger than every number (as in PyTorch); `stable` keeps equal elements in order.
   */
  sort(x: TensorRef, descending: boolean, stable: boolean, values: TensorRef, indices: TensorRef): void;
  /**
   * Optional, for backends that read asynchronously: queues a device-side check
   * (core's `deviceCheck`). Where `bad` (bool) is true, the backend must remember the
   * first failing element in row-major order, with `values` at that element (a view
   * of bad's shape, or null), and raise `deviceCheckError(id, value)` from the next
   * `read` (or synchronize), as CUDA raises device-side asserts. The first error
   * reported since the last read wins. Backends with `syncRead` never get it: core
   * evaluates their checks at once.
   */
  check?(bad: TensorRef, values: TensorRef | null, id: number): void;
  /**
   * Optional: dense matrix kernels (LU, Cholesky, triangular solves, Householder QR,
   * Bunch–Kaufman LDL, and the spectral ones), LAPACK-like; see {@link LinalgKernel} for
   * each kernel's inputs, outputs and conventions. Every ref has one leading batch dim;
   * outputs are contiguous and allocated by core. Kernels report numerical failure in
   * their `info` output and never throw for it. Without this method `torch.linalg`
   * raises an error naming the op and the device (move the tensor to the CPU).
   */
  linalg?(kernel: LinalgKernel, inputs: readonly TensorRef[], outputs: readonly TensorRef[], params?: LinalgParams): void;
  /**
   * Optional: discrete Fourier transforms over `dims` of `x` into `out` (contiguous, allocated
   * by core), every value times `scale` (see {@link FftKind}; the sign of the exponent is −
   * when `forward`). Without this method `torch.fft`'s transforms raise an error naming the op
   * and the device (move the tensor to the CPU).
   */
  fft?(kind: FftKind, x: TensorRef, out: TensorRef, dims: readonly number[], forward: boolean, scale: number): void;
}

/**
 * What {@link Backend.fft} computes, with n the signal size along the last of `dims`:
 * - `'c2c'`: x and out complex, one shape; the transform over every dim of `dims`.
 * - `'r2c'`: x real; out complex, the same shape except ⌊n/2⌋ + 1 (the half spectrum) or n
 *   (the full spectrum, Hermitian) along the last of `dims` (n = x's size there).
 * - `'c2r'`: x complex with at least ⌊n/2⌋ + 1 values along the last of `dims` (n = out's size
 *   there), out real: the transform of the Hermitian spectrum those values define, the
 *   imaginary parts of X₀ and (n even) X_{n/2} ignored, as pocketfft ignores them.
 */
export type FftKind = 'c2c' | 'r2c' | 'c2r';
