/**
 * Elementwise kernels — copy, fill, unary, binary, ternary, where — generated from the op
 * tables in codegen/ops.ts. Every operand is a strided view (broadcast dims have
 * stride 0) indexed in the shader from shape/strides/offsets in the metadata, so
 * views and broadcasts are never copied; scalars travel in the metadata too.
 */
import type { BinaryOp, DTypeName, Operand, TensorRef, TernaryOp, UnaryOp, UnaryParams } from '@antorcha/core';
import { convert, metaScalar, normalize, scalarBits, wgslType } from '../codegen/dtypes.js';
import { ENTRY_PARAMS, GROUP_ID, Meta, collapse, grid, indexToOffsets, numel } from '../codegen/layout.js';
import { BINARY_WGSL, UNARY_WGSL, exprFor, powScalarExpr } from '../codegen/ops.js';
import { Bindings, type GpuRuntime, INDEX_ERROR, gpuOf, reportIndexError } from '../runtime.js';

const WG = 256;

/** An elementwise input: a strided view, or a scalar already cast to `dtype`. */
export type EwInput = TensorRef | { scalar: number; dtype: DTypeName };

/**
 * Runs `out[i] = body(v0, v1, …)` over out's shape, where `vK` is input K's raw
 * value (its dtype's WGSL type; a `vec2<f32>` (re, im) for complex64). `body` returns a
 * WGSL expression of out's WGSL type (`vec2<f32>` for complex64); `key` must determine `body`'s text (besides dtypes and rank, which are
 * added here). `lets` are WGSL statements placed before the store (they may use vK).
 */
export function elementwise(
  rt: GpuRuntime,
  key: string,
  out: TensorRef,
  inputs: readonly EwInput[],
  body: (v: string[]) => string,
  lets: (v: string[]) => string = () => '',
  check?: (err: string) => string,
): void {
  const n = numel(out.shape);
  if (n === 0) return;
  const refs: TensorRef[] = [out];
  for (const x of inputs) if ('buffer' in x) refs.push(x);
  const c = collapse(out.shape, refs.map((r) => r.strides));
  const rank = c.shape.length;
  const meta = new Meta();
  meta.push(n);
  const shapeAt = meta.pushAll(c.shape);
  const offsetAt: number[] = [];
  const strideAt: number[] = [];
  refs.forEach((r, j) => {
    offsetAt.push(meta.push(r.offset));
    strideAt.push(meta.pushAll(c.strides[j]!));
  });
  const bind = new Bindings();
  const outName = bind.tensor(out.buffer, true);
  const vars: string[] = [];
  const loads: string[] = [];
  let t = 1;
  const keyParts: string[] = [key, `r${rank}`, out.dtype];
  inputs.forEach((x, i) => {
    const v = `v${i}`;
    vars.push(v);
    if ('buffer' in x) {
      const name = bind.tensor(x.buffer, false);
      // a complex64 element is the pair of f32 words at 2·offset (codegen/complex.ts)
      const o = `o${t++}`;
      if (x.dtype === 'complex64') loads.push(`let ${v} = vec2<f32>(${name}[2u * ${o}], ${name}[2u * ${o} + 1u]);`);
      else loads.push(`let ${v}: ${wgslType(x.dtype)} = ${name}[${o}];`);
      keyParts.push(x.dtype);
    } else {
      loads.push(`let ${v}: ${wgslType(x.dtype)} = ${metaScalar(meta.pushBits(scalarBits(x.scalar, x.dtype)), x.dtype)};`);
      keyParts.push(`s${x.dtype}`);
    }
  });
  const offsets = refs.map((_, j) => `o${j}`);
  // A device-side check (like CUDA's asserts): WGSL run after `lets` that may report an error.
  const checkText = check ? check(bind.raw(rt.errors, true, 'atomic<u32>')) : '';
  const groups = Math.ceil(n / WG);
  rt.run(keyParts.join(':'), bind, meta.toArray(), grid(groups), () => `${bind.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let idx = ${GROUP_ID} * ${WG}u + lid;
  if (idx >= md[0]) { return; }
  ${indexToOffsets('idx', rank, shapeAt, offsets, offsetAt, strideAt)}
  ${loads.join('\n  ')}
  ${lets(vars)}
  ${checkText}
  ${out.dtype === 'complex64' ? `let w_: vec2<f32> = ${body(vars)}; ${outName}[2u * o0] = w_.x; ${outName}[2u * o0 + 1u] = w_.y;` : `${outName}[o0] = ${body(vars)};`}
}`);
}

