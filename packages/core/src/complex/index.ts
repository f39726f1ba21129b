/**
 * Complex tensors: the {@link Complex} scalar type and the complex tensor functions
 * (`complex`, `polar`, `viewAsReal`, `viewAsComplex`, `real`, `imag`, `conj`, …).
 * @module
 */
export { Complex, cplx, isComplexScalar } from './scalar.js';
export {
  viewAsReal,
  viewAsComplex,
  viewAsRealCopy,
  viewAsComplexCopy,
  real,
  imag,
  isComplex,
  isConj,
  resolveConj,
  isNeg,
  resolveNeg,
  conj,
  conjPhysical,
  conjPhysical_,
  negView,
  complex,
  polar,
  angle,
} from './ops.js';
