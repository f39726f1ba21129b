/**
 * Reductions over the trailing dims of a strided view. Small reductions use one
 * thread per output; larger ones a workgroup per output (threads stride over the
 * reduced block, then a tree reduction in workgroup memory). arg-reductions carry
 * (value, flat index) pairs with a total order — NaN first, then the extreme, then
 * the lowest index — so every thread count gives PyTorch's answer.
 */
import type { DTypeName, ReduceOp, TensorRef } from '@antorcha/core';
import { convert, normalize, wgslType } from '../codegen/dtypes.js';
import { ENTRY_PARAMS, GROUP_ID, Meta, collapse, contiguousStrides, grid, indexToOffsets, numel } from '../codegen/layout.js';
import { Bindings, type GpuRuntime, WebGPUBuffer } from '../runtime.js';

const WG = 256;

/** WGSL pieces of one reduction in one compute type. */
interface ReduceCode {
  /** Type of the accumulator. */
  type: string;
  /** Dtype values are converted to on load. */
  loadAs: DTypeName;
  /** Initial accumulator. */
  init: string;
  /** Body of `fn comb(a, b)`. */
  comb: string;
  /** Expression of a loaded value `v` before combining. */
  prep?: string;
  /** Dtype of the final accumulator (converted to out's dtype). */
  result: DTypeName;
}

function limits(cd: DTypeName): { lo: string; hi: string } {
  switch (wgslType(cd)) {
    case 'f32':
      return { lo: '-m_inf()', hi: 'm_inf()' };
    case 'i32':
      return { lo: 'i32(-2147483648)', hi: '2147483647' };
    default:
      return { lo: '0u', hi: '0xffffffffu' };
  }
}

function codeFor(op: ReduceOp, cd: DTypeName): ReduceCode {
  const type = wgslType(cd);
  const f = type === 'f32';
  const zero = f ? '0.0' : type === 'i32' ? '0' : '0u';
  const one = f ? '1.0' : type === 'i32' ? '1' : '1u';
  const { lo, hi } = limits(cd);
  switch (op) {
    case 'sum':
      return { type, loadAs: cd, init: zero, comb: 'return a + b;', result: cd };
    case 'nansum':
      return { type, loadAs: cd, init: zero, comb: 'return a + b;', prep: f ? 'select(v, 0.0, m_isnan(v))' : 'v', result: cd };
    case 'prod':
      return { type, loadAs: cd, init: one, comb: 'return a * b;', result: cd };
    case 'max':
      return { type, loadAs: cd, init: lo, comb: f ? 'return m_max(a, b);' : 'return max(a, b);', result: cd };
    case 'min':
      return { type, loadAs: cd, init: hi, comb: f ? 'return m_min(a, b);' : 'return min(a, b);', result: cd };
    case 'all':
      return { type: 'u32', loadAs: 'bool', init: '1u', comb: 'return a & b;', result: 'bool' };
    case 'any':
      return { type: 'u32', loadAs: 'bool', init: '0u', comb: 'return a | b;', result: 'bool' };
    case 'argmax':
    case 'argmin': {
      const gt = op === 'argmax' ? '>' : '<';
      const nan = f ? 'let an = m_isnan(a.v); let bn = m_isnan(b.v); if (an || bn) { if (an && bn) { return a.i < b.i; } return an; }' : '';
      return {
        type,
        loadAs: cd,
        init: `P(${zero}, -1)`,
        comb: `if (b.i < 0) { return true; } if (a.i < 0) { return false; } ${nan} if (a.v ${gt} b.v) { return true; } if (a.v == b.v) { return a.i < b.i; } return false;`,
        result: 'int64',
      };
    }
  }
}

/**
 * Reduces the last `reduceDims` dims of x into out (x's leading dims' shape), in `cd`.
 * arg-reductions write the flat index into the reduced block (first extreme, first
 * NaN); all/any write bool; empty reductions give sum 0, prod 1, all true, any false.
 */
