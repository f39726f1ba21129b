/**
 * Type-level dtype rules: the dtype an elementwise op's result has, computed from its
 * catalogue dtype rule and its operands' static dtypes, so `Tensor<D>` (and `item()`)
 * stay precise through `x.exp()`, `x.gt(0)`, `a.mul(b)`. Where the types cannot tell
 * (complex or bool inputs whose result depends on the op, mixed dtypes, a number that
 * may be integral or not) the result is `DTypeName`: unknown, never a wrong guess.
 */
import type { ComplexDTypeName, DTypeName, FloatDTypeName } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import type { DtypeRule } from './catalogue/types.js';

/** The dtype of a unary op with dtype rule `R` on an input of dtype `D`. */
export type UnaryResultDType<R extends DtypeRule, D extends DTypeName> = R extends 'bool'
  ? 'bool'
  : D extends ComplexDTypeName | 'bool'
    ? DTypeName
    : R extends 'float'
      ? D extends FloatDTypeName
        ? D
        : FloatDTypeName
      : D;

/** The static dtype of an operand: a tensor's `D`, `'number'` for a JS number, `null` otherwise. */
export type OperandDType<O> = O extends Tensor<infer E> ? E : O extends number ? 'number' : null;

/**
 * The dtype of a binary op with dtype rule `R` on operands of static dtypes `A` and `B`
 * (see {@link OperandDType}): bool for comparisons; for arithmetic, the shared dtype of two
 * tensors of one real dtype, or a floating tensor's dtype with a number; unknown otherwise.
 */
export type BinaryResultDType<R extends DtypeRule, A, B> = R extends 'bool'
  ? 'bool'
  : [A] extends ['number']
    ? [B] extends ['number']
      ? DTypeName
      : BinaryResultDType<R, B, A>
    : [A] extends [FloatDTypeName]
      ? [B] extends ['number']
        ? A
        : SameDType<A, B>
      : R extends 'same'
        ? [A] extends ['int32' | 'int64' | 'uint8']
          ? SameDType<A, B>
          : DTypeName
        : DTypeName;

/** `A` when `B` is exactly the same single dtype, else unknown. */
type SameDType<A, B> = [A] extends [B] ? ([B] extends [A] ? (A extends DTypeName ? A : DTypeName) : DTypeName) : DTypeName;
