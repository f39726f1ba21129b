/**
 * Sorting along the last dim with a bitonic network over (key code, index) pairs.
 * Key codes are order-preserving unsigned integers (NaN largest, −0 = +0; flipped
 * for descending), and ties are broken by the original index, so the order is
 * total and the result equals a stable sort — `stable` is always honoured.
 * Rows whose padded length fits workgroup memory (≤ 1024) sort in one dispatch,
 * one workgroup per row; longer rows sort in global memory, one dispatch per
 * network stage.
 */
import type { DTypeName, TensorRef } from '@antorcha/core';
import { convert } from '../codegen/dtypes.js';
import { ENTRY_PARAMS, GROUP_ID, Meta, collapse, grid, indexToOffsets, numel } from '../codegen/layout.js';
import { Bindings, type GpuRuntime } from '../runtime.js';

const WG = 256;
const SHARED = 1024;

/** WGSL expression of the sort code of a raw value `v` of `dtype`. */
function keyCode(v: string, dtype: DTypeName, descending: boolean): string {
  const code = dtype === 'float32' ? `m_sortkey_f(${v})` : dtype === 'int32' || dtype === 'int64' ? `m_sortkey_i(${v})` : v;
  return descending ? `(~${code})` : code;
}

/** WGSL helper: whether pair (ca, ia) sorts after (cb, ib). */
const AFTER = 'fn after(ca: u32, ia: u32, cb: u32, ib: u32) -> bool { return ca > cb || (ca == cb && ia > ib); }';

