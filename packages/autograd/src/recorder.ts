/**
 * The recorder core calls for every differentiable op: it builds the node of
 * the op from its derivative rule, links it to the nodes of the inputs and
 * makes it the `gradFn` of the outputs. In-place ops rebase their target onto
 * the new node (through `CopySlices` when the target is a view), after the
 * checks PyTorch makes (leaves, views of leaves, multi-output views).
 */
import { type AutogradRecorder, type OpRecord, type Tensor, TorchRuntimeError, negView, viewAsComplex, viewAsReal, zeros } from '@antorcha/core';
import { MULTI_VIEW_OPS, VIEW_OPS, inplaceNeedsSelf, ruleFor } from './derivatives/index.js';
import type { Rule, RuleCtx } from './derivatives/rule.js';
import { type Geometry, asStridedBackward } from './derivatives/views.js';
import { isGradEnabled } from './grad-mode.js';
import { type Formula, type TensorMeta, type TensorState, Node, accumulateGradOf, metaOf, setGradFn, stateOf } from './node.js';

/** The edge a new node gets for an input that requires grad: its gradFn (or AccumulateGrad) and output number. */
export function edgeOf(t: Tensor, regenerate = true): [Node, number] {
  if (regenerate) refreshView(t);
  const fn = t.gradFn as Node | null;
  if (fn !== null) return [fn, stateOf(t).outputNr];
  return [accumulateGradOf(t), 0];
}

/**
 * The base autograd sees `t` as a view of (null: not a view): for outputs of
 * recorded view ops the root of their view chain; for tensors outside the graph
 * (no `gradFn`) core's `_base`. A result of any other op is no view, whatever
 * core's `_base` says (ops like sort or repeat return views of internal buffers).
 */
export function viewBaseOf(t: Tensor): Tensor | null {
  const st = t._autograd as TensorState | null;
  if (st !== null && st.viewBase !== undefined) return st.viewBase;
  return t.gradFn === null ? t._base : null;
}

function geometryOf(t: Tensor): Geometry {
  return { shape: t._shape.slice(), strides: t._strides.slice(), offset: t._offset };
}

/**
 * How a view reads its base's storage: its strided layout (in elements of its own
 * dtype) and, where they differ from the base's, its dtype (`.real`/`.imag`,
 * `view_as_real`/`view_as_complex`) and math bits (`conj()`, the negative bit of a
 * conjugate view's imaginary part): PyTorch replays such views with their view
 * function where as_strided alone cannot.
 */
interface ViewGeometry extends Geometry {
  dtype: Tensor['dtype'];
  conj: boolean;
  neg: boolean;
}

function viewGeometryOf(view: Tensor, base: Tensor): ViewGeometry {
  return { ...geometryOf(view), dtype: view.dtype, conj: view._conj !== base._conj, neg: view._neg !== base._neg };
}

/** Whether a view is as_strided of its base alone (same dtype, same math bits). */
function isStrided(geo: ViewGeometry, base: Tensor): boolean {
  return geo.dtype === base.dtype && !geo.conj && !geo.neg;
}

/** The number of `base`-dtype elements of its storage (a real root over complex memory counts two per element). */
function storageNumelOf(base: Tensor): number {
  const stored = base._storage.numel;
  const storedComplex = base._storage.dtype === 'complex64' || base._storage.dtype === 'complex128';
  if (storedComplex === base.dtype.isComplex) return stored;
  return storedComplex ? 2 * stored : stored / 2;
}

/**
 * The view `geo` describes, of `flat` (a 1-D tensor standing for the base's storage, in
 * the base's dtype): the dtype reinterpreted, as_strided, then the math bits, so a
 * `copy_` into it writes conjugated/negated as a write through the original view does.
 */
function replayView(flat: Tensor, geo: ViewGeometry): Tensor {
  let f = flat;
  if (geo.dtype !== flat.dtype) f = geo.dtype.isComplex ? viewAsComplex(flat.view(-1, 2)) : viewAsReal(flat).view(-1);
  let v = f.asStrided(geo.shape, geo.strides, geo.offset);
  if (geo.conj) v = v.conj();
  if (geo.neg) v = negView(v);
  return v;
}