/** `dst[i] = cast(src[i])` over equal shapes, PyTorch's cast rules. */
export function copy(rt: GpuRuntime, src: TensorRef, dst: TensorRef): void {
  elementwise(rt, 'copy', dst, [src], ([v]) => convert(v!, src.dtype, dst.dtype));
}

/** `dst[i] = value` (value already cast to dst's dtype). */
export function fill(rt: GpuRuntime, dst: TensorRef, value: number): void {
  const n = numel(dst.shape);
  if (n === 0) return;
  const c = collapse(dst.shape, [dst.strides]);
  if (scalarBits(value, dst.dtype) === 0 && c.shape.length === 1 && (c.strides[0]![0] === 1 || n === 1)) {
    rt.clear(gpuOf(dst.buffer), dst.offset * 4, n * 4);
    return;
  }
  elementwise(rt, 'fill', dst, [{ scalar: value, dtype: dst.dtype }], ([v]) => v!);
}

/** A value of `cd` computed by an op expression, converted for storing in `out`. */
function finish(expr: string, boolOut: boolean, cd: DTypeName, out: DTypeName): string {
  return boolOut ? convert(`select(0u, 1u, ${expr})`, 'bool', out) : convert(normalize(expr, cd), cd, out);
}

/** `out[i] = op(x[i])` computed in `cd`, with PyTorch's semantics (codegen/ops.ts). */
export function unary(rt: GpuRuntime, op: UnaryOp, x: TensorRef, out: TensorRef, cd: DTypeName, params?: UnaryParams): void {
  const def = UNARY_WGSL[op];
  const direct = exprFor(def, cd);
  const usesParams = def.pa !== undefined || def.pb !== undefined;
  const inputs: EwInput[] = [x];
  if (usesParams) {
    inputs.push({ scalar: params?.a ?? def.pa ?? 0, dtype: 'float32' }, { scalar: params?.b ?? def.pb ?? 0, dtype: 'float32' });
  }
  const boolOut = def.boolOut === true;
  elementwise(rt, `un:${op}:${cd}`, out, inputs, () => 'r', (v) => {
    const pq = usesParams ? `let p = ${v[1]}; let q = ${v[2]};` : '';
    if (direct !== null) return `${pq} let x = ${convert(v[0]!, x.dtype, cd)}; let r = ${finish(direct, boolOut, cd, out.dtype)};`;
    // no integer expression: compute in float32, then round to cd as the CPU backend does
    const inner = boolOut ? def.f : convert(def.f, 'float32', cd);
    return `${pq} let x = ${convert(v[0]!, x.dtype, 'float32')}; let r = ${finish(inner, boolOut, boolOut ? 'float32' : cd, out.dtype)};`;
  });
}

function asInput(v: Operand, cd: DTypeName): EwInput {
  return typeof v === 'number' ? { scalar: v, dtype: cd } : v;
}

function dtypeOf(v: EwInput): DTypeName {
  return v.dtype;
}

