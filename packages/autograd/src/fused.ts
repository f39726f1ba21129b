/**
 * Composite ops recorded as one backward node with PyTorch's name for the fused
 * kernel they stand for (`ConvolutionBackward0`, `NllLossBackward0`, …), so that
 * `gradFn` and `nextFunctions` read as they do in PyTorch while the gradients
 * (of any order) come from the composite's own, tested ops.
 */
import { type Tensor, TorchRuntimeError } from '@antorcha/core';
import { grad } from './backward.js';
import { isGradEnabled } from './grad-mode.js';
import { Node, metaOf, setGradFn, stateOf } from './node.js';
import { edgeOf } from './recorder.js';

const FREED =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

type Inputs = readonly (Tensor | null | undefined)[];

/** The node of {@link fusedNode}: it owns the composite's inner graph until released. */
class FusedNode extends Node {
  /** @internal The composite's output inside its own graph (null once released). */
  _inner: Tensor | null;

  /** @internal */
  constructor(name: string, inner: Tensor) {
    super(name);
    this._inner = inner;
  }

  /** @internal Dropping the inner graph frees its saved tensors, as PyTorch frees the node's. */
  override _release(): void {
    super._release();
    this._inner = null;
  }
}

/**
 * Runs `fn` on stand-ins of `inputs` (same values and storage, new graph leaves) and
 * returns its result recorded as ONE node named `name`, whose edges go to `inputs`
 * (in order) and whose backward differentiates `fn`'s graph. Without a recording
 * input it is just `fn(...inputs)`. Higher-order gradients rerun `fn` (once per input),
 * so `fn` must be free of side effects.
 * @example
 * ```ts pytorch=core.autograd.fusedNode
 * const input = torch.tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
 * const target = torch.tensor([1, 0, 0], { dtype: 'float32' });
 * const loss = torch.autograd.fusedNode('MseLossBackward0', [input, target], (x, t) => x.sub(t).square().mean());
 * console.log(loss);
 * loss.backward();
 * console.log(input.grad);
 * ```
 * ```text
 * tensor(4.3333, grad_fn=<MseLossBackward0>)
 * tensor([0.0000, 1.3333, 2.0000])
 * ```
 */
export function fusedNode<const A extends Inputs>(name: string, inputs: A, fn: (...xs: A) => Tensor): Tensor {
  const recording = isGradEnabled();
  const needs = inputs.map((t) => recording && t !== null && t !== undefined && t._requiresGrad);
  if (!needs.some(Boolean)) return fn(...inputs);
  const standIns = inputs.map((t, i) => {
    if (!needs[i]) return t;
    const s = t!.detach().requiresGrad_(true);
    stateOf(s).standsFor = t!;
    return s;
  }) as unknown as A;
  const inner = fn(...standIns);
  if (!inner._requiresGrad) return inner;
  const out = inner.detach();
  const node = new FusedNode(name, inner);
  node._next = inputs.map((t, i) => (needs[i] ? edgeOf(t!)[0] : null));
  node._nextNr = inputs.map((t, i) => (needs[i] ? edgeOf(t!)[1] : 0));
  node._meta = inputs.map((t, i) => (needs[i] ? metaOf(t!) : null));
  node._outMeta = [metaOf(out)];
  const wrt = standIns.filter((_, i) => needs[i]) as Tensor[];
  node._formula = ([g]) => {
    const inner = node._inner;
    if (inner === null) throw new TorchRuntimeError('backward', FREED);
    // Inside the outer backward pass grad mode is on exactly when it records (createGraph).
    if (!isGradEnabled()) {
      const gs = grad([inner], wrt, { gradOutputs: [g!], retainGraph: true, allowUnused: true });
      let k = 0;
      return needs.map((n) => (n ? gs[k++] : null));
    }
    // Higher orders: each gradient must be a function of the real inputs (and of g), so it
    // is itself a fused node over (g, inputs) that reruns `fn` on fresh stand-ins.
    const twice = name.replace(/Backward(\d*)$/, 'BackwardBackward$1');
    return needs.map((n, i) =>
      n
        ? fusedNode(twice, [g!, ...inputs], (gg, ...xs) => {
            const x = xs[i]!;
            const [gi] = grad([fn(...(xs as unknown as A))], [x], { gradOutputs: [gg!], createGraph: true, allowUnused: true });
            return gi ?? x.mul(0);
          })
        : null,
    );
  };
  setGradFn(out, node, 0);
  return out;
}
