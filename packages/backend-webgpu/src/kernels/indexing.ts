/**
 * Index-driven kernels: gather, scatter (with reductions) and indexSelect.
 * Index values outside a dim cannot throw from a shader: kernels skip them and
 * report the first one through the device's error word, which the next read
 * back raises with PyTorch's message (as CUDA reports device-side asserts).
 * Scatter gives each thread one line along `dim` and walks it in order, so
 * duplicate indices combine deterministically (last write wins, like the CPU).
 */
import type { Operand, ScatterReduce, TensorRef } from '@antorcha/core';
import { convert, metaScalar, normalize, scalarBits, wgslType } from '../codegen/dtypes.js';
import { ENTRY_PARAMS, GROUP_ID, Meta, collapse, grid, indexToOffsets, numel } from '../codegen/layout.js';
import { Bindings, type GpuRuntime, INDEX_ERROR, reportIndexError } from '../runtime.js';

const WG = 256;

/** A 0-d view as a 1-element 1-d view. */
function atLeast1d(r: TensorRef): TensorRef {
  return r.shape.length === 0 ? { ...r, shape: [1], strides: [0] } : r;
}

/** Strides with the entry at `dim` set to 0 (that coordinate comes from the index). */
function withoutDim(strides: readonly number[], dim: number): number[] {
  const s = strides.slice();
  s[dim] = 0;
  return s;
}

/** `out[i][j][k] = x[i][index[i][j][k]][k]` along `dim` (index int64 with out's shape). */
export function gather(rt: GpuRuntime, x0: TensorRef, dim: number, index0: TensorRef, out0: TensorRef): void {
  const n = numel(out0.shape);
  if (n === 0) return;
  const x = atLeast1d(x0), index = atLeast1d(index0), out = atLeast1d(out0);
  const c = collapse(out.shape, [out.strides, index.strides, withoutDim(x.strides, dim)]);
  const rank = c.shape.length;
  const meta = new Meta();
  meta.push(n);
  const shapeAt = meta.pushAll(c.shape);
  const offAt = [meta.push(out.offset), meta.push(index.offset), meta.push(x.offset)];
  const strideAt = c.strides.map((s) => meta.pushAll(s));
  const infoAt = meta.pushAll([x.shape[dim]!, x.strides[dim]!, dim]);
  const bind = new Bindings();
  const o = bind.tensor(out.buffer, true);
  const ix = bind.tensor(index.buffer, false);
  const xs = bind.tensor(x.buffer, false);
  const err = bind.raw(rt.errors, true, 'atomic<u32>');
  rt.run(`gather:${x.dtype}:${index.dtype}:${out.dtype}:${rank}`, bind, meta.toArray(), grid(Math.ceil(n / WG)), () => `${bind.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let idx = ${GROUP_ID} * ${WG}u + lid;
  if (idx >= md[0]) { return; }
  ${indexToOffsets('idx', rank, shapeAt, ['oo', 'io', 'xo'], offAt, strideAt)}
  let size = md[${infoAt}];
  let j = ${convert(`${ix}[io]`, index.dtype, 'int32')};
  if (j < 0 || u32(j) >= size) {
    ${reportIndexError(err, INDEX_ERROR.gather, 'j', `md[${infoAt + 2}]`, 'size')}
    return;
  }
  ${o}[oo] = ${convert(`${xs}[xo + u32(j) * md[${infoAt + 1}]]`, x.dtype, out.dtype)};
}`);
}

/**
 * Scatters `src` (a view iterated over index's shape, or a scalar) into `out` in
 * place along `dim`, combining with `reduce` in out's dtype.
 */
