/**
 * Scans along one dim: one thread per line, walking the line in order, so the
 * running value and the cummax/cummin tie rules (latest extreme wins, a NaN
 * sticks until the next NaN) are exactly the CPU backend's.
 */
import type { DTypeName, ScanOp, TensorRef } from '@antorcha/core';
import { convert, normalize, wgslType } from '../codegen/dtypes.js';
import { ENTRY_PARAMS, GROUP_ID, Meta, collapse, grid, indexToOffsets, numel } from '../codegen/layout.js';
import { Bindings, type GpuRuntime } from '../runtime.js';

const WG = 64;

function step(op: ScanOp, cd: DTypeName): { init: string; body: string } {
  const t = wgslType(cd);
  const f = t === 'f32';
  const lo = f ? '-m_inf()' : t === 'i32' ? 'i32(-2147483648)' : '0u';
  const hi = f ? 'm_inf()' : t === 'i32' ? '2147483647' : '0xffffffffu';
  const nanV = f ? 'm_isnan(v)' : 'false';
  const nanA = f ? 'm_isnan(acc)' : 'false';
  switch (op) {
    case 'cumsum':
      return { init: f ? '0.0' : t === 'i32' ? '0' : '0u', body: 'acc = acc + v;' };
    case 'cumprod':
      return { init: f ? '1.0' : t === 'i32' ? '1' : '1u', body: 'acc = acc * v;' };
    case 'logcumsumexp':
      return { init: '-m_inf()', body: 'acc = m_logaddexp(v, acc);' };
    case 'cummax':
      return { init: lo, body: `if (${nanV} || (!${nanA} && v >= acc)) { acc = v; arg = i32(k); }` };
    case 'cummin':
      return { init: hi, body: `if (${nanV} || (!${nanA} && v <= acc)) { acc = v; arg = i32(k); }` };
  }
}

/**
 * Scans x along `dim` into out (x's shape) in `cd`; for cummax/cummin, `indices`
 * (int64, same shape) receives the index of the running extreme.
 */
export function scan(rt: GpuRuntime, op: ScanOp, x: TensorRef, dim: number, out: TensorRef, cd: DTypeName, indices?: TensorRef): void {
  if (numel(x.shape) === 0) return;
  if (x.shape.length === 0) {
    const one = (r: TensorRef): TensorRef => ({ ...r, shape: [1], strides: [0] });
    scan(rt, op, one(x), 0, one(out), cd, indices ? one(indices) : undefined);
    return;
  }
  const withIdx = (op === 'cummax' || op === 'cummin') && indices !== undefined;
  const L = x.shape[dim]!;
  const drop = (s: readonly number[]): number[] => s.filter((_, i) => i !== dim);
  const others = drop(x.shape);
  const c = collapse(others, [drop(out.strides), drop(x.strides), withIdx ? drop(indices!.strides) : others.map(() => 0)]);
  const rank = c.shape.length;
  const lines = numel(others);
  const meta = new Meta();
  meta.push(lines);
  meta.push(L);
  const shapeAt = meta.pushAll(c.shape);
  const offAt = [meta.push(out.offset), meta.push(x.offset), meta.push(withIdx ? indices!.offset : 0)];
  const strideAt = [meta.pushAll(c.strides[0]!), meta.pushAll(c.strides[1]!), meta.pushAll(c.strides[2]!)];
  const dimAt = meta.pushAll([out.strides[dim]!, x.strides[dim]!, withIdx ? indices!.strides[dim]! : 0]);
  const bind = new Bindings();
  const o = bind.tensor(out.buffer, true);
  const xs = bind.tensor(x.buffer, false);
  const ix = withIdx ? bind.tensor(indices!.buffer, true) : '';
  const s = step(op, cd);
  rt.run(`scan:${op}:${cd}:${x.dtype}:${out.dtype}:${rank}:${withIdx}`, bind, meta.toArray(), grid(Math.ceil(lines / WG)), () => `${bind.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let line = ${GROUP_ID} * ${WG}u + lid;
  if (line >= md[0]) { return; }
  ${indexToOffsets('line', rank, shapeAt, ['oo', 'xo', 'io'], offAt, strideAt)}
  let n = md[1];
  let od = md[${dimAt}]; let xd = md[${dimAt + 1}]; let id = md[${dimAt + 2}];
  var acc: ${wgslType(cd)} = ${s.init};
  var arg: i32 = 0;
  for (var k = 0u; k < n; k++) {
    let v = ${convert(`${xs}[xo + k * xd]`, x.dtype, cd)};
    ${s.body}
    ${o}[oo + k * od] = ${convert(normalize('acc', cd), cd, out.dtype)};
    ${withIdx ? `${ix}[io + k * id] = ${convert('arg', 'int64', indices!.dtype)};` : ''}
  }
}`);
}
