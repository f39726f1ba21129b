/**
 * Batched matrix product [B,M,K] × [B,K,N] → [B,M,N] on any strides: a tiled
 * kernel staging 64×16 tiles of A and 16×64 tiles of B in workgroup memory; each
 * of the 16×16 threads accumulates a 4×4 block of the 64×64 output tile in
 * registers. Transposed or broadcast operands are read through their strides
 * (tile loads follow whichever of the operand's dims is contiguous, so they stay
 * coalesced), never copied. Accumulates in the compute type (float32 like
 * PyTorch's float32 GEMM; int32 wraps).
 */
import type { DTypeName, TensorRef } from '@antorcha/core';
import { convert, normalize, wgslType } from '../codegen/dtypes.js';
import { MAX_GROUPS, Meta } from '../codegen/layout.js';
import { Bindings, type GpuRuntime } from '../runtime.js';

const TM = 64; // tile rows
const TN = 64; // tile columns
const TK = 16; // tile depth

/** Batched matrix product computed in `cd` (see the module notes). */
export function matmul(rt: GpuRuntime, a: TensorRef, b: TensorRef, out: TensorRef, cd: DTypeName): void {
  const batch = a.shape[0]!, M = a.shape[1]!, K = a.shape[2]!, N = b.shape[2]!;
  if (batch * M * N === 0) return;
  const t = wgslType(cd);
  const zero = t === 'f32' ? '0.0' : t === 'i32' ? '0' : '0u';
  const aKFast = a.strides[2] === 1 || K === 1;
  const bNFast = b.strides[2] === 1 || N === 1;
  const bind = new Bindings();
  const o = bind.tensor(out.buffer, true);
  const A = bind.tensor(a.buffer, false);
  const B = bind.tensor(b.buffer, false);
  const key = `mm:${cd}:${a.dtype}:${b.dtype}:${out.dtype}:${aKFast}:${bNFast}`;
  const acc: string[] = [];
  for (let i = 0; i < 16; i++) acc.push(`var c${i}: ${t} = ${zero};`);
  const fma: string[] = [];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) fma.push(`c${i * 4 + j} = c${i * 4 + j} + a${i} * b${j};`);
  const stores: string[] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      stores.push(`{ let gm = m0 + ty + ${16 * i}u; let gn = n0 + tx + ${16 * j}u; if (gm < M && gn < N) { ${o}[oBase + gm * om + gn * on] = ${convert(normalize(`c${i * 4 + j}`, cd), cd, out.dtype)}; } }`);
    }
  }
  const source = (): string => `${bind.declarations()}
var<workgroup> As: array<${t}, ${TM * TK}>;
var<workgroup> Bs: array<${t}, ${TK * TN}>;
@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) l3: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let M = md[0]; let N = md[1]; let K = md[2];
  let bi = wid.z + md[15];
  let aBase = md[3] + bi * md[4]; let am = md[5]; let ak = md[6];
  let bBase = md[7] + bi * md[8]; let bk = md[9]; let bn = md[10];
  let oBase = md[11] + bi * md[12]; let om = md[13]; let on = md[14];
  let m0 = wid.y * ${TM}u; let n0 = wid.x * ${TN}u;
  let tx = l3.x; let ty = l3.y;
  ${acc.join(' ')}
  for (var k0 = 0u; k0 < K; k0 = k0 + ${TK}u) {
    for (var r = 0u; r < 4u; r = r + 1u) {
      let e = lid + r * 256u;
      ${aKFast ? 'let am_ = e / 16u; let ak_ = e % 16u;' : 'let am_ = e % 64u; let ak_ = e / 64u;'}
      let gm = m0 + am_; let gka = k0 + ak_;
      var va: ${t} = ${zero};
      if (gm < M && gka < K) { va = ${convert(`${A}[aBase + gm * am + gka * ak]`, a.dtype, cd)}; }
      As[ak_ * ${TM}u + am_] = va;
      ${bNFast ? 'let bk_ = e / 64u; let bn_ = e % 64u;' : 'let bn_ = e / 16u; let bk_ = e % 16u;'}
      let gn = n0 + bn_; let gkb = k0 + bk_;
      var vb: ${t} = ${zero};
      if (gn < N && gkb < K) { vb = ${convert(`${B}[bBase + gkb * bk + gn * bn]`, b.dtype, cd)}; }
      Bs[bk_ * ${TN}u + bn_] = vb;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${TK}u; kk = kk + 1u) {
      let ra = kk * ${TM}u + ty; let rb = kk * ${TN}u + tx;
      let a0 = As[ra]; let a1 = As[ra + 16u]; let a2 = As[ra + 32u]; let a3 = As[ra + 48u];
      let b0 = Bs[rb]; let b1 = Bs[rb + 16u]; let b2 = Bs[rb + 32u]; let b3 = Bs[rb + 48u];
      ${fma.join(' ')}
    }
    workgroupBarrier();
  }
  ${stores.join('\n  ')}
}`;
  const gx = Math.ceil(N / TN), gy = Math.ceil(M / TM);
  for (let start = 0; start < batch; start += MAX_GROUPS) {
    const count = Math.min(MAX_GROUPS, batch - start);
    const meta = new Meta();
    meta.pushAll([M, N, K, a.offset, a.strides[0]!, a.strides[1]!, a.strides[2]!, b.offset, b.strides[0]!, b.strides[1]!, b.strides[2]!]);
    meta.pushAll([out.offset, out.strides[0]!, out.strides[1]!, out.strides[2]!, start]);
    rt.run(key, bind, meta.toArray(), [gx, gy, count], source);
  }
}
