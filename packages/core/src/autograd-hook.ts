/**
 * The seam between core and autograd. Core never imports autograd: every
 * differentiable op reports itself through {@link recordOp}, and the autograd
 * package installs the recorder that builds the graph. Without it, ops simply
 * compute.
 */
import type { Tensor } from './tensor.js';
import { markWrite } from './complex/mathbits.js';

/** A node of the backward graph, as core sees it (autograd implements it). */
export interface GradFn {
  /** PyTorch's node name, e.g. `'SigmoidBackward0'`. */
  name(): string;
  /**
   * The node's edges to the nodes of its inputs, PyTorch's `next_functions`: `[node, inputNr]`
   * pairs, `null` for an input that needs no gradient (a leaf's node is `AccumulateGrad`).
   */
  readonly nextFunctions: readonly (readonly [GradFn | null, number])[];
}

/** What an op tells autograd: its name, inputs, outputs and anything its derivative needs. */
export interface OpRecord {
  /** Op name as in core's catalogue, e.g. `'mul'`, `'sum'`, `'view'`. */
  readonly op: string;
  /** Tensor inputs (non-tensor operands are in `attrs`). */
  readonly inputs: readonly Tensor[];
  /** Tensor outputs. */
  readonly outputs: readonly Tensor[];
  /** Op attributes: dims, scalars, shapes, alpha… */
  readonly attrs: Readonly<Record<string, unknown>>;
}

/** What the autograd package installs. */
export interface AutogradRecorder {
  /** Whether gradient recording is on (`torch.noGrad` turns it off). */
  isGradEnabled(): boolean;
  /** Called after a differentiable op ran with at least one input that requires grad. */
  record(rec: OpRecord): void;
  /** Called before an in-place op writes into `target` (version checks, leaf errors). */
  beforeInplace?(target: Tensor, op: string): void;
  /** Called when `registerHook`/`retainGrad` is used on `t` (autograd links it to its node). */
  onTensorHook?(t: Tensor): void;
  /**
   * Called for a view that required no grad when made, whose base has since been written in
   * place and now requires grad: autograd gives it a node reading it out of the base (as
   * PyTorch regenerates a view's grad_fn) and returns whether it now requires grad.
   */
  activateView?(t: Tensor): boolean;
}

let recorder: AutogradRecorder | null = null;
// Depth of composite ops being computed (their inner ops are not recorded).
let paused = 0;

/** Installs (or removes, with null) the autograd recorder. */
export function setAutogradRecorder(r: AutogradRecorder | null): void {
  recorder = r;
}

/** Whether ops record gradients right now (false when no autograd is installed). */
export function isGradEnabled(): boolean {
  return recorder !== null && recorder.isGradEnabled();
}

/** Whether an op with these inputs must be recorded. */
export function needsGrad(inputs: readonly (Tensor | unknown)[]): boolean {
  if (recorder === null || paused > 0 || !recorder.isGradEnabled()) return false;
  // Every input is asked (no early exit): asking is what brings a stale view into the graph.
  let any = false;
  for (const t of inputs) if (t !== null && typeof t === 'object' && (t as Tensor).requiresGrad === true) any = true;
  return any;
}

/**
 * @internal {@link needsGrad} for one or two tensor inputs (`b` null for one), without an
 * array: whether recording is on and either requires grad. Both are asked, as there.
 */
export function needsGrad2(a: Tensor, b: Tensor | null): boolean {
  if (recorder === null || paused > 0 || !recorder.isGradEnabled()) return false;
  const ra = a.requiresGrad === true;
  const rb = b !== null && b.requiresGrad === true;
  return ra || rb;
}

/**
 * @internal Hands a record to autograd unconditionally: for callers that asked
 * {@link needsGrad2} first (and built `attrs` only then).
 */
export function recordChecked(op: string, inputs: readonly Tensor[], outputs: readonly Tensor[], attrs: Record<string, unknown>): void {
  recorder!.record({ op, inputs, outputs, attrs });
}

/** @internal {@link AutogradRecorder.activateView}, or false without autograd. */
export function activateView(t: Tensor): boolean {
  return recorder?.activateView?.(t) ?? false;
}

/** Reports an op to autograd when any input requires grad. Returns the first output. */
export function recordOp(
  op: string,
  inputs: readonly Tensor[],
  outputs: readonly Tensor[],
  attrs: Record<string, unknown> = {},
): void {
  if (recorder !== null && needsGrad(inputs)) recorder.record({ op, inputs, outputs, attrs });
}

/** Tells autograd a hook was registered (or `retainGrad()` called) on `t`. */
export function notifyTensorHook(t: Tensor): void {
  recorder?.onTensorHook?.(t);
}

/**
 * Lets autograd check an in-place write before it happens; a target with math bits is
 * marked so the write lands in its resolved copy (see complex/mathbits.ts).
 */
export function notifyInplace(target: Tensor, op: string): void {
  recorder?.beforeInplace?.(target, op);
  markWrite(target);
}

/**
 * Runs a composite op (built from other ops) as ONE autograd node: the inner ops
 * are not recorded, and the result is recorded under `op` with `attrs`, so its
 * derivative (and its PyTorch node name, e.g. `LogsumexpBackward0`) comes from
 * autograd's table for `op`.
 */
export function composite<T extends Tensor | Tensor[]>(
  op: string,
  inputs: readonly Tensor[],
  attrs: Record<string, unknown>,
  fn: () => T,
): T {
  if (recorder === null || !needsGrad(inputs)) return fn();
  paused++;
  let result: T;
  try {
    result = fn();
  } finally {
    paused--;
  }
  recorder.record({ op, inputs, outputs: Array.isArray(result) ? result : [result], attrs });
  return result;
}
