/**
 * `@antorcha/core`: tensors with PyTorch's semantics — dtypes, storage, strided
 * views, broadcasting, type promotion, backend dispatch, printing and errors.
 * Kernels live in backend packages; see README.md for the Backend contract.
 * @packageDocumentation
 */
export * from './dtype.js';
export { bfloat16Bits, bfloat16Value, decodeHalf, encodeHalf, float16Bits, float16Value, halfBits, halfValue, isHalfDtype, roundToBfloat16, roundToFloat16 } from './half.js';
export * from './errors.js';
export * from './shape.js';
export * from './device.js';
export * from './storage.js';
export * from './registry.js';
export { tidy, keep, adopt, release, tidyActive } from './memory.js';
export { boolArg, expectBool, expectBoolOptions, expectTensor, expectTensorList, expectInt, expectIntList, expectIntOrList, expectNumber, expectScalar, expectScalarFits, isKeywordObject, keywordArgs, pyTypeName } from './validate.js';
export { setMemoryLimit, getMemoryLimit, formatMemorySize } from './memory-limit.js';
export type * from './backend.js';
export type { LinalgKernel, LinalgParams } from './linalg/kernels.js';
export { LINALG_KERNELS } from './linalg/kernels.js';
export { runLinalg, linalgBackend, type LinalgOutput } from './linalg/run.js';
export * as linalg from './linalg/index.js';
export * as special from './special/index.js';
export * as fft from './fft/index.js';
export { fftC2c as _fftC2c, fftR2c as _fftR2c, fftC2r as _fftC2r, type NormMode as FftNormMode } from './fft/primitives.js';
export { CATALOGUE, UNARY, BINARY, REDUCE_OPS, SCAN_OPS, TERNARY_OPS } from './ops/catalogue/index.js';
export type { OpRow, OpTable, OpName, Variant, DtypeRule as CatalogueDtypeRule, KernelImpl, Rejects } from './ops/catalogue/index.js';
import type { CATALOGUE as CatalogueTable, RuleAten } from './ops/catalogue/index.js';
/** PyTorch names of the catalogue's ops whose derivative is a rule in autograd's tables. */
export type CatalogueRuleOp = RuleAten<typeof CatalogueTable>;
export * from './autograd-hook.js';
export { Tensor, setBackwardImpl, strided, type ItemOf, type NestedList, type TensorLayout } from './tensor.js';
export {
  type TensorOptions,
  ValuesIndices,
  refOf,
  emptyTensor,
  backendFor,
} from './ops/dispatch.js';
export { resultType, canCast, cppName, type Scalar } from './ops/promotion.js';
export * from './ops/creation.js';
export * from './ops/elementwise.js';
export * from './ops/generated.js';
export {
  type ShapeArgs,
  type IndexSpec,
  type Slice,
  view,
  reshape,
  permute,
  transpose,
  adjoint,
  t,
  expand,
  expandAs,
  squeeze,
  unsqueeze,
  flatten,
  unflatten,
  narrow,
  select,
  unbind,
  asStrided,
  contiguous,
  clone,
  detach,
  detach_,
  index,
  slice,
  movedim,
  resize_,
  makeView,
  shapeFromArgs,
} from './ops/views.js';
export {
  type DimArg,
  type ReduceOptions,
  type VarOptions,
  sum,
  nansum,
  prod,
  mean,
  amax,
  amin,
  argmax,
  argmin,
  max,
  min,
  all,
  any,
  variance as var,
  variance,
  std,
  logsumexp,
  norm,
  cumsum,
  cumprod,
  cumsum_,
  cumprod_,
  logcumsumexp,
  cummax,
  cummin,
} from './ops/reduction.js';
export { type AdvancedIndexSpec, indexAsync } from './ops/advanced-index.js';
export * from './ops/linalg.js';
export * from './ops/windows.js';
export { stft, istft, type StftOptions, type IstftOptions } from './fft/stft.js';
export * from './ops/indexing.js';
export * from './ops/activation.js';
export * from './ops/random.js';
export { Generator } from '@antorcha/rng';
export { toDtype, copy_, fill_, zero_, hostValues, readValues, hostStorage, readStorage, storageValues } from './ops/conversion.js';
export {
  tensorRepr,
  setPrintoptions,
  getPrintoptions,
  formatPythonFloat,
  type PrintOptions,
  type PrintableTensor,
} from './printing/index.js';
export * from './ops/structure.js';
export * from './ops/statistics.js';
export * from './ops/numerical.js';
export * from './ops/frombuffer.js';
export * from './threads.js';
export * from './ops/scatter.js';
export * from './ops/products.js';
export * from './ops/factorizations.js';
export * from './ops/spectral.js';
export * from './complex/index.js';
export { complexAsRealRef, complexPartDtype, complexPartRef, isComplexDtypeName, withPairDimRef } from './complex/refs.js';
export * from './ops/math.js';
export { deviceCheck, deviceCheckError, type DeviceCheckMessage, type DeviceCheckErrorClass, type DeviceCheckTemplate } from './ops/device-check.js';
