/**
 * The backward engine: walks the graph from the roots in dependency order
 * (iteratively, so deep graphs don't overflow the stack), sums the gradients
 * flowing into each node, runs tensor hooks, calls each node's formula, fits
 * each result to its input (sum over broadcast dims, dtype), and accumulates
 * into leaves' `.grad` or captures the gradients `grad()` asked for.
 */
import { type Tensor, TorchRuntimeError, adopt, release, zeros } from '@antorcha/core';
import { isAnomalyCheckNanEnabled, isAnomalyEnabled, warnFailedNode, warnNanCheckSkipped } from './anomaly.js';
import { withGradMode } from './grad-mode.js';
import { AccumulateGrad, type Node, type TensorMeta, accumulateGradOf, stateOf } from './node.js';
import { edgeOf } from './recorder.js';
import { expandableTo, sameShape, sumTo } from './unbroadcast.js';

/** How to run a backward pass. */
export interface EngineOptions {
  /** Keep saved tensors so the graph can be walked again. */
  retainGraph: boolean;
  /** Record the backward pass itself (higher-order gradients). */
  createGraph: boolean;
  /** Tensors whose gradients are wanted; null: every leaf (plain `backward()`). */
  inputs: readonly Tensor[] | null;
  /** Accumulate into `.grad` (backward) rather than return the gradients (grad). */
  accumulate: boolean;
}

let runs = 0;

