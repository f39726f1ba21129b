/**
 * Nodes of the backward graph (PyTorch's `torch.autograd.graph.Node`): each knows
 * its PyTorch name, its next edges (`nextFunctions`), the metadata of the inputs
 * it returns gradients for, and the tensors it saved for backward.
 */
import { type DType, type Device, type GradFn, type Tensor, TorchRuntimeError } from '@antorcha/core';
import { creationStack, isAnomalyEnabled } from './anomaly.js';

/** Shape, dtype and device of a tensor a node returns a gradient for. */
export interface TensorMeta {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly device: Device;
}

/** Metadata of a tensor, copied (shapes of tensors change under `resize_`). */
export function metaOf(t: Tensor): TensorMeta {
  return { shape: t._shape.slice(), dtype: t.dtype, device: t.device };
}

/** The backward formula of a node: gradients of its outputs → gradients of its edges. */
export type Formula = (grads: Tensor[]) => readonly (Tensor | null | undefined)[];

const FREED =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

const TYPE_NAMES: Record<string, string> = {
  float32: 'torch.FloatTensor',
  float64: 'torch.DoubleTensor',
  int32: 'torch.IntTensor',
  int64: 'torch.LongTensor',
  uint8: 'torch.ByteTensor',
  bool: 'torch.BoolTensor',
};

let sequence = 0;

/**
 * The shared empty list a new node's edge, metadata and saved lists start as (the
 * recorder replaces them; frozen, so nothing can add to the shared one): a node costs
 * no array allocations it then throws away.
 */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * A node of the backward graph. `name()` is PyTorch's class name of the node
 * (`'MulBackward0'`), `nextFunctions` its edges as `[node | null, inputNr]` pairs.
 */
export class Node implements GradFn {
  /** @internal Creation order: later nodes run first when several are ready (as PyTorch). */
  _seq: number = sequence++;
  /** @internal Next node of each edge (null: that input needs no gradient). */
  _next: (Node | null)[] = NONE;
  /** @internal Which output of the next node each edge feeds. */
  _nextNr: number[] = NONE;
  /** @internal Metadata of each edge's tensor: gradients are summed/cast to it. */
  _meta: (TensorMeta | null)[] = NONE;
  /** @internal Metadata of the outputs (missing output gradients become zeros). */
  _outMeta: TensorMeta[] = NONE;
  /** @internal The backward formula. */
  _formula: Formula | null = null;
  /** @internal Saved tensors, dropped after backward unless the graph is retained. */
  _saved: SavedTensor[] = NONE;
  /** @internal Nodes whose saved tensors are released with this one (CopySlices' op). */
  _owned: Node[] | null = null;
  /** @internal Non-leaf output tensors with hooks or `retainGrad()`, by output number. */
  _hooked: (Tensor | undefined)[] | null = null;
  /** @internal Engine scratch: run id, pending dependencies, input buffer. */
  _run = 0;
  /** @internal */ _deps = 0;
  /** @internal */ _needed = false;
  /** @internal */ _buf: (Tensor | null)[] | null = null;
  /** @internal The stack of the forward call that created it, recorded under anomaly detection (else null). */
  _trace: string | null = isAnomalyEnabled() ? creationStack() : null;

  /** @internal */
  constructor(private readonly _name: string) {}

  /** PyTorch's node name, e.g. `'SigmoidBackward0'`. */
  name(): string {
    return this._name;
  }

  /** The next nodes, one per input, as PyTorch's `next_functions`: `[node | null, inputNr]`. */
  get nextFunctions(): [Node | null, number][] {
    return this._next.map((n, i) => [n, this._nextNr[i]!]);
  }

  /**
   * @internal Saves `t` for backward; reading it checks it was not modified in place since
   * (`version`: the version the saved value had, when it was read before an in-place write).
   */
  _save(t: Tensor, isOutputOf: Node | null = null, outputNr = 0, version = t._version): SavedTensor {
    const s = new SavedTensor(t, this, isOutputOf, outputNr, version);
    if (this._saved === NONE) this._saved = [s];
    else this._saved.push(s);
    return s;
  }

  /** @internal Frees saved tensors (after backward without `retainGraph`). */
  _release(): void {
    for (const s of this._saved) s._release();
    if (this._owned) for (const n of this._owned) n._release();
  }

  /** @internal */
  toString(): string {
    return `<${this._name}>`;
  }