/**
 * The name of the node that reads a view out of its base again (PyTorch regenerates
 * it by the view's last replayed op): ConjBackward0 for `conj()` of the base itself,
 * ViewAsComplexBackward0 for `view_as_complex` of it, else AsStridedBackward0.
 */
function regeneratedName(base: Tensor, geo: ViewGeometry): string {
  const sameLayout = geo.offset === base._offset && geo.shape.length === base._shape.length && geo.shape.every((d, i) => d === base._shape[i] && geo.strides[i] === base._strides[i]);
  if (geo.dtype === base.dtype && geo.conj && !geo.neg && sameLayout) return 'ConjBackward0';
  if (geo.dtype.isComplex && !base.dtype.isComplex && !geo.conj && !geo.neg && geo.shape.length === base._shape.length - 1 && 2 * geo.offset === base._offset && geo.shape.every((d, i) => d === base._shape[i] && 2 * geo.strides[i]! === base._strides[i])) {
    return 'ViewAsComplexBackward0';
  }
  return 'AsStridedBackward0';
}

/** A node reading view `view` out of `base` (PyTorch's `AsStridedBackward0`, or the view's own node), linked to `next`. */
function asStridedNode(base: Tensor, view: Tensor, next: [Node | null, number]): Node {
  const viewGeo = viewGeometryOf(view, base);
  const node = new Node(regeneratedName(base, viewGeo));
  const baseGeo = viewGeometryOf(base, base);
  const numel = storageNumelOf(base);
  node._next = [next[0]];
  node._nextNr = [next[1]];
  node._meta = [metaOf(base)];
  node._outMeta = [metaOf(view)];
  if (isStrided(viewGeo, base)) node._formula = ([g]) => [asStridedBackward(g!, baseGeo, viewGeo, numel)];
  else {
    // the view's gradient written through the replayed view into zeros of the base's storage
    node._formula = ([g]) => {
      const storage = zeros([numel], { dtype: base.dtype, device: g!.device });
      replayView(storage, viewGeo).copy_(g!);
      return [replayView(storage, baseGeo)];
    };
  }
  return node;
}

/**
 * A tracked view whose storage was written in place since its `gradFn` was set
 * gets a fresh `gradFn` reading it out of its base (PyTorch regenerates it too).
 */
function refreshView(t: Tensor): void {
  const base = viewBaseOf(t);
  if (base === null) return;
  const st = t._autograd as TensorState | null;
  if (st === null || st.viewVersion < 0 || st.viewVersion === t._version || !base._requiresGrad) return;
  setGradFn(t, asStridedNode(base, t, edgeOf(base, false)), 0);
  st.viewVersion = t._version;
}

/** Builds the node of a record: edges from `rec`, formula from `buildRec` (in-place: the value before the write). */
function buildNode(rule: Rule, rec: OpRecord, buildRec: OpRecord, inplaceView: boolean): Node | null {
  const edges = rule.edges ? rule.edges(rec) : rec.inputs;
  const node = new Node(rule.name(rec));
  const n = edges.length;
  const next: (Node | null)[] = new Array(n);
  const nextNr: number[] = new Array(n);
  const meta = new Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    const e = edges[i];
    // An in-place write into a view: the view's own edge is replaced by CopySlices' edge to the base.
    const viewSelf = inplaceView && i === 0 && e === rec.outputs[0];
    if (e !== null && e !== undefined && (e._requiresGrad || (viewSelf && viewBaseOf(e)!._requiresGrad))) {
      if (viewSelf) {
        next[i] = node;
        nextNr[i] = 0;
      } else {
        // edgeOf(e), without its pair
        refreshView(e);
        const fn = e.gradFn as Node | null;
        next[i] = fn !== null ? fn : accumulateGradOf(e);
        nextNr[i] = fn !== null ? stateOf(e).outputNr : 0;
      }
      meta[i] = metaOf(e);
      any = true;
    } else {
      next[i] = null;
      nextNr[i] = 0;
      meta[i] = null;
    }
  }
  if (!any) return null;
  node._next = next;
  node._nextNr = nextNr;
  node._meta = meta;
  const outputs = rec.outputs;
  const outMeta: TensorMeta[] = new Array(outputs.length);
  for (let i = 0; i < outputs.length; i++) outMeta[i] = metaOf(outputs[i]!);
  node._outMeta = outMeta;
  // An in-place op reading its own target as another operand (`y.mul_(y)`) read it before the write.
  const target = rec.attrs.inplace === true ? rec.outputs[0] : null;
  const formula = rule.build(new BuildCtx(buildRec, node, next, outputs, target));
  // complex records: real formulas give ∂/∂z; PyTorch's gradient is conj(f′(z))·g (see Rule.complexAware)
  node._formula = !rule.complexAware && involvesComplex(rec) ? conjugated(formula) : formula;
  return node;
}

