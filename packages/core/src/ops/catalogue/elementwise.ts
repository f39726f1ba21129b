/**
 * Catalogue rows of the elementwise ops that lower to one backend kernel. The row's
 * key is the kernel name (`UnaryOp`/`BinaryOp` in backend.ts derive from these keys),
 * the TypeScript name and the camelCase of `aten`.
 */
import type { OpTable } from './types.js';

const FMI = ['function', 'method', 'inplace'] as const;
const FM = ['function', 'method'] as const;
const FLOAT = { family: 'unary', dtype: 'float' } as const;
const SAME = { family: 'unary', dtype: 'same' } as const;
const PREDICATE = { family: 'unary', dtype: 'bool' } as const;
const NO_BOOL_ROUNDING = (kernel: string) => ({ family: 'unary', dtype: 'same', rejects: { dtypes: ['bool'], kernel } }) as const;

/** Elementwise functions of one argument. */
export const UNARY = {
  neg: {
    example: [
      '```ts pytorch=core.neg',
      'console.log(torch.neg(torch.tensor([1, -2, 0])));',
      '```',
      '```text',
      'tensor([-1,  2,  0])',
      '```',
    ],
    aten: 'neg', variants: FMI, doc: '−x.', aliases: ['negative'], grad: 'rule',
    impl: {
      family: 'unary', dtype: 'same',
      rejects: {
        dtypes: ['bool'],
        message: 'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
      },
    },
  },
  exp: {
    aten: 'exp', variants: FMI, doc: 'eˣ.', impl: FLOAT, grad: 'rule',
    example: [
      '```ts pytorch=core.exp',
      "const x = torch.tensor([0, 1, -1], 'float32');",
      'console.log(torch.exp(x));',
      'console.log(x.exp().log()); // back to x',
      '```',
      '```text',
      'tensor([1.0000, 2.7183, 0.3679])',
      'tensor([ 0.0000,  1.0000, -1.0000])',
      '```',
    ],
  },
  expm1: { aten: 'expm1', variants: FMI, doc: 'eˣ − 1, accurate near 0.', impl: FLOAT, grad: 'rule' },
  log: {
    aten: 'log', variants: FMI, doc: 'Natural logarithm.', impl: FLOAT, grad: 'rule',
    example: [
      '```ts pytorch=core.log',
      "console.log(torch.log(torch.tensor([1, Math.E, 0, -1], 'float32'))); // -inf at 0, nan below",
      '```',
      '```text',
      'tensor([0.0000, 1.0000,   -inf,    nan])',
      '```',
    ],
  },
  log1p: { aten: 'log1p', variants: FMI, doc: 'log(1 + x), accurate near 0.', impl: FLOAT, grad: 'rule' },
  log2: { aten: 'log2', variants: FMI, doc: 'Base-2 logarithm.', impl: FLOAT, grad: 'rule' },
  log10: { aten: 'log10', variants: FMI, doc: 'Base-10 logarithm.', impl: FLOAT, grad: 'rule' },
  sqrt: {
    aten: 'sqrt', variants: FMI, doc: 'Square root.', impl: FLOAT, grad: 'rule',
    example: [
      '```ts pytorch=core.sqrt',
      "console.log(torch.sqrt(torch.tensor([4, 2, -1], 'float32')));",
      '```',
      '```text',
      'tensor([2.0000, 1.4142,    nan])',
      '```',
    ],
  },
  rsqrt: { aten: 'rsqrt', variants: FMI, doc: '1/√x.', impl: FLOAT, grad: 'rule' },
  sin: {
    aten: 'sin', variants: FMI, doc: 'Sine.', impl: FLOAT, grad: 'rule',
    example: [
      '```ts pytorch=core.sin',
      'console.log(torch.sin(torch.tensor([0, Math.PI / 6, Math.PI / 2])));',
      '```',
      '```text',
      'tensor([0.0000, 0.5000, 1.0000])',
      '```',
    ],
  },
  cos: { aten: 'cos', variants: FMI, doc: 'Cosine.', impl: FLOAT, grad: 'rule' },
  tan: { aten: 'tan', variants: FMI, doc: 'Tangent.', impl: FLOAT, grad: 'rule' },
  asin: { aten: 'asin', variants: FMI, doc: 'Arcsine.', aliases: ['arcsin'], impl: FLOAT, grad: 'rule' },
  acos: { aten: 'acos', variants: FMI, doc: 'Arccosine.', aliases: ['arccos'], impl: FLOAT, grad: 'rule' },
  atan: { aten: 'atan', variants: FMI, doc: 'Arctangent.', aliases: ['arctan'], impl: FLOAT, grad: 'rule' },
  sinh: { aten: 'sinh', variants: FMI, doc: 'Hyperbolic sine.', impl: FLOAT, grad: 'rule' },
  cosh: { aten: 'cosh', variants: FMI, doc: 'Hyperbolic cosine.', impl: FLOAT, grad: 'rule' },
  tanh: {
    aten: 'tanh', variants: FMI, doc: 'Hyperbolic tangent.', impl: FLOAT, grad: 'rule',
    example: [
      '```ts pytorch=core.tanh',
      "console.log(torch.tanh(torch.tensor([-2, 0, 0.5], 'float32')));",
      '```',
      '```text',
      'tensor([-0.9640,  0.0000,  0.4621])',
      '```',
    ],
  },
  asinh: { aten: 'asinh', variants: FMI, doc: 'Inverse hyperbolic sine.', aliases: ['arcsinh'], impl: FLOAT, grad: 'rule' },
  acosh: { aten: 'acosh', variants: FMI, doc: 'Inverse hyperbolic cosine.', aliases: ['arccosh'], impl: FLOAT, grad: 'rule' },
  atanh: { aten: 'atanh', variants: FMI, doc: 'Inverse hyperbolic tangent.', aliases: ['arctanh'], impl: FLOAT, grad: 'rule' },
  sigmoid: {
    aten: 'sigmoid', variants: FMI, doc: 'Logistic sigmoid 1/(1 + e⁻ˣ).', impl: FLOAT, grad: 'rule',
    example: [
      '```ts pytorch=core.sigmoid',
      "const x = torch.tensor([-2, 0, 3], 'float32');",
      'console.log(torch.sigmoid(x));',
      'console.log(x.sigmoid().sum());',
      '```',
      '```text',
      'tensor([0.1192, 0.5000, 0.9526])',
      'tensor(1.5718)',
      '```',
    ],
  },
  relu: {
    example: [
      '```ts pytorch=core.relu',
      'const x = torch.tensor([-1.5, 0, 2]);',
      'console.log(torch.relu(x));',
      'console.log(x.relu_(), x); // in place',
      '```',
      '```text',
      'tensor([0., 0., 2.])',
      'tensor([0., 0., 2.]) tensor([0., 0., 2.])',
      '```',
    ],
    aten: 'relu', variants: FMI, doc: 'max(x, 0).', grad: 'rule',
    impl: { family: 'unary', dtype: 'same', rejects: { dtypes: ['bool'], message: 'Boolean inputs not supported for relu' } },
  },
  reciprocal: { aten: 'reciprocal', variants: FMI, doc: '1/x (integers give the default float).', impl: FLOAT, grad: 'rule' },
  floor: {
    aten: 'floor', variants: FMI, doc: 'Rounds toward −∞.', impl: NO_BOOL_ROUNDING('floor_vml_cpu'), grad: 'rule',
    example: [
      '```ts pytorch=core.floor',
      'const x = torch.tensor([-1.5, -0.5, 0.5, 1.5]);',
      'console.log(torch.floor(x), x.ceil());',
      '```',
      '```text',
      'tensor([-2., -1.,  0.,  1.]) tensor([-1., -0.,  1.,  2.])',
      '```',
    ],
  },
  ceil: { aten: 'ceil', variants: FMI, doc: 'Rounds toward +∞.', impl: NO_BOOL_ROUNDING('ceil_vml_cpu'), grad: 'rule' },
  round: {
    aten: 'round', variants: FMI, doc: 'Rounds to nearest, ties to even (or to `decimals` places).', impl: NO_BOOL_ROUNDING('round_vml_cpu'), grad: 'rule', manualFunction: true,
  },
  trunc: { aten: 'trunc', variants: FMI, doc: 'Rounds toward 0.', aliases: ['fix'], impl: NO_BOOL_ROUNDING('trunc_vml_cpu'), grad: 'rule' },
  frac: {
    aten: 'frac', variants: FMI, doc: 'x − trunc(x).', grad: 'rule',
    impl: { family: 'unary', dtype: 'same', rejects: { dtypes: ['bool', 'uint8', 'int32', 'int64'], kernel: 'frac_cpu' } },
  },
  erf: { aten: 'erf', variants: FMI, doc: 'Gauss error function.', impl: FLOAT, grad: 'rule' },
  erfc: { aten: 'erfc', variants: FMI, doc: 'Complementary error function.', impl: FLOAT, grad: 'rule' },
  erfinv: { aten: 'erfinv', variants: FMI, doc: 'Inverse error function.', impl: FLOAT, grad: 'rule' },
  abs: {
    example: [
      '```ts pytorch=core.abs',
      'console.log(torch.abs(torch.tensor([-3, 0, 2])));',
      '```',
      '```text',
      'tensor([3, 0, 2])',
      '```',
    ],
    aten: 'abs', variants: FMI, doc: '|x|.', aliases: ['absolute'], grad: 'rule',
    impl: { family: 'unary', dtype: 'same', rejects: { dtypes: ['bool'], kernel: 'abs_cpu' } },
  },
  sign: {
    aten: 'sign', variants: FMI, doc: 'Sign: −1, 0 or 1.', impl: SAME, grad: 'rule',
    example: [
      '```ts pytorch=core.sign',
      'console.log(torch.sign(torch.tensor([-3, 0, 2])));',
      '```',
      '```text',
      'tensor([-1,  0,  1])',
      '```',
    ],
  },
  square: { aten: 'square', variants: FMI, doc: 'x² (bool squares to int64, as `pow(x, 2)` does).', impl: SAME, grad: 'rule', manualFunction: true },
  isnan: {
    aten: 'isnan', variants: FM, doc: 'Whether each element is NaN (bool).', impl: PREDICATE, grad: 'none',
    example: [
      '```ts pytorch=core.isnan',
      'const x = torch.tensor([1, NaN, Infinity]);',
      'console.log(torch.isnan(x), x.isinf());',
      '```',
      '```text',
      'tensor([False,  True, False]) tensor([False, False,  True])',
      '```',
    ],
  },
  isinf: { aten: 'isinf', variants: FM, doc: 'Whether each element is ±∞ (bool).', impl: PREDICATE, grad: 'none' },
  isfinite: { aten: 'isfinite', variants: FM, doc: 'Whether each element is finite (bool).', impl: PREDICATE, grad: 'none' },
  signbit: { aten: 'signbit', variants: FM, doc: 'Whether the sign bit is set (−0 and NaN with the bit count), as bool.', impl: PREDICATE, grad: 'none' },
  logicalNot: { aten: 'logical_not', variants: FMI, doc: 'Logical not (bool).', impl: PREDICATE, grad: 'none' },
  bitwiseNot: { aten: 'bitwise_not', variants: FMI, doc: 'Bitwise not of integers, logical not of bools (`~x`).', impl: { family: 'unary', dtype: 'intOrBool' }, grad: 'none' },
  // Special functions (kernels: PyTorch computes each with one scalar formula).
  exp2: { aten: 'exp2', variants: FMI, doc: '2ˣ.', impl: FLOAT, grad: 'rule' },
  lgamma: { aten: 'lgamma', variants: FMI, doc: 'log |Γ(x)|.', impl: FLOAT, grad: 'rule' },
  digamma: { aten: 'digamma', variants: FMI, doc: 'The digamma function ψ(x) = d/dx log Γ(x).', impl: FLOAT, grad: 'rule' },
  i0: { aten: 'i0', variants: FMI, doc: 'The modified Bessel function of the first kind, order 0.', impl: FLOAT, grad: 'rule' },
  // Kernels behind composite ops in ops/math.ts (no public form of their own).
  i1: { aten: 'i0', variants: [], doc: 'The modified Bessel function of the first kind, order 1 (torch.special.i1): i0\'s derivative.', impl: FLOAT, grad: 'none' },
  polygammaN: { aten: 'polygamma', variants: [], doc: 'The n-th derivative of digamma (n in params.a; torch.polygamma).', impl: FLOAT, grad: 'rule' },
  frexpMantissa: { aten: 'frexp', variants: [], doc: 'The mantissa in [0.5, 1) of torch.frexp.', impl: SAME, grad: 'rule' },
  frexpExponent: { aten: 'frexp', variants: [], doc: 'The exponent of torch.frexp, as a float of the input dtype.', impl: SAME, grad: 'none' },
  // Activation kernels nn.functional builds on (parameters in UnaryParams).
  gelu: { aten: 'gelu', variants: [], doc: 'GELU with the exact erf form (nn.functional.gelu).', impl: FLOAT, grad: 'rule' },
  geluTanh: { aten: 'gelu', variants: [], doc: "GELU with the tanh approximation (nn.functional.gelu(approximate='tanh')).", impl: FLOAT, grad: 'rule' },
  silu: { aten: 'silu', variants: [], doc: 'x·σ(x) (nn.functional.silu).', impl: FLOAT, grad: 'rule' },
  softplus: { aten: 'softplus', variants: [], doc: 'log(1 + e^(βx))/β with a linear threshold (nn.functional.softplus).', impl: FLOAT, grad: 'rule' },
  elu: { aten: 'elu', variants: [], doc: 'ELU (nn.functional.elu).', impl: FLOAT, grad: 'rule' },
  leakyRelu: { aten: 'leaky_relu', variants: [], doc: 'Leaky ReLU (nn.functional.leaky_relu).', impl: FLOAT, grad: 'rule' },
  hardtanh: { aten: 'hardtanh', variants: [], doc: 'Clamp into [min, max] (nn.functional.hardtanh).', impl: FLOAT, grad: 'rule' },
  logSigmoid: { aten: 'log_sigmoid', variants: [], doc: 'log σ(x) (nn.functional.logsigmoid).', impl: FLOAT, grad: 'rule' },
} as const satisfies OpTable;