/** `out[i] = op(a[i], b[i])` computed in `cd`; a and b have out's shape (broadcast via stride 0) or are scalars. */
export function binary(rt: GpuRuntime, op: BinaryOp, a: Operand, b: Operand, out: TensorRef, cd: DTypeName): void {
  if (op === 'pow' && typeof a !== 'number' && typeof b === 'number' && cd === 'float32') {
    const special = powScalarExpr(b);
    if (special !== null) {
      elementwise(rt, `pows:${b}:${cd}`, out, [a], () => 'r', ([v]) => `let x = ${convert(v!, a.dtype, cd)}; let r = ${finish(special, false, cd, out.dtype)};`);
      return;
    }
  }
  const def = BINARY_WGSL[op];
  const direct = exprFor(def, cd);
  const boolOut = def.boolOut === true;
  const ia = asInput(a, cd);
  const ib = asInput(b, cd);
  // Integer division by zero is reported like an index error: PyTorch raises ZeroDivisionError.
  const zeroCheck = INTEGER_DIVISIONS.has(op) && cd !== 'float32' ? (err: string) => `if (b == ${wgslType(cd)}(0)) { ${reportIndexError(err, INDEX_ERROR.zeroDivision, '0', '0u', '0u')} }` : undefined;
  elementwise(rt, `bin:${op}:${cd}`, out, [ia, ib], () => 'r', ([va, vb]) => {
    if (direct !== null) {
      return `let a = ${convert(va!, dtypeOf(ia), cd)}; let b = ${convert(vb!, dtypeOf(ib), cd)}; let r = ${finish(direct, boolOut, cd, out.dtype)};`;
    }
    const inner = boolOut ? def.f : convert(def.f, 'float32', cd);
    return `let a = ${convert(va!, dtypeOf(ia), 'float32')}; let b = ${convert(vb!, dtypeOf(ib), 'float32')}; let r = ${finish(inner, boolOut, boolOut ? 'float32' : cd, out.dtype)};`;
  }, zeroCheck);
}

const INTEGER_DIVISIONS: ReadonlySet<BinaryOp> = new Set<BinaryOp>(['truncDivide', 'floorDivide', 'remainder', 'fmod']);

/** WGSL of the fused ternary ops on `s`, `a` (t1), `b` (t2) and the scalar `v`, in PyTorch's evaluation order. */
const TERNARY_WGSL: Record<TernaryOp, string> = {
  addcmul: 'fma(v * a, b, s)',
  addcdiv: 's + (v * a) / b',
};

/**
 * `out[i] = op(self[i], t1[i], t2[i])` with scalar `value`, computed in `cd` (float32
 * here). WGSL does not promise that `fma` rounds once or that division is correctly
 * rounded, so results may differ from the CPU's by an ulp.
 */
export function ternary(rt: GpuRuntime, op: TernaryOp, self: Operand, t1: Operand, t2: Operand, value: number, out: TensorRef, cd: DTypeName): void {
  const inputs = [asInput(self, cd), asInput(t1, cd), asInput(t2, cd), { scalar: value, dtype: cd }];
  elementwise(rt, `ter:${op}:${cd}`, out, inputs, () => 'r', (v) => {
    const [s, a, b, sv] = inputs.map((x, i) => convert(v[i]!, dtypeOf(x), cd));
    return `let s = ${s}; let a = ${a}; let b = ${b}; let v = ${sv}; let r = ${finish(TERNARY_WGSL[op], false, cd, out.dtype)};`;
  });
}

/** `out[i] = cond[i] ? a[i] : b[i]`; cond is bool or uint8 (nonzero is true), a and b are cast to out's dtype. */
export function where(rt: GpuRuntime, cond: TensorRef, a: Operand, b: Operand, out: TensorRef): void {
  const dt = out.dtype;
  const ia = asInput(a, dt);
  const ib = asInput(b, dt);
  elementwise(rt, 'where', out, [cond, ia, ib], ([vc, va, vb]) =>
    `select(${convert(vb!, dtypeOf(ib), dt)}, ${convert(va!, dtypeOf(ia), dt)}, ${convert(vc!, cond.dtype, 'bool')} != 0u)`,
  );
}
