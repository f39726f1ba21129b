/**
 * The shape of a derivative rule: one per recorded op, giving PyTorch's node name,
 * the node's edges (PyTorch's `next_functions` order) and the backward formula.
 * Formulas are written with differentiable tensor ops, so they record a graph of
 * their own when `createGraph` is on (higher-order gradients).
 */
import type { OpRecord, Tensor } from '@antorcha/core';

/** What a rule sees when its op is recorded. */
export interface RuleCtx {
  /** The op record. For in-place ops `inputs[0]` is the value before the write (when the rule asked for it). */
  readonly rec: OpRecord;
  /** Whether edge `i` needs a gradient (PyTorch's `needs_input_grad`). */
  needs(i: number): boolean;
  /**
   * Saves a tensor for backward and returns its reader; reading throws PyTorch's
   * errors once the graph was freed or when the tensor was modified in place since.
   */
  save(t: Tensor): () => Tensor;
  /** Saves output `i` of the op (the version-counter error then names this node). */
  saveOutput(i: number): () => Tensor;
}

/** Output gradients (missing ones are zeros) → one gradient per edge (null/undefined: none). */
export type BackwardFn = (grads: Tensor[]) => readonly (Tensor | null | undefined)[];

/** A derivative rule. */
export interface Rule {
  /** PyTorch's node name for this record, e.g. `'SumBackward1'`. */
  name(rec: OpRecord): string;
  /** The tensors the node returns gradients for, in PyTorch's order (null: a number operand). Default: `rec.inputs`. */
  edges?(rec: OpRecord): readonly (Tensor | null)[];
  /** In-place variants only: whether the formula needs the value of `self` before the write. */
  needsSelf?: boolean;
  /**
   * Whether the formula handles complex tensors itself (the non-holomorphic ops). Other
   * formulas, written for real tensors, run on complex records as
   * `conj(formula(conj(grads)))`, which turns `g·f′(z)` into PyTorch's `g·conj(f′(z))`
   * for holomorphic and real-linear ops.
   */
  complexAware?: boolean;
  /** Called when the op is recorded; saves what backward needs and returns the formula. */
  build(ctx: RuleCtx): BackwardFn;
}

/** A table of rules by core op name. */
export type RuleTable = Record<string, Rule>;

/** A rule with a fixed node name. */
export function rule(name: string, build: (ctx: RuleCtx) => BackwardFn, extra?: Partial<Rule>): Rule {
  return { name: () => name, build, ...extra };
}

/** The tensor or number operand of a binary op: `a` is `inputs[0]` or `attrs.scalarA`, `b` the other. */
export function operands(rec: OpRecord): [Tensor | number, Tensor | number] {
  const a = rec.attrs.scalarA;
  const b = rec.attrs.scalarB;
  if (a !== undefined) return [num(a), rec.inputs[0]!];
  if (b !== undefined) return [rec.inputs[0]!, num(b)];
  return [rec.inputs[0]!, rec.inputs[1]!];
}

/** A JS number or boolean operand as a number. */
export function num(v: unknown): number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
}

/** A numeric attribute. */
export function attrNum(rec: OpRecord, key: string): number {
  return rec.attrs[key] as number;
}
