/**
 * Custom differentiable functions, as PyTorch's `torch.autograd.Function`:
 * subclass with static `forward(ctx, ...args)` and `backward(ctx, ...grads)`,
 * call with `MyFn.apply(...args)`. The node is named `<ClassName>Backward`.
 */
import { Tensor, TorchRuntimeError } from '@antorcha/core';
import { isGradEnabled, withGradMode } from './grad-mode.js';
import { Node, type SavedTensor, metaOf, setGradFn } from './node.js';
import { edgeOf } from './recorder.js';

/**
 * The context passed to `forward` and `backward`: save tensors with
 * `saveForBackward`, read them back with `savedTensors`; `needsInputGrad` says
 * which arguments need a gradient. Other values may be stored as properties.
 */
export class FunctionCtx {
  /** For each argument of `apply`: whether it is a tensor that requires grad. */
  needsInputGrad: boolean[] = [];
  /** @internal */ _toSave: (Tensor | null)[] = [];
  /** @internal */ _saved: (SavedTensor | null)[] | null = null;
  /** @internal */ _nonDifferentiable = new Set<Tensor>();
  /** Any value `forward` wants to hand to `backward`. */
  [key: string]: unknown;

  /** Saves tensors (inputs or outputs) for `backward`; in-place changes to them are detected. */
  saveForBackward(...tensors: (Tensor | null)[]): void {
    this._toSave = tensors;
  }

  /** The tensors given to `saveForBackward` (after backward without `retainGraph`: an error). */
  get savedTensors(): (Tensor | null)[] {
    if (this._saved === null) return [...this._toSave];
    return this._saved.map((s) => (s === null ? null : s.get()));
  }

  /** Marks outputs that are not differentiable (they won't require grad). */
  markNonDifferentiable(...tensors: Tensor[]): void {
    for (const t of tensors) this._nonDifferentiable.add(t);
  }
}

/** Values `backward` may return for one argument. */
export type GradResult = Tensor | null | undefined;

/** The static side of a custom function class. */
export interface FunctionClass {
  /** The class name (the node is named `<name>Backward`). */
  readonly name: string;
  /** Computes the outputs (a tensor or an array of tensors) from the arguments. */
  forward(ctx: FunctionCtx, ...args: any[]): any;
  /** Returns one gradient per argument of `forward` (null for non-tensors or unneeded ones). */
  backward(ctx: FunctionCtx, ...grads: Tensor[]): GradResult | readonly GradResult[];
}

type Rest<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;

/**
 * Base class of custom autograd functions.
 * @example
 * ```ts pytorch=core.autograd.Function
 * import * as torch from 'antorcha';
 * import { autograd, type Tensor } from 'antorcha';
 *
 * class Exp extends autograd.Function {
 *   static override forward(ctx: autograd.FunctionCtx, x: Tensor): Tensor {
 *     const y = x.exp();
 *     ctx.saveForBackward(y);
 *     return y;
 *   }
 *   static override backward(ctx: autograd.FunctionCtx, g: Tensor): Tensor {
 *     const [y] = ctx.savedTensors;
 *     return g.mul(y!);
 *   }
 * }
 * const x = torch.tensor([0, 1], { dtype: 'float32', requiresGrad: true });
 * const y = Exp.apply(x) as Tensor;
 * console.log(y.gradFn?.name());
 * y.sum().backward();
 * console.log(x.grad);
 * ```
 * ```text
 * ExpBackward
 * tensor([1.0000, 2.7183])
 * ```
 */
export class Function {
  /** Computes the outputs from the arguments (runs without recording). Override it. */
  static forward(_ctx: FunctionCtx, ..._args: any[]): any {
    throw new TorchRuntimeError('forward', 'You must implement the forward function for custom autograd.Function.');
  }

  /** Gradients of the arguments (one per argument, null for non-tensors) from the outputs' gradients. Override it. */
  static backward(_ctx: FunctionCtx, ..._grads: Tensor[]): GradResult | readonly GradResult[] {
    throw new TorchRuntimeError('backward', 'You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.');
  }

  /** Runs `forward` and, when an argument requires grad, records a `<Name>Backward` node. */
  static apply<C extends FunctionClass>(this: C, ...args: Rest<Parameters<C['forward']>>): ReturnType<C['forward']> {
    const cls = this;
    const ctx = new FunctionCtx();
    const recording = isGradEnabled();
    ctx.needsInputGrad = args.map((a) => recording && a instanceof Tensor && a._requiresGrad);
    const raw = withGradMode(false, () => cls.forward(ctx, ...args));
    if (!ctx.needsInputGrad.some(Boolean)) return raw;

    const node = new Node(`${cls.name}Backward`);
    node._next = args.map((a, i) => (ctx.needsInputGrad[i] ? edgeOf(a as Tensor)[0] : null));
    node._nextNr = args.map((a, i) => (ctx.needsInputGrad[i] ? edgeOf(a as Tensor)[1] : 0));
    node._meta = args.map((a, i) => (ctx.needsInputGrad[i] ? metaOf(a as Tensor) : null));

    const isList = Array.isArray(raw);
    const outs: unknown[] = isList ? [...(raw as unknown[])] : [raw];
    outs.forEach((o, i) => {
      if (!(o instanceof Tensor)) return;
      // An argument returned as is becomes a new tensor sharing its storage.
      if (args.includes(o)) outs[i] = o.detach();
    });
    node._outMeta = outs.map((o) => (o instanceof Tensor ? metaOf(o) : metaOf(args.find((a) => a instanceof Tensor) as Tensor)));
    outs.forEach((o, i) => {
      // Floating and complex outputs are differentiable, as in PyTorch (isDifferentiableType).
      if (o instanceof Tensor && (o.dtype.isFloatingPoint || o.dtype.isComplex) && !ctx._nonDifferentiable.has(o)) setGradFn(o, node, i);
    });
    ctx._saved = ctx._toSave.map((t) => {
      if (t === null) return null;
      const k = outs.indexOf(t);
      return node._save(t, k >= 0 ? node : null, k);
    });
    const nArgs = args.length;
    node._formula = (grads) => {
      const res = cls.backward(ctx, ...grads);
      let list: GradResult[] = Array.isArray(res) ? [...(res as GradResult[])] : [res as GradResult];
      if (list.length > nArgs && list.slice(nArgs).every((g) => g === null || g === undefined)) list = list.slice(0, nArgs);
      if (list.length !== nArgs) {
        throw new TorchRuntimeError('backward', `function ${node.name()} returned an incorrect number of gradients (expected ${nArgs}, got ${list.length})`);
      }
      return list;
    };
    return (isList ? outs : outs[0]) as ReturnType<C['forward']>;
  }
}