/** A max-heap of ready nodes by sequence number: the most recently created runs first, as in PyTorch. */
class ReadyQueue {
  private items: Node[] = [];
  get size(): number {
    return this.items.length;
  }
  push(n: Node): void {
    const a = this.items;
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!._seq >= n._seq) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = n;
  }
  pop(): Node {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const r = l + 1;
        const c = r < a.length && a[r]!._seq > a[l]!._seq ? r : l;
        if (a[c]!._seq <= last._seq) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/** Fits a gradient to the tensor it flows into (PyTorch's `validate_outputs`). */
function fit(node: Node, i: number, g: Tensor, meta: TensorMeta): Tensor {
  let r = g;
  if (!sameShape(r._shape, meta.shape)) {
    if (!expandableTo(meta.shape, r._shape)) {
      throw new TorchRuntimeError(
        'backward',
        `Function ${node.name()} returned an invalid gradient at index ${i} - got [${r._shape.join(', ')}] but expected shape compatible with [${meta.shape.join(', ')}]`,
      );
    }
    r = sumTo(r, meta.shape);
  }
  if (r.dtype !== meta.dtype) r = r.to(meta.dtype);
  if (!r.device.equals(meta.device)) {
    // PyTorch copies such a gradient back with a blocking read; an asynchronous device can't.
    if (!r._storage.backend.syncRead && meta.device.type === 'cpu') {
      throw new TorchRuntimeError(
        'backward',
        `the gradient of input ${i} of ${node.name()} belongs to a CPU tensor of shape [${meta.shape.join(', ')}] but was computed on '${r.device}', which can only be read asynchronously; a 0-dim CPU tensor that requires grad can't be an operand of ${r.device} tensors: move it there first (x.to('${r.device.type}')) or pass its value as a number`,
      );
    }
    r = r.to(meta.device);
  }
  return r;
}

function addTo(node: Node, nr: number, g: Tensor): void {
  let buf = node._buf;
  if (buf === null) {
    buf = new Array<Tensor | null>(Math.max(node._outMeta.length, nr + 1)).fill(null);
    node._buf = buf;
  }
  const old = buf[nr];
  buf[nr] = old ? old.add(g) : g;
}

/**
 * Runs a tensor's hooks on its gradient (a hook returning a tensor replaces it)
 * and, for `retainGrad()` tensors, keeps the gradient as it is at the point the
 * retain was requested among the hooks (PyTorch 1.13's order).
 */
function runHooks(t: Tensor, g: Tensor): Tensor {
  let r = g;
  const retainAt = t._retainsGrad ? Math.min(stateOf(t).retainAt < 0 ? t._hooks.length : stateOf(t).retainAt, t._hooks.length) : -1;
  const hooks = t._hooks;
  for (let i = 0; i <= hooks.length; i++) {
    if (i === retainAt) setGrad(t, t.grad === null ? r.clone() : t.grad.add(r));
    if (i === hooks.length) break;
    const out = hooks[i]!(r);
    if (out !== undefined && out !== null) r = out;
  }
  return r;
}

/** A leaf's hooks (its gradient is accumulated anyway: retainGrad does nothing on leaves). */
function runLeafHooks(t: Tensor, g: Tensor): Tensor {
  let r = g;
  for (const h of t._hooks) {
    const out = h(r);
    if (out !== undefined && out !== null) r = out;
  }
  return r;
}

/**
 * Gives `t` a new `.grad`: the tensor owns it, so it outlives the `tidy` the backward ran in
 * (gradients accumulate across steps); the gradient it replaces goes to the innermost scope.
 */
function setGrad(t: Tensor, g: Tensor): void {
  const old = t.grad;
  t.grad = adopt(g);
  if (old !== null) release(old);
}

/** Adds `g` into `t.grad` (PyTorch's AccumulateGrad / retain_grad). */
export function accumulateInto(t: Tensor, g: Tensor, createGraph: boolean): void {
  if (t.grad === null) setGrad(t, g.clone());
  else if (createGraph || t.grad._requiresGrad) setGrad(t, t.grad.add(g));
  else t.grad.add_(g);
}

/**
 * Runs backward from `roots` seeded with `rootGrads`. Returns the gradients of
 * `opts.inputs` (null where none flowed) when they were asked for.
 */
export function runBackward(roots: readonly Tensor[], rootGrads: readonly Tensor[], opts: EngineOptions): (Tensor | null)[] {
  return withGradMode(opts.createGraph, () => execute(roots, rootGrads, opts));
}

function execute(roots: readonly Tensor[], rootGrads: readonly Tensor[], opts: EngineOptions): (Tensor | null)[] {
  const run = ++runs;
  const rootEdges = roots.map((r) => edgeOf(r));
  // Where the wanted gradients are read: node → [output number, input index].
  let targets: Map<Node, [number, number][]> | null = null;
  const captured: (Tensor | null)[] = [];
  if (opts.inputs !== null) {
    targets = new Map();
    opts.inputs.forEach((t, i) => {
      captured.push(null);
      const fn = t.gradFn as Node | null;
      const node = fn ?? accumulateGradOf(t);
      const nr = fn !== null ? stateOf(t).outputNr : 0;
      const list = targets!.get(node);
      if (list) list.push([nr, i]);
      else targets!.set(node, [[nr, i]]);
    });
  }

  // Discover the graph (iterative DFS, post-order: children before parents).
  const order: Node[] = [];
  const stack: Node[] = [];
  const cursor: number[] = [];
  const visit = (n: Node) => {
    n._run = run;
    n._deps = 0;
    n._needed = false;
    n._buf = null;
    stack.push(n);
    cursor.push(0);
  };
  for (const [n] of rootEdges) {
    if (n._run === run) continue;
    visit(n);
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top]!;
      const i = cursor[top]!;
      if (i < node._next.length) {
        cursor[top] = i + 1;
        const child = node._next[i];
        if (child && child._run !== run) visit(child);
      } else {
        stack.pop();
        cursor.pop();
        order.push(node);
      }
    }
  }

  // Which nodes run: with wanted inputs, only those on a path to one of them.
  const exec = new Set<Node>();
  for (const node of order) {
    let childNeeded = false;
    for (const c of node._next) if (c && c._needed) childNeeded = true;
    if (targets === null) {
      node._needed = true;
      exec.add(node);
    } else {
      const isTarget = targets.has(node);
      node._needed = isTarget || childNeeded;
      if (childNeeded || (isTarget && opts.accumulate && node instanceof AccumulateGrad)) exec.add(node);
    }
  }
  for (const node of order) {
    if (!node._needed) continue;
    for (const c of node._next) if (c && c._needed) c._deps++;
  }

  const ready = new ReadyQueue();
  rootEdges.forEach(([n, nr], i) => {
    if (n._needed) addTo(n, nr, rootGrads[i]!);
  });
  const queued = new Set<Node>();
  for (const [n] of rootEdges) {
    if (n._needed && n._deps === 0 && !queued.has(n)) {
      queued.add(n);
      ready.push(n);
    }
  }

  const { retainGraph, createGraph, accumulate } = opts;
  while (ready.size > 0) {
    const node = ready.pop();
    const grads = node._buf;
    node._buf = null;
    // Hooks and retain_grad of non-leaf tensors this node produced.
    if (grads !== null && node._hooked !== null) {
      node._hooked.forEach((t, nr) => {
        if (t === undefined || grads[nr] === null || grads[nr] === undefined) return;
        grads[nr] = runHooks(t, grads[nr]!);
      });
    }
    if (node instanceof AccumulateGrad) {
      const g = grads?.[0] ?? null;
      const hooked = g !== null ? runLeafHooks(node.variable, g) : null;
      const list = targets?.get(node);
      if (list) for (const [, i] of list) captured[i] = hooked;
      if (hooked !== null && exec.has(node)) accumulateInto(node.variable, hooked, createGraph);
      continue;
    }
    const list = targets?.get(node);
    if (list) for (const [nr, i] of list) captured[i] = grads?.[nr] ?? null;
    if (!exec.has(node)) continue;

    if (isAnomalyEnabled()) {
      // PyTorch prints the node's forward stack when its backward fails under anomaly mode
      try {
        callNode(node, grads, retainGraph, ready, true);
      } catch (e) {
        warnFailedNode(node.name(), node._trace);
        throw e;
      }
    } else {
      callNode(node, grads, retainGraph, ready, false);
    }
  }

  // backward(inputs=...) accumulates into non-leaf inputs' .grad too.
  if (accumulate && opts.inputs !== null) {
    opts.inputs.forEach((t, i) => {
      const g = captured[i];
      if (t.gradFn !== null && g !== null && g !== undefined) accumulateInto(t, g, createGraph);
    });
  }
  return captured;
}

