/**
 * The small-product path of the batched matrix product [B,M,K] × [B,K,N] → [B,M,N]:
 * one thread per output element, reading both operands through their strides
 * along k. The tiled kernel's smallest output tile is 64×64 (16×16 threads × 4×4
 * outputs), so a narrow product (a few rows or columns) leaves most of its threads
 * idle and pays the staging and barriers for nothing; here the grid is sized to the
 * output. Shapes, strides and offsets are metadata, so there is one pipeline per
 * dtype combination (compiling a pipeline takes seconds on SwiftShader).
 *
 * Each output is one sum over k in increasing order in the compute type, as in the
 * tiled kernel, so both agree up to whether the driver fuses a multiply-add.
 */
import type { DTypeName, TensorRef } from '@antorcha/core';
import { convert, normalize, wgslType } from '../codegen/dtypes.js';
import { ENTRY_PARAMS, GROUP_ID, Meta, grid } from '../codegen/layout.js';
import { Bindings, type GpuRuntime } from '../runtime.js';

/** A matrix dim at most this long makes a product small: a 64-wide tile would be at least 3/4 idle. */
export const SMALL_DIM = 16;
/** A depth at most this long makes a product small: too little work per tile to repay staging it. */
export const SMALL_K = 4;

/** Threads per workgroup of the small-product kernel. */
const WG = 64;

/**
 * Whether a [batch, M, K] × [batch, K, N] product takes the small-product path:
 * when M or N is at most {@link SMALL_DIM} or K at most {@link SMALL_K}.
 */
export function isSmallProduct(M: number, N: number, K: number): boolean {
  return Math.min(M, N) <= SMALL_DIM || K <= SMALL_K;
}

/** Batched matrix product computed in `cd`, one thread per output element (see the module notes). */
export function matmulSmall(rt: GpuRuntime, a: TensorRef, b: TensorRef, out: TensorRef, cd: DTypeName): void {
  const batch = a.shape[0]!, M = a.shape[1]!, K = a.shape[2]!, N = b.shape[2]!;
  const total = batch * M * N;
  if (total === 0) return;
  const t = wgslType(cd);
  const zero = t === 'f32' ? '0.0' : t === 'i32' ? '0' : '0u';
  const bind = new Bindings();
  const o = bind.tensor(out.buffer, true);
  const A = bind.tensor(a.buffer, false);
  const B = bind.tensor(b.buffer, false);
  const key = `mms:${cd}:${a.dtype}:${b.dtype}:${out.dtype}`;
  const source = (): string => `${bind.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let i = ${GROUP_ID} * ${WG}u + lid;
  if (i >= md[3]) { return; }
  let M = md[0]; let N = md[1]; let K = md[2];
  let n = i % N; let r = i / N; let m = r % M; let bi = r / M;
  var pa = md[4] + bi * md[5] + m * md[6]; let ak = md[7];
  var pb = md[8] + bi * md[9] + n * md[11]; let bk = md[10];
  var acc: ${t} = ${zero};
  for (var k = 0u; k < K; k = k + 1u) {
    acc = acc + ${convert(`${A}[pa]`, a.dtype, cd)} * ${convert(`${B}[pb]`, b.dtype, cd)};
    pa = pa + ak; pb = pb + bk;
  }
  ${o}[md[12] + bi * md[13] + m * md[14] + n * md[15]] = ${convert(normalize('acc', cd), cd, out.dtype)};
}`;
  const meta = new Meta();
  meta.pushAll([M, N, K, total]);
  meta.pushAll([a.offset, a.strides[0]!, a.strides[1]!, a.strides[2]!, b.offset, b.strides[0]!, b.strides[1]!, b.strides[2]!]);
  meta.pushAll([out.offset, out.strides[0]!, out.strides[1]!, out.strides[2]!]);
  rt.run(key, bind, meta.toArray(), grid(Math.ceil(total / WG)), source);
}
