/**
 * @antorcha/rng — PyTorch-exact CPU random streams in pure TypeScript.
 *
 * A {@link Generator} (MT19937 with PyTorch's seeding, state blob and cached
 * normal) and distribution functions that fill typed arrays exactly as
 * PyTorch's CPU kernels fill tensors (x86-64 AVX2 build, non-MKL paths).
 * Depends on nothing.
 * @packageDocumentation
 */

export { getRngCompat, setRngCompat } from './compat.js';
export type { RngCompat } from './compat.js';
export { RngError, formatCppDouble } from './errors.js';
export type { PythonErrorName } from './errors.js';
export { MT19937, MT_N } from './engine.js';
export { DEFAULT_RNG_SEED, Generator, defaultGenerator, normalizeSeed } from './generator.js';
export type { Seed } from './generator.js';
export { RNG_STATE_SIZE, RNG_STATE_SIZE_LEGACY, decodeState, encodeState } from './state.js';
export type { StateFields } from './state.js';
export type { FillLayout, FloatArray, OutArray, RngDType } from './types.js';
export { fma32, fma64, float32Bits, float32FromBits } from './fma.js';
export { crCos, crLog, crSin } from './crmath.js';
export { crPowInt } from './crpow.js';
export { checkUniformArgs, rand, uniform_ } from './uniform.js';
export { checkNormalArgs, normalScalarSample, normalUsesBlockPath, normal_, randn } from './normal.js';
export {
  fillRandomPlan,
  int64ToFloat32,
  planRandomFromTo,
  randint,
  randomFromTo_,
  random_,
} from './integers.js';
export type { IntLike, RandomPlan } from './integers.js';
export { RANDPERM_WIDE_THRESHOLD, checkRandpermArgs, randperm } from './permutation.js';
export {
  BERNOULLI_TENSOR_P_MESSAGE,
  bernoulliScalar_,
  bernoulliTensor_,
  checkBernoulliP,
  checkBernoulliProbs,
  checkDropoutP,
  dropout,
  dropoutMask_,
} from './bernoulli.js';
export { checkMultinomialArgs, multinomial, multinomialUsesExponentialPath } from './multinomial.js';
export type { IndexArray, MultinomialOptions } from './multinomial.js';
export { checkExponentialArgs, exponential_ } from './exponential.js';
export {
  calculateGain,
  fanInAndFanOut,
  initNormal_,
  initUniform_,
  kaimingNormalStd,
  kaimingUniformBound,
  linearBiasBound,
  linearWeightBound,
  resetLinearParameters,
  xavierNormalStd,
  xavierUniformBound,
} from './init.js';
export type { FanMode, Nonlinearity } from './init.js';
export { crExp, crTan } from './crtrans.js';
export { cauchy_, checkCauchyArgs } from './cauchy.js';
export { checkLogNormalArgs, logNormal_ } from './lognormal.js';
export { checkGeometricArgs, geometric_ } from './geometric.js';
export { POISSON_RATE_MESSAGE, checkPoissonRates, poisson, poissonSample } from './poisson.js';
export { binomial, binomialSample } from './binomial.js';