/** Whether a record has a complex input or output. */
function involvesComplex(rec: OpRecord): boolean {
  for (const t of rec.inputs) if (t !== null && t !== undefined && t.dtype.isComplex) return true;
  for (const t of rec.outputs) if (t.dtype.isComplex) return true;
  return false;
}

/** `conj ∘ formula ∘ conj` (conj is the identity on real tensors). */
function conjugated(formula: Formula): Formula {
  return (grads) => formula(grads.map((g) => g.conj())).map((g) => (g === null || g === undefined ? g : g.conj()));
}

/** The {@link RuleCtx} of a node being built: one object, its methods on the prototype (no closures per node). */
class BuildCtx implements RuleCtx {
  constructor(
    readonly rec: OpRecord,
    private readonly _node: Node,
    private readonly _nextOf: readonly (Node | null)[],
    private readonly _outputs: readonly Tensor[],
    /** An in-place op's target (its saved value is the one before the write), else null. */
    private readonly _target: Tensor | null | undefined,
  ) {}

  needs(i: number): boolean {
    return this._nextOf[i] !== null && this._nextOf[i] !== undefined;
  }

  save(t: Tensor): () => Tensor {
    const node = this._node;
    const k = this._outputs.indexOf(t);
    const s = node._save(t, k >= 0 ? node : null, k, t === this._target ? t._version - 1 : t._version);
    return () => s.get();
  }

  saveOutput(i: number): () => Tensor {
    const s = this._node._save(this._outputs[i]!, this._node, i);
    return () => s.get();
  }
}

/** The value of an in-place target before the write, kept by `beforeInplace` for rules that need it. */
let pending: { target: Tensor; value: Tensor; version: number } | null = null;

function takeSnapshot(target: Tensor): Tensor | null {
  const p = pending;
  pending = null;
  if (p === null || p.target !== target || target._version !== p.version + 1) return null;
  return p.value;
}

function recordInplace(rule: Rule, rec: OpRecord): void {
  const target = rec.outputs[0]!;
  const before = takeSnapshot(target);
  const buildRec = before !== null ? { ...rec, inputs: [before, ...rec.inputs.slice(1)] } : rec;
  const base = viewBaseOf(target);
  const node = buildNode(rule, rec, buildRec, base !== null);
  if (node === null) return;
  if (base === null) {
    setGradFn(target, node, 0);
    return;
  }
  copySlices(target, base, node);
}

/**
 * An in-place op `fn` wrote into `view`: the base's new node applies `fn`'s
 * backward to the view's slice of the base's gradient (PyTorch's `CopySlices`),
 * and the view reads itself out of the base again.
 */
