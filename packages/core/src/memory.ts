/**
 * Explicit memory management, for devices whose memory the garbage collector
 * does not see (GPU buffers): `tensor.dispose()`, `using t = …`, and
 * `tidy(fn)`, which frees every storage created inside `fn` except those its
 * result (or `keep()`) still uses. Disposal frees a whole storage, so every
 * view of it becomes unusable; using one raises a clear error.
 */
import { TorchRuntimeError } from './errors.js';
import type { Storage } from './storage.js';

const scopes: Set<Storage>[] = [];

/**
 * Storages an owner adopted with {@link adopt}: only these are handed back to a scope by
 * {@link release}, so a tensor the user put in `.grad` is never freed behind their back.
 */
const owned = new WeakSet<Storage>();

/** @internal Storage's constructor calls it: the innermost `tidy` scope records the storage. */
export function trackStorage(s: Storage): void {
  // No `scopes[length - 1]` outside tidy: index -1 is a slow named-property miss on every allocation.
  const n = scopes.length;
  if (n !== 0) scopes[n - 1]!.add(s);
}

/**
 * Storages of the tensors found in a value (tensors, arrays, plain objects, `ValuesIndices`);
 * a tensor's `.grad` goes with it (a retained gradient survives with its tensor).
 */
function collectStorages(value: unknown, into: Set<Storage>, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 8) return;
  const st = (value as { _storage?: Storage })._storage;
  if (st !== undefined && typeof (value as { dispose?: unknown }).dispose === 'function') {
    into.add(st);
    const grad = (value as { grad?: { _storage?: Storage } | null }).grad;
    if (grad?._storage !== undefined) into.add(grad._storage);
    return;
  }
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const v of items) collectStorages(v, into, depth + 1);
}

/**
 * Keeps a tensor created inside {@link tidy} alive after the scope ends (it is
 * then the caller's to dispose).
 */
export function keep<T extends { _storage: Storage }>(t: T): T {
  for (const s of scopes) s.delete(t._storage);
  return t;
}

/** @internal Whether a {@link tidy} scope is open (owners skip their bookkeeping outside one). */
export function tidyActive(): boolean {
  return scopes.length !== 0;
}

/**
 * @internal An owner (a leaf's `.grad`, an optimizer's state, a module's parameters and
 * buffers) takes `t`: it leaves every tidy scope, as with {@link keep}, and is marked as
 * the owner's, so that {@link release} may later hand it back.
 */
export function adopt<T extends { _storage: Storage }>(t: T): T {
  const st = t._storage;
  for (const s of scopes) s.delete(st);
  owned.add(st);
  return t;
}

/**
 * @internal An owner drops `t` (`zeroGrad()` setting `.grad` to null, a replaced optimizer
 * state): if the owner {@link adopt}ed it, it is handed to the innermost tidy scope and freed
 * when that scope ends, unless the scope returns it. Outside `tidy`, or for a tensor the owner
 * did not adopt, nothing happens (the garbage collector reclaims it).
 */
export function release(t: { _storage: Storage }): void {
  const st = t._storage;
  if (!owned.delete(st)) return;
  const n = scopes.length;
  if (n !== 0 && !st.disposed) scopes[n - 1]!.add(st);
}

/**
 * Runs `fn` and frees the device memory of every tensor created inside it, except
 * the tensors it returns (tensors, arrays or objects of tensors, with their `.grad`)
 * and those passed to {@link keep}. Scopes nest: survivors belong to the enclosing
 * scope. Like tfjs's `tidy`, `fn` must be synchronous; call `backward()` inside the
 * scope that created the graph.
 *
 * Tensors with an owner survive too: a leaf's `.grad` set by `backward()`, a module's
 * parameters and buffers, an optimizer's state. What an owner drops inside the scope
 * (`zeroGrad()`'s gradients, state an optimizer replaces) is freed when it ends, so a
 * training loop with one `tidy` per step keeps memory flat. A tensor that an owner
 * drops is freed even if the caller still holds it (e.g. from an earlier
 * `optimizer.stateDict()`): clone what must outlive its owner's use of it.
 * @example
 * ```ts pytorch=core.tidy
 * import * as torch from 'antorcha';
 * import { nn, optim } from 'antorcha';
 *
 * torch.manualSeed(0);
 * const model = new nn.Linear(3, 1);
 * const opt = new optim.SGD(model.parameters(), { lr: 0.1 });
 * const lossFn = new nn.MSELoss();
 * const x = torch.randn([4, 3]);
 * const y = torch.randn([4, 1]);
 * const loss = torch.tidy(() => {
 *   opt.zeroGrad();
 *   const l = lossFn.call(model.call(x), y);
 *   l.backward();
 *   opt.step();
 *   return l.detach();
 * });
 * console.log(await loss.itemAsync());
 * loss.dispose();
 * ```
 * ```text
 * 1.2723733186721802
 * ```
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<Storage>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    scopes.pop();
    for (const s of scope) s.dispose();
    throw e;
  }
  scopes.pop();
  if (result instanceof Promise) {
    throw new TorchRuntimeError('tidy', 'tidy(fn): fn returned a Promise; tidy only tracks synchronous code (await outside the scope)');
  }
  const survivors = new Set<Storage>();
  collectStorages(result, survivors);
  const outer = scopes[scopes.length - 1];
  for (const s of scope) {
    if (survivors.has(s)) outer?.add(s);
    else s.dispose();
  }
  return result;
}