/**
 * Runs a node's formula on its summed output gradients and passes each result, fitted to
 * its input, down its edge (`anomaly`: check the results for NaN first, as PyTorch's engine
 * does under anomaly detection).
 */
function callNode(node: Node, grads: (Tensor | null)[] | null, retainGraph: boolean, ready: ReadyQueue, anomaly: boolean): void {
  let outs: readonly (Tensor | null | undefined)[] | null = null;
  if (grads !== null && grads.some((g) => g !== null)) {
    const full = grads.map((g, i) => g ?? zerosOf(node._outMeta[i]!));
    outs = node._formula!(full as Tensor[]);
  }
  if (!retainGraph) node._release();
  const next = node._next;
  const fitted: (Tensor | null)[] = new Array<Tensor | null>(next.length).fill(null);
  for (let i = 0; i < next.length; i++) {
    const child = next[i];
    if (!child || !child._needed) continue;
    const g = outs?.[i];
    if (g !== null && g !== undefined) fitted[i] = fit(node, i, g, node._meta[i]!);
  }
  if (anomaly && isAnomalyCheckNanEnabled()) {
    fitted.forEach((g, i) => {
      if (g === null) return;
      if (!g._storage.backend.syncRead) return warnNanCheckSkipped(String(g.device));
      if (g.dtype.isFloatingPoint && g.isnan().any().item()) {
        throw new TorchRuntimeError('backward', `Function '${node.name()}' returned nan values in its ${i}th output.`);
      }
    });
  }
  for (let i = 0; i < next.length; i++) {
    const child = next[i];
    if (!child || !child._needed) continue;
    const g = fitted[i];
    if (g !== null) addTo(child, node._nextNr[i]!, g);
    if (--child._deps === 0) ready.push(child);
  }
}

function zerosOf(meta: TensorMeta): Tensor {
  return zeros([...meta.shape], { dtype: meta.dtype, device: meta.device });
}
