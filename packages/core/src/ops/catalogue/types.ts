/**
 * The shape of an op catalogue row: everything about one public op that is data
 * (PyTorch's `native_functions.yaml` in spirit). Rows are plain data with no runtime
 * imports, so any module may read them at load time without an import cycle.
 */

import type { DTypeName } from '../../dtype.js';

/** The forms an op takes: `torch.x(t, …)`, `t.x(…)`, `t.x_(…)` (in place), `out=`. */
export type Variant = 'function' | 'method' | 'inplace';

/**
 * How an op maps its promoted input dtype to compute and output dtypes:
 * - `same`: arithmetic, computes and returns the promoted dtype;
 * - `float`: integers and bool move to the default float;
 * - `bool`: predicates and comparisons, compute in the promoted dtype, return bool;
 * - `intOrBool`: bitwise, integers and bool only.
 */
export type DtypeRule = 'same' | 'float' | 'bool' | 'intOrBool';

/** Dtypes PyTorch's CPU kernel rejects, with its text: a kernel name (`"abs_cpu" not implemented for 'Bool'`) or a message. */
export interface Rejects {
  /** The dtypes the kernel refuses. */
  readonly dtypes: readonly DTypeName[];
  /** PyTorch's kernel name, for the `"<kernel>" not implemented for '<dtype>'` error. */
  readonly kernel?: string;
  /** PyTorch's own error text, when it is not the `not implemented` one. */
  readonly message?: string;
}

/**
 * An op a backend computes with one kernel of the named family. Elementwise rows carry
 * their dtype rule (and the generator writes their functions); reductions, scans and
 * fused ternaries have hand-written functions (`manualFunction`).
 */
export type KernelImpl =
  | { readonly family: 'unary'; readonly dtype: DtypeRule; readonly rejects?: Rejects }
  | {
      readonly family: 'binary';
      readonly dtype: DtypeRule;
      readonly rejects?: Rejects;
      /**
       * Which operands PyTorch accepts as a Python number: `both` (default), `other`
       * (`torch.eq(t, 2)` but not `torch.eq(2, t)`), or `none` (`atan2`, `maximum`, …).
       */
      readonly scalars?: 'both' | 'other' | 'none';
    }
  | { readonly family: 'ternary' | 'reduce' | 'scan' };

/** One row. The row's key is the TypeScript name (camelCase); it is also the kernel name for kernel ops. */
export interface OpRow {
  /** PyTorch's name (`floor_divide`), as `torch.*`, `Tensor.*` and autograd spell it. */
  readonly aten: string;
  /** The forms PyTorch offers (and Antorcha therefore offers). */
  readonly variants: readonly Variant[];
  /** One-line summary: the TSDoc of generated functions and methods, and the docs' mapping table. */
  readonly doc: string;
  /**
   * The lines of an `@example` for the generated function's TSDoc (a ```` ```ts ```` block and
   * the ```` ```text ```` block of its output, which the doctests check), without the ` * ` prefix.
   */
  readonly example?: readonly string[];
  /** Other PyTorch names of the same op (`arccos` for `acos`), in PyTorch's spelling. */
  readonly aliases?: readonly string[];
  /**
   * A backend kernel ({@link KernelImpl}), or `'composite'`: a function of the same name
   * in `ops/` built from other ops (its in-place form, when declared, is `<name>_`).
   */
  readonly impl: KernelImpl | 'composite';
  /**
   * Autograd: `'rule'` (a derivative row keyed by `aten` in autograd's tables),
   * `'composite'` (gradients flow through the ops it is built from), or `'none'`
   * (integer/bool results, or PyTorch declares it not differentiable).
   */
  readonly grad: 'rule' | 'composite' | 'none';
  /**
   * The method is written by hand in `tensor.ts` (overloads the generated form can't
   * express, e.g. `max()` / `max(dim)` / `max(other)`); the row still documents it.
   */
  readonly manualMethod?: true;
  /** The function is written by hand in its `ops/` module (extra checks or options); the row still drives the rest. */
  readonly manualFunction?: true;
}

/** A table of rows keyed by TypeScript name. */
export type OpTable = Readonly<Record<string, OpRow>>;