function copySlices(view: Tensor, base: Tensor, fn: Node): void {
  const cs = new Node('CopySlices');
  const baseEdge: [Node | null, number] = base._requiresGrad ? edgeOf(base, false) : [null, 0];
  cs._next = [baseEdge[0], ...fn._next.slice(1)];
  cs._nextNr = [baseEdge[1], ...fn._nextNr.slice(1)];
  cs._meta = [metaOf(base), ...fn._meta.slice(1)];
  cs._outMeta = [metaOf(base)];
  cs._owned = [fn];
  const baseGeo = viewGeometryOf(base, base);
  const viewGeo = viewGeometryOf(view, base);
  const numel = storageNumelOf(base);
  cs._formula = ([g]) => {
    const storage = zeros([numel], { dtype: g!.dtype, device: g!.device });
    replayView(storage, baseGeo).copy_(g!);
    // the view of the gradient as the write saw it (conjugated/negated/reinterpreted views replayed)
    const slice = replayView(storage, viewGeo);
    const res = fn._formula!([slice.clone()]);
    if (res[0]) slice.copy_(res[0]);
    else slice.zero_();
    return [replayView(storage, baseGeo), ...res.slice(1)];
  };
  setGradFn(base, cs, 0);
  setGradFn(view, asStridedNode(base, view, [cs, 0]), 0);
  const st = stateOf(view);
  st.viewVersion = view._version;
  // A view made outside the graph (of a base that required no grad) is one from now on.
  st.viewBase = base;
}

/** What autograd installs into core. */
export const recorder: AutogradRecorder & { onTensorHook(t: Tensor): void } = {
  isGradEnabled,

  activateView(t: Tensor): boolean {
    const base = t._base;
    if (base === null || !base._requiresGrad || !t.dtype.isFloatingPoint || t.gradFn !== null) return false;
    setGradFn(t, asStridedNode(base, t, edgeOf(base, false)), 0);
    const st = stateOf(t);
    st.viewVersion = t._version;
    st.viewBase = base;
    t._viewVersion = t._version;
    return true;
  },

  record(rec: OpRecord): void {
    const outs = rec.outputs;
    let floating = false;
    for (const o of outs) if (o.dtype.isFloatingPoint || o.dtype.isComplex) floating = true;
    if (!floating) return; // integer and bool results never require grad
    const rule = ruleFor(rec.op);
    if (rec.attrs.inplace === true) {
      recordInplace(rule, rec);
      return;
    }
    const node = buildNode(rule, rec, rec, false);
    if (node === null) return;
    // A reshape that had to copy is PyTorch's `_unsafe_view` of a fresh tensor: no view for autograd.
    const isView = VIEW_OPS.has(rec.op) && rec.attrs.reshape !== 'copy';
    const multi = MULTI_VIEW_OPS.has(rec.op);
    const viewBase = isView ? (viewBaseOf(rec.inputs[0]!) ?? rec.inputs[0]!) : null;
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i]!;
      if ((!o.dtype.isFloatingPoint && !o.dtype.isComplex) || rec.inputs.includes(o)) continue;
      setGradFn(o, node, i);
      if (isView) {
        const st = stateOf(o);
        st.viewVersion = o._version;
        st.viewBase = viewBase!;
        if (multi) st.multiView = node.name();
      }
    }
  },

  beforeInplace(target: Tensor, op: string): void {
    if (!isGradEnabled()) return;
    if (target.gradFn === null && target._requiresGrad) {
      throw new TorchRuntimeError(op, 'a leaf Variable that requires grad is being used in an in-place operation.');
    }
    const base = viewBaseOf(target);
    if (base !== null && base.gradFn === null && base._requiresGrad) {
      throw new TorchRuntimeError(op, 'a view of a leaf Variable that requires grad is being used in an in-place operation.');
    }
    const st = target._autograd as TensorState | null;
    if (st !== null && st.multiView !== null && target._requiresGrad) {
      throw new TorchRuntimeError(
        op,
        `Output ${st.outputNr} of ${st.multiView} is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.`,
      );
    }
    pending = null;
    if ((target.dtype.isFloatingPoint || target.dtype.isComplex) && inplaceNeedsSelf(op)) {
      // Cloned with grad mode on: the saved value stays in the graph (double backward through it).
      pending = { target, value: target.clone(), version: target._version };
    }
  },

  onTensorHook(t: Tensor): void {
    const fn = t.gradFn as Node | null;
    if (fn === null) return;
    const st = stateOf(t);
    // PyTorch 1.13 retains the gradient as a hook in registration order.
    if (t._retainsGrad && st.retainAt < 0) st.retainAt = t._hooks.length;
    const hooked = (fn._hooked ??= []);
    hooked[stateOf(t).outputNr] = t;
  },
};