  /**
   * @internal `console.log(y.gradFn)` shows the node as `String()` does (PyTorch prints
   * `<SumBackward0 object at 0x…>`), not its internal fields.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** The node that accumulates into a leaf's `.grad` (PyTorch's `AccumulateGrad`). */
export class AccumulateGrad extends Node {
  /** @internal */
  constructor(
    /** The leaf tensor whose `.grad` this node accumulates into. */
    readonly variable: Tensor,
  ) {
    super('AccumulateGrad');
    // Runs as soon as it is ready, as PyTorch's AccumulateGrad does.
    this._seq = Number.MAX_SAFE_INTEGER;
  }
}

/** A tensor saved for backward, with the version it had when saved. */
export class SavedTensor {
  private tensor: Tensor | null;
  private readonly version: number;

  /** @internal */
  constructor(
    t: Tensor,
    private readonly owner: Node,
    /** Set when `t` is an output of `owner` (the error then names `owner`). */
    private readonly outputOf: Node | null,
    private readonly outputNr: number,
    version: number,
  ) {
    this.tensor = t;
    this.version = version;
  }

  /** The saved tensor; throws PyTorch's errors when freed or modified in place since. */
  get(): Tensor {
    const t = this.tensor;
    if (t === null) throw new TorchRuntimeError('backward', FREED);
    if (t._version !== this.version) throw new TorchRuntimeError('backward', modifiedMessage(t, this.version, this.outputOf, this.outputNr));
    return t;
  }

  /** @internal */
  _release(): void {
    this.tensor = null;
  }

  /** @internal The node that saved it. */
  get _owner(): Node {
    return this.owner;
  }
}

function modifiedMessage(t: Tensor, expected: number, outputOf: Node | null, outputNr: number): string {
  const desc = `[${TYPE_NAMES[t.dtype.name] ?? t.dtype.name} [${t._shape.join(', ')}]]`;
  let which = '';
  // a fused op's stand-in reports as the tensor it stands in for (the one PyTorch saves)
  const shown = (t._autograd as TensorState | null)?.standsFor ?? t;
  if (outputOf !== null) which = `, which is output ${outputNr} of ${outputOf.name()},`;
  else if (shown.gradFn !== null) which = `, which is output ${stateOf(shown).outputNr} of ${shown.gradFn.name()},`;
  return (
    `one of the variables needed for gradient computation has been modified by an inplace operation: ${desc}${which} is at version ${t._version}; expected version ${expected} instead. ` +
    'Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).'
  );
}

/** Autograd's per-tensor state (kept in `tensor._autograd`). */
export interface TensorState {
  /** Which output of `gradFn` this tensor is. */
  outputNr: number;
  /** The leaf's AccumulateGrad node, created on first use. */
  accumulate: AccumulateGrad | null;
  /** For views recorded by autograd: the storage version their `gradFn` describes (-1: not a tracked view). */
  viewVersion: number;
  /**
   * For outputs of recorded view ops: the tensor autograd treats as their base (the
   * root of the chain of view ops, as PyTorch's `_base`). Core's `_base` can differ:
   * ops built from views of internal temporaries (sort, repeat, roll, dot…) return
   * views of those, which autograd must not take for differentiable views.
   */
  viewBase?: Tensor;
  /** For outputs of ops returning several views (split, unbind): the node's name (in-place writes are refused). */
  multiView: string | null;
  /** How many hooks were registered when `retainGrad()` was called (the retained gradient is taken there). */
  retainAt: number;
  /** For a fused op's stand-in leaf: the input it stands for (named in error messages). */
  standsFor?: Tensor;
}

/** The autograd state of a tensor, created on first use. */
export function stateOf(t: Tensor): TensorState {
  let s = t._autograd as TensorState | null;
  if (s === null) {
    s = { outputNr: 0, accumulate: null, viewVersion: -1, multiView: null, retainAt: -1 };
    t._autograd = s;
  }
  return s;
}

/** The AccumulateGrad node of a leaf (one per leaf, reused by every op that reads it). */
export function accumulateGradOf(t: Tensor): AccumulateGrad {
  const s = stateOf(t);
  if (s.accumulate === null || s.accumulate.variable !== t) s.accumulate = new AccumulateGrad(t);
  return s.accumulate;
}

/** Makes `t` output `nr` of `node`: it then requires grad and is no longer a leaf. */
export function setGradFn(t: Tensor, node: Node, nr: number): void {
  t.gradFn = node;
  t._requiresGrad = true;
  stateOf(t).outputNr = nr;
}