export function scatter(rt: GpuRuntime, out0: TensorRef, dim: number, index0: TensorRef, src0: Operand, reduce: ScatterReduce): void {
  if (numel(index0.shape) === 0) return;
  const out = atLeast1d(out0), index = atLeast1d(index0);
  const src = typeof src0 === 'number' ? src0 : atLeast1d(src0);
  const dt = out.dtype;
  const drop = (s: readonly number[]): number[] => s.filter((_, i) => i !== dim);
  const others = drop(index.shape);
  const srcStrides = typeof src === 'number' ? index.shape.map(() => 0) : src.strides;
  const c = collapse(others, [drop(out.strides), drop(index.strides), drop(srcStrides)]);
  const rank = c.shape.length;
  const lines = numel(others);
  const meta = new Meta();
  meta.push(lines);
  meta.push(index.shape[dim]!);
  const shapeAt = meta.pushAll(c.shape);
  const offAt = [meta.push(out.offset), meta.push(index.offset), meta.push(typeof src === 'number' ? 0 : src.offset)];
  const strideAt = c.strides.map((s) => meta.pushAll(s));
  const infoAt = meta.pushAll([out.strides[dim]!, index.strides[dim]!, srcStrides[dim]!, out.shape[dim]!, dim]);
  const scalarAt = typeof src === 'number' ? meta.pushBits(scalarBits(src, dt)) : -1;
  const bind = new Bindings();
  const o = bind.tensor(out.buffer, true);
  const ix = bind.tensor(index.buffer, false);
  const ss = typeof src === 'number' ? '' : bind.tensor(src.buffer, false);
  const err = bind.raw(rt.errors, true, 'atomic<u32>');
  const value = typeof src === 'number' ? metaScalar(scalarAt, dt) : convert(`${ss}[so + t * sd]`, src.dtype, dt);
  const f = wgslType(dt) === 'f32';
  let combine: string;
  switch (reduce) {
    case 'none':
      combine = 'v';
      break;
    case 'add':
      combine = normalize(`${o}[oi] + v`, dt);
      break;
    case 'multiply':
      combine = normalize(`${o}[oi] * v`, dt);
      break;
    case 'amax':
      combine = f ? `m_max(${o}[oi], v)` : `max(${o}[oi], v)`;
      break;
    case 'amin':
      combine = f ? `m_min(${o}[oi], v)` : `min(${o}[oi], v)`;
      break;
  }
  const srcKey = typeof src === 'number' ? 'scalar' : src.dtype;
  rt.run(`scatter:${reduce}:${dt}:${index.dtype}:${srcKey}:${rank}`, bind, meta.toArray(), grid(Math.ceil(lines / 64)), () => `${bind.declarations()}
@compute @workgroup_size(64)
fn main(${ENTRY_PARAMS}) {
  let line = ${GROUP_ID} * 64u + lid;
  if (line >= md[0]) { return; }
  ${indexToOffsets('line', rank, shapeAt, ['oo', 'io', 'so'], offAt, strideAt)}
  let len = md[1];
  let od = md[${infoAt}]; let id = md[${infoAt + 1}]; let sd = md[${infoAt + 2}]; let size = md[${infoAt + 3}];
  for (var t = 0u; t < len; t++) {
    let j = ${convert(`${ix}[io + t * id]`, index.dtype, 'int32')};
    if (j < 0 || u32(j) >= size) {
      ${reportIndexError(err, INDEX_ERROR.scatter, 'j', `md[${infoAt + 4}]`, 'size')}
      continue;
    }
    let oi = oo + u32(j) * od;
    let v = ${value};
    ${o}[oi] = ${combine};
  }
}`);
}

/** `out = x` with dim `dim` picked at `index` (int64, 1-D): out's dim has index's length. */
export function indexSelect(rt: GpuRuntime, x0: TensorRef, dim: number, index0: TensorRef, out0: TensorRef): void {
  const n = numel(out0.shape);
  if (n === 0) return;
  const x = atLeast1d(x0), out = atLeast1d(out0), index = atLeast1d(index0);
  // The index is an operand whose only nonzero stride is along dim: its offset is then index[c_dim].
  const idxStrides = out.shape.map((_, i) => (i === dim ? index.strides[0]! : 0));
  const c = collapse(out.shape, [out.strides, withoutDim(x.strides, dim), idxStrides]);
  const rank = c.shape.length;
  const meta = new Meta();
  meta.push(n);
  const shapeAt = meta.pushAll(c.shape);
  const offAt = [meta.push(out.offset), meta.push(x.offset), meta.push(index.offset)];
  const strideAt = c.strides.map((s) => meta.pushAll(s));
  const infoAt = meta.pushAll([x.shape[dim]!, x.strides[dim]!, dim]);
  const bind = new Bindings();
  const o = bind.tensor(out.buffer, true);
  const xs = bind.tensor(x.buffer, false);
  const ix = bind.tensor(index.buffer, false);
  const err = bind.raw(rt.errors, true, 'atomic<u32>');
  rt.run(`isel:${x.dtype}:${index.dtype}:${out.dtype}:${rank}`, bind, meta.toArray(), grid(Math.ceil(n / WG)), () => `${bind.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let idx = ${GROUP_ID} * ${WG}u + lid;
  if (idx >= md[0]) { return; }
  ${indexToOffsets('idx', rank, shapeAt, ['oo', 'xo', 'io'], offAt, strideAt)}
  let size = md[${infoAt}];
  let j = ${convert(`${ix}[io]`, index.dtype, 'int32')};
  if (j < 0 || u32(j) >= size) {
    ${reportIndexError(err, INDEX_ERROR.indexSelect, 'j', `md[${infoAt + 2}]`, 'size')}
    return;
  }
  ${o}[oo] = ${convert(`${xs}[xo + u32(j) * md[${infoAt + 1}]]`, x.dtype, out.dtype)};
}`);
}
