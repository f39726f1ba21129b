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

/** @internal Storage's constructor calls it: the innermost `tidy` scope records the storage. */
export function trackStorage(s: Storage): void {
  // No `scopes[length - 1]` outside tidy: index -1 is a slow named-property miss on every allocation.
  const n = scopes.length;
  if (n !== 0) scopes[n - 1]!.add(s);
}

/** Storages of the tensors found in a value (tensors, arrays, plain objects, `ValuesIndices`). */
function collectStorages(value: unknown, into: Set<Storage>, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 8) return;
  const st = (value as { _storage?: Storage })._storage;
  if (st !== undefined && typeof (value as { dispose?: unknown }).dispose === 'function') {
    into.add(st);
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

/**
 * Runs `fn` and frees the device memory of every tensor created inside it, except
 * the tensors it returns (tensors, arrays or objects of tensors) and those passed
 * to {@link keep}. Scopes nest: survivors belong to the enclosing scope. Like
 * tfjs's `tidy`, `fn` must be synchronous; call `backward()` inside the scope that
 * created the graph.
 * @example
 * ```ts
 * const loss = torch.tidy(() => model(x).sub(y).square().mean());
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