export function reduce(rt: GpuRuntime, op: ReduceOp, x: TensorRef, reduceDims: number, out: TensorRef, cd: DTypeName): void {
  const nd = x.shape.length;
  const lead = nd - reduceDims;
  const outerShape = x.shape.slice(0, lead);
  const innerShape = x.shape.slice(lead);
  const outerN = numel(outerShape);
  if (outerN === 0) return;
  const innerN = numel(innerShape);
  const co = collapse(outerShape, [out.strides.slice(0, lead), x.strides.slice(0, lead)]);
  const ci = collapse(innerShape, [x.strides.slice(lead)]);
  const ro = co.shape.length, ri = ci.shape.length;
  const meta = new Meta();
  meta.push(outerN);
  meta.push(innerN);
  const oShapeAt = meta.pushAll(co.shape);
  const outOffAt = meta.push(out.offset);
  const outStrideAt = meta.pushAll(co.strides[0]!);
  const xOffAt = meta.push(x.offset);
  const xStrideAt = meta.pushAll(co.strides[1]!);
  const iShapeAt = meta.pushAll(ci.shape);
  const zeroAt = meta.push(0);
  const iStrideAt = meta.pushAll(ci.strides[0]!);

  const bind = new Bindings();
  const outName = bind.tensor(out.buffer, true);
  const xName = bind.tensor(x.buffer, false);
  const code = codeFor(op, cd);
  const isArg = op === 'argmax' || op === 'argmin';
  // One thread per output for short reductions and for column-like ones (consecutive
  // outputs adjacent in memory, so a warp's loads coalesce); otherwise a workgroup per
  // output, whose threads read consecutive elements of the reduced block.
  const innerStride = ci.strides[0]![ri - 1]!;
  const perThread = innerN <= 64 || (innerStride !== 1 && outerN >= 64);
  const wg = innerN >= 4096 ? WG : 64;
  const accType = isArg ? 'P' : code.type;
  // Few outputs over long blocks: split each block over G workgroups writing partial
  // results, then reduce the partials (so a full-tensor sum uses the whole GPU).
  const split = !perThread && !isArg && outerN < 64 && innerN >= 65536;
  const G = split ? Math.min(1024, Math.ceil(innerN / 16384)) : 1;
  const gAt = meta.pushAll([G, Math.ceil(innerN / G)]);
  const partialDtype: DTypeName = op === 'all' || op === 'any' ? 'bool' : cd;
  const partial = split ? rt.pool.acquire(outerN * G * 4) : null;
  const partialName = partial ? bind.raw(partial.buffer, true, wgslType(partialDtype)) : '';

  const load = (k: string): string => `{
    ${indexToOffsets(k, ri, iShapeAt, ['xo'], [zeroAt], [iStrideAt])}
    let v = ${convert(`${xName}[xbase + xo]`, x.dtype, code.loadAs)};
    let pv = ${code.prep ?? 'v'};
    ${isArg ? `let cand = P(pv, i32(${k})); if (comb(cand, acc)) { acc = cand; }` : 'acc = comb(acc, pv);'}
  }`;
  const store = isArg ? convert('acc.i', 'int64', out.dtype) : convert(normalize('acc', code.result), code.result, out.dtype);
  const head = `${bind.declarations()}
${isArg ? `struct P { v: ${code.type}, i: i32 }` : ''}
fn comb(a: ${accType}, b: ${accType}) -> ${isArg ? 'bool' : accType} { ${code.comb} }`;
  const locate = indexToOffsets('o', ro, oShapeAt, ['oo', 'xbase'], [outOffAt, xOffAt], [outStrideAt, xStrideAt]);
  const emptyStore = isArg ? convert('0', 'int64', out.dtype) : store;

  const key = `red:${op}:${cd}:${x.dtype}:${out.dtype}:${ro}:${ri}:${perThread ? 't' : `g${wg}${split ? 's' : ''}`}`;
  if (perThread) {
    rt.run(key, bind, meta.toArray(), grid(Math.ceil(outerN / 64)), () => `${head}
@compute @workgroup_size(64)
fn main(${ENTRY_PARAMS}) {
  let o = ${GROUP_ID} * 64u + lid;
  if (o >= md[0]) { return; }
  ${locate}
  var acc: ${accType} = ${code.init};
  let n = md[1];
  for (var k = 0u; k < n; k++) ${load('k')}
  if (n == 0u) { ${outName}[oo] = ${emptyStore}; return; }
  ${outName}[oo] = ${store};
}`);
    return;
  }
  rt.run(key, bind, meta.toArray(), grid(outerN * G), () => `${head}
var<workgroup> part: array<${accType}, ${wg}>;
@compute @workgroup_size(${wg})
fn main(${ENTRY_PARAMS}) {
  let gid = ${GROUP_ID};
  let G = md[${gAt}]; let chunk = md[${gAt + 1}];
  let o = gid / G; let g = gid % G;
  if (o >= md[0]) { return; }
  ${locate}
  var acc: ${accType} = ${code.init};
  let n = min(md[1], (g + 1u) * chunk);
  for (var k = g * chunk + lid; k < n; k += ${wg}u) ${load('k')}
  part[lid] = acc;
  workgroupBarrier();
  for (var s = ${wg / 2}u; s > 0u; s = s >> 1u) {
    if (lid < s) {
      ${isArg ? 'if (comb(part[lid + s], part[lid])) { part[lid] = part[lid + s]; }' : 'part[lid] = comb(part[lid], part[lid + s]);'}
    }
    workgroupBarrier();
  }
  if (lid == 0u) {
    acc = part[0];
    ${split ? `${partialName}[gid] = acc;` : `${outName}[oo] = ${store};`}
  }
}`);
  if (partial) {
    const buffer = new WebGPUBuffer(partialDtype, outerN * G, partial.buffer, partial.size);
    const ref: TensorRef = { buffer, dtype: partialDtype, shape: [...outerShape, G], strides: contiguousStrides([...outerShape, G]), offset: 0 };
    reduce(rt, op === 'nansum' ? 'sum' : op, ref, 1, out, partialDtype);
    rt.pool.release(partial.buffer, partial.size);
  }
}