const ARITH = { family: 'binary', dtype: 'same' } as const;
const FLOAT2 = { family: 'binary', dtype: 'float' } as const;
// A number on the left is Python's reflected operator (`2 < x`), which JavaScript can only spell `torch.lt(2, x)`.
const CMP = { family: 'binary', dtype: 'bool' } as const;
const LOGICAL = { family: 'binary', dtype: 'bool', scalars: 'none' } as const;
const TENSORS = { family: 'binary', dtype: 'same', scalars: 'none' } as const;
const BITS = { family: 'binary', dtype: 'intOrBool' } as const;

/** Elementwise functions of two arguments (either may be a number unless the function says otherwise). */
export const BINARY = {
  add: { aten: 'add', variants: FMI, doc: '`a + alpha·b`, broadcasting.', impl: ARITH, grad: 'rule', manualFunction: true, manualMethod: true },
  sub: { aten: 'sub', variants: FMI, doc: '`a − alpha·b`, broadcasting.', aliases: ['subtract'], impl: ARITH, grad: 'rule', manualFunction: true, manualMethod: true },
  mul: {
    aten: 'mul', variants: FMI, doc: '`a·b`, broadcasting.', aliases: ['multiply'], impl: ARITH, grad: 'rule',
    example: [
      '```ts pytorch=core.mul',
      'const a = torch.tensor([1, 2, 3]);',
      'console.log(torch.mul(a, 2));',
      'console.log(a.mul(torch.tensor([[1], [-1]]))); // broadcast to [2, 3]',
      'console.log(a.mul(0.5)); // an int64 tensor times a float gives the default float',
      '```',
      '```text',
      'tensor([2, 4, 6])',
      'tensor([[ 1,  2,  3],',
      '        [-1, -2, -3]])',
      'tensor([0.5000, 1.0000, 1.5000])',
      '```',
    ],
  },
  div: { aten: 'div', variants: FMI, doc: '`a / b` (true division, or rounded with `roundingMode`).', aliases: ['divide', 'true_divide'], impl: FLOAT2, grad: 'rule', manualFunction: true, manualMethod: true },
  floorDivide: { aten: 'floor_divide', variants: FMI, doc: '`floor(a / b)`.', impl: ARITH, grad: 'rule' },
  truncDivide: { aten: 'div', variants: [], doc: "`trunc(a / b)` (div with roundingMode 'trunc').", impl: ARITH, grad: 'rule' },
  pow: {
    aten: 'pow', variants: FMI, doc: '`a ** b`.', impl: ARITH, grad: 'rule',
    example: [
      '```ts pytorch=core.pow',
      'const x = torch.tensor([1, 2, 3]);',
      'console.log(torch.pow(x, 2));',
      'console.log(x.pow(torch.tensor([0, 1, 2])));',
      'console.log(torch.pow(x, 0.5));',
      '```',
      '```text',
      'tensor([1, 4, 9])',
      'tensor([1, 2, 9])',
      'tensor([1.0000, 1.4142, 1.7321])',
      '```',
    ],
  },
  maximum: {
    aten: 'maximum', variants: FM, doc: 'Elementwise maximum (NaN propagates).', impl: TENSORS, grad: 'rule',
    example: [
      '```ts pytorch=core.maximum',
      'const a = torch.tensor([1, 5, 3]);',
      'console.log(torch.maximum(a, torch.tensor([4, 2, 3])));',
      'console.log(a.maximum(torch.tensor([2]))); // broadcast',
      '```',
      '```text',
      'tensor([4, 5, 3])',
      'tensor([2, 5, 3])',
      '```',
    ],
  },
  minimum: { aten: 'minimum', variants: FM, doc: 'Elementwise minimum (NaN propagates).', impl: TENSORS, grad: 'rule' },
  fmax: { aten: 'fmax', variants: FM, doc: 'Elementwise maximum ignoring NaN.', impl: TENSORS, grad: 'rule' },
  fmin: { aten: 'fmin', variants: FM, doc: 'Elementwise minimum ignoring NaN.', impl: TENSORS, grad: 'rule' },
  remainder: {
    example: [
      '```ts pytorch=core.remainder',
      "console.log(torch.remainder(torch.tensor([-3, -1, 2, 5]), 3)); // the sign of the divisor, as Python's %",
      '```',
      '```text',
      'tensor([0, 2, 2, 2])',
      '```',
    ],
    aten: 'remainder', variants: FMI, doc: 'Python-style modulus: the result has the divisor’s sign.', grad: 'rule',
    impl: { family: 'binary', dtype: 'same', rejects: { dtypes: ['bool'], kernel: 'remainder_cpu' } },
  },
  fmod: {
    aten: 'fmod', variants: FMI, doc: 'C-style modulus: the result has the dividend’s sign.', grad: 'rule',
    impl: { family: 'binary', dtype: 'same', scalars: 'other', rejects: { dtypes: ['bool'], kernel: 'fmod_cpu' } },
  },
  atan2: {
    aten: 'atan2', variants: FMI, doc: 'atan2(a, b), quadrant-aware.', aliases: ['arctan2'], impl: { family: 'binary', dtype: 'float', scalars: 'none' }, grad: 'rule',
    example: [
      '```ts pytorch=core.atan2',
      "console.log(torch.atan2(torch.tensor([1, 1, -1], 'float32'), torch.tensor([1, -1, -1], 'float32'))); // the angle of (x, y) in (-π, π]",
      '```',
      '```text',
      'tensor([ 0.7854,  2.3562, -2.3562])',
      '```',
    ],
  },
  hypot: {
    aten: 'hypot', variants: FMI, doc: '√(a² + b²).', grad: 'rule',
    impl: { family: 'binary', dtype: 'same', scalars: 'none', rejects: { dtypes: ['bool', 'uint8', 'int32', 'int64'], kernel: 'hypot_cpu' } },
  },
  eq: {
    aten: 'eq', variants: FMI, doc: '`a == b` (bool).', impl: CMP, grad: 'none',
    example: [
      '```ts pytorch=core.eq',
      'const a = torch.tensor([1, 2, 3]);',
      'console.log(torch.eq(a, 2));',
      'console.log(a.eq(torch.tensor([1, 0, 3])));',
      '```',
      '```text',
      'tensor([False,  True, False])',
      'tensor([ True, False,  True])',
      '```',
    ],
  },
  ne: { aten: 'ne', variants: FMI, doc: '`a != b` (bool).', aliases: ['not_equal'], impl: CMP, grad: 'none' },
  lt: { aten: 'lt', variants: FMI, doc: '`a < b` (bool).', aliases: ['less'], impl: CMP, grad: 'none' },
  le: { aten: 'le', variants: FMI, doc: '`a <= b` (bool).', aliases: ['less_equal'], impl: CMP, grad: 'none' },
  gt: {
    aten: 'gt', variants: FMI, doc: '`a > b` (bool).', aliases: ['greater'], impl: CMP, grad: 'none',
    example: [
      '```ts pytorch=core.gt',
      'const x = torch.tensor([[1, 5], [3, 2]]);',
      'console.log(x.gt(2));',
      'console.log(torch.gt(x, torch.tensor([2, 4]))); // broadcast',
      '```',
      '```text',
      'tensor([[False,  True],',
      '        [ True, False]])',
      'tensor([[False,  True],',
      '        [ True, False]])',
      '```',
    ],
  },
  ge: { aten: 'ge', variants: FMI, doc: '`a >= b` (bool).', aliases: ['greater_equal'], impl: CMP, grad: 'none' },
  logicalAnd: {
    aten: 'logical_and', variants: FMI, doc: 'Logical and (bool).', impl: LOGICAL, grad: 'none',
    example: [
      '```ts pytorch=core.logicalAnd',
      'const a = torch.tensor([true, true, false]);',
      'console.log(torch.logicalAnd(a, torch.tensor([true, false, false])));',
      'console.log(torch.tensor([1, 0, 2]).logicalAnd(torch.tensor([3, 3, 0]))); // nonzero is true',
      '```',
      '```text',
      'tensor([ True, False, False])',
      'tensor([ True, False, False])',
      '```',
    ],
  },
  logicalOr: { aten: 'logical_or', variants: FMI, doc: 'Logical or (bool).', impl: LOGICAL, grad: 'none' },
  logicalXor: { aten: 'logical_xor', variants: FMI, doc: 'Logical xor (bool).', impl: LOGICAL, grad: 'none' },
  bitwiseAnd: { aten: 'bitwise_and', variants: FMI, doc: 'Bitwise and of integers / bools.', impl: BITS, grad: 'none' },
  bitwiseOr: { aten: 'bitwise_or', variants: FMI, doc: 'Bitwise or of integers / bools.', impl: BITS, grad: 'none' },
  bitwiseXor: { aten: 'bitwise_xor', variants: FMI, doc: 'Bitwise xor of integers / bools.', impl: BITS, grad: 'none' },
  copysign: { aten: 'copysign', variants: FMI, doc: '|a| with the sign of b.', impl: { family: 'binary', dtype: 'float', scalars: 'other' }, grad: 'rule' },
  nextafter: {
    aten: 'nextafter', variants: FMI, doc: 'The next float after a towards b.', grad: 'rule',
    impl: { family: 'binary', dtype: 'same', scalars: 'none', rejects: { dtypes: ['bool', 'uint8', 'int32', 'int64'], kernel: 'nextafter_cpu' } },
  },
  gcd: {
    aten: 'gcd', variants: FMI, doc: 'Greatest common divisor of integers (non-negative).', grad: 'none',
    impl: { family: 'binary', dtype: 'same', scalars: 'none', rejects: { dtypes: ['bool', 'float32', 'float64'], kernel: 'gcd_cpu' } },
  },
  lcm: {
    aten: 'lcm', variants: FMI, doc: 'Least common multiple of integers (non-negative).', grad: 'none',
    impl: { family: 'binary', dtype: 'same', scalars: 'none', rejects: { dtypes: ['bool', 'float32', 'float64'], kernel: 'lcm_cpu' } },
  },
  igamma: {
    aten: 'igamma', variants: FMI, doc: 'The regularized lower incomplete gamma function P(a, x).', grad: 'rule',
    impl: { family: 'binary', dtype: 'same', scalars: 'none', rejects: { dtypes: ['bool', 'uint8', 'int32', 'int64'], kernel: 'igamma_cpu' } },
  },
  igammac: {
    aten: 'igammac', variants: FMI, doc: 'The regularized upper incomplete gamma function Q(a, x).', grad: 'rule',
    impl: { family: 'binary', dtype: 'same', scalars: 'none', rejects: { dtypes: ['bool', 'uint8', 'int32', 'int64'], kernel: 'igammac_cpu' } },
  },
  bitwiseLeftShift: {
    aten: 'bitwise_left_shift', variants: FMI, doc: 'a << b of integers (wrapping in the dtype).', grad: 'none',
    impl: { family: 'binary', dtype: 'same', rejects: { dtypes: ['bool', 'float32', 'float64'], kernel: 'lshift_cpu' } },
  },
  bitwiseRightShift: {
    aten: 'bitwise_right_shift', variants: FMI, doc: 'a >> b of integers (arithmetic for signed dtypes).', grad: 'none',
    impl: { family: 'binary', dtype: 'same', rejects: { dtypes: ['bool', 'float32', 'float64'], kernel: 'rshift_cpu' } },
  },
} as const satisfies OpTable;