/** Sorts x along its last dim into `values` and `indices` (int64 source positions). */
export function sort(rt: GpuRuntime, x0: TensorRef, descending: boolean, _stable: boolean, values0: TensorRef, indices0: TensorRef): void {
  if (numel(x0.shape) === 0) return;
  const one = (r: TensorRef): TensorRef => (r.shape.length === 0 ? { ...r, shape: [1], strides: [0] } : r);
  const x = one(x0), values = one(values0), indices = one(indices0);
  const nd = x.shape.length;
  const L = x.shape[nd - 1]!;
  const lead = x.shape.slice(0, nd - 1);
  const rows = numel(lead);
  let P = 1;
  while (P < L) P *= 2;
  const c = collapse(lead, [x.strides.slice(0, nd - 1), values.strides.slice(0, nd - 1), indices.strides.slice(0, nd - 1)]);
  const rank = c.shape.length;
  const meta = new Meta();
  meta.push(rows);
  meta.push(L);
  meta.push(P);
  const shapeAt = meta.pushAll(c.shape);
  const offAt = [meta.push(x.offset), meta.push(values.offset), meta.push(indices.offset)];
  const strideAt = c.strides.map((s) => meta.pushAll(s));
  const lastAt = meta.pushAll([x.strides[nd - 1]!, values.strides[nd - 1]!, indices.strides[nd - 1]!]);
  const locate = indexToOffsets('row', rank, shapeAt, ['xo', 'vo', 'io'], offAt, strideAt);
  const strides = `let xl = md[${lastAt}]; let vl = md[${lastAt + 1}]; let il = md[${lastAt + 2}];`;

  if (P <= SHARED) {
    // one thread per compare-exchange pair (up to WG), so short rows do not idle a full workgroup
    const wg = Math.min(WG, Math.max(1, P / 2));
    const bind = new Bindings();
    const xs = bind.tensor(x.buffer, false);
    const vs = bind.tensor(values.buffer, true);
    const is = bind.tensor(indices.buffer, true);
    rt.run(`sort:${x.dtype}:${values.dtype}:${descending}:${rank}:${wg}`, bind, meta.toArray(), grid(rows), () => `${bind.declarations()}
var<workgroup> kc: array<u32, ${SHARED}>;
var<workgroup> ki: array<u32, ${SHARED}>;
${AFTER}
@compute @workgroup_size(${wg})
fn main(${ENTRY_PARAMS}) {
  let row = ${GROUP_ID};
  if (row >= md[0]) { return; }
  let L = md[1]; let P = md[2];
  ${locate}
  ${strides}
  for (var p = lid; p < P; p += ${wg}u) {
    if (p < L) { kc[p] = ${keyCode(`${xs}[xo + p * xl]`, x.dtype, descending)}; ki[p] = p; }
    else { kc[p] = 0xffffffffu; ki[p] = 0xffffffffu; }
  }
  workgroupBarrier();
  for (var k = 2u; k <= P; k = k << 1u) {
    for (var j = k >> 1u; j > 0u; j = j >> 1u) {
      for (var t = lid; t < P / 2u; t += ${wg}u) {
        let i = (t / j) * 2u * j + (t % j);
        let l = i + j;
        let up = (i & k) == 0u;
        if (after(kc[i], ki[i], kc[l], ki[l]) == up) {
          let c0 = kc[i]; kc[i] = kc[l]; kc[l] = c0;
          let i0 = ki[i]; ki[i] = ki[l]; ki[l] = i0;
        }
      }
      workgroupBarrier();
    }
  }
  for (var p = lid; p < L; p += ${wg}u) {
    let s = ki[p];
    ${vs}[vo + p * vl] = ${convert(`${xs}[xo + s * xl]`, x.dtype, values.dtype)};
    ${is}[io + p * il] = ${convert('i32(s)', 'int64', indices.dtype)};
  }
}`);
    return;
  }

  // Long rows: codes and indices in scratch buffers. Network stages whose
  // compare distance fits a 1024-element block run in workgroup memory, one
  // dispatch for all of them; only the longer-distance steps are global.
  const total = rows * P;
  const keys = rt.pool.acquire(total * 4);
  const idx = rt.pool.acquire(total * 4);
  const scratch = (): Bindings => {
    const b = new Bindings();
    b.raw(keys.buffer, true, 'u32');
    b.raw(idx.buffer, true, 'u32');
    return b;
  };
  {
    const bind = scratch();
    const xs = bind.tensor(x.buffer, false);
    rt.run(`sortinit:${x.dtype}:${descending}:${rank}`, bind, meta.toArray(), grid(Math.ceil(total / WG)), () => `${bind.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let e = ${GROUP_ID} * ${WG}u + lid;
  let P = md[2];
  if (e >= md[0] * P) { return; }
  let row = e / P; let p = e % P;
  ${locate}
  ${strides}
  if (p < md[1]) { b0[e] = ${keyCode(`${xs}[xo + p * xl]`, x.dtype, descending)}; b1[e] = p; }
  else { b0[e] = 0xffffffffu; b1[e] = 0xffffffffu; }
}`);
  }
  const blocks = total / SHARED;
  const local = (k: number): void => {
    // k = 0: every stage up to k = SHARED; otherwise the steps j < SHARED of stage k
    const bind = scratch();
    const m = new Meta();
    m.pushAll([blocks, P, k]);
    rt.run('sortlocal', bind, m.toArray(), grid(blocks), () => `${bind.declarations()}
var<workgroup> kc: array<u32, ${SHARED}>;
var<workgroup> ki: array<u32, ${SHARED}>;
${AFTER}
fn step(k: u32, j: u32, base: u32, lid: u32) {
  for (var t = lid; t < ${SHARED / 2}u; t += ${WG}u) {
    let i = (t / j) * 2u * j + (t % j);
    let l = i + j;
    let up = ((base + i) & k) == 0u;
    if (after(kc[i], ki[i], kc[l], ki[l]) == up) {
      let c0 = kc[i]; kc[i] = kc[l]; kc[l] = c0;
      let i0 = ki[i]; ki[i] = ki[l]; ki[l] = i0;
    }
  }
}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let blk = ${GROUP_ID};
  if (blk >= md[0]) { return; }
  let P = md[1]; let K = md[2];
  let start = blk * ${SHARED}u;
  let base = start % P;
  for (var p = lid; p < ${SHARED}u; p += ${WG}u) { kc[p] = b0[start + p]; ki[p] = b1[start + p]; }
  workgroupBarrier();
  if (K == 0u) {
    for (var k = 2u; k <= ${SHARED}u; k = k << 1u) {
      for (var j = k >> 1u; j > 0u; j = j >> 1u) { step(k, j, base, lid); workgroupBarrier(); }
    }
  } else {
    for (var j = ${SHARED / 2}u; j > 0u; j = j >> 1u) { step(K, j, base, lid); workgroupBarrier(); }
  }
  for (var p = lid; p < ${SHARED}u; p += ${WG}u) { b0[start + p] = kc[p]; b1[start + p] = ki[p]; }
}`);
  };
  local(0);
  for (let k = SHARED * 2; k <= P; k *= 2) {
    for (let j = k / 2; j >= SHARED; j /= 2) {
      const bind = scratch();
      const m = new Meta();
      m.pushAll([rows, P, k, j]);
      rt.run('sortstep', bind, m.toArray(), grid(Math.ceil(total / 2 / WG)), () => `${bind.declarations()}
${AFTER}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let t = ${GROUP_ID} * ${WG}u + lid;
  let P = md[1]; let k = md[2]; let j = md[3];
  if (t >= md[0] * (P / 2u)) { return; }
  let row = t / (P / 2u); let tt = t % (P / 2u);
  let i = row * P + (tt / j) * 2u * j + (tt % j);
  let l = i + j;
  let up = ((i - row * P) & k) == 0u;
  if (after(b0[i], b1[i], b0[l], b1[l]) == up) {
    let c0 = b0[i]; b0[i] = b0[l]; b0[l] = c0;
    let i0 = b1[i]; b1[i] = b1[l]; b1[l] = i0;
  }
}`);
    }
    local(k);
  }
  {
    const bind = scratch();
    const xs = bind.tensor(x.buffer, false);
    const vs = bind.tensor(values.buffer, true);
    const is = bind.tensor(indices.buffer, true);
    rt.run(`sortfin:${x.dtype}:${values.dtype}:${rank}`, bind, meta.toArray(), grid(Math.ceil(rows * L / WG)), () => `${bind.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let e = ${GROUP_ID} * ${WG}u + lid;
  let L = md[1]; let P = md[2];
  if (e >= md[0] * L) { return; }
  let row = e / L; let p = e % L;
  ${locate}
  ${strides}
  let s = b1[row * P + p];
  ${vs}[vo + p * vl] = ${convert(`${xs}[xo + s * xl]`, x.dtype, values.dtype)};
  ${is}[io + p * il] = ${convert('i32(s)', 'int64', indices.dtype)};
}`);
  }
  rt.pool.release(keys.buffer, keys.size);
  rt.pool.release(idx.buffer, idx.size);
}
