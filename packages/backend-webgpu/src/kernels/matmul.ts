/**
 * Batched matrix product [B,M,K] × [B,K,N] → [B,M,N] on any strides: a tiled
 * kernel staging BM×TK tiles of A and TK×BN tiles of B in workgroup memory (as
 * vec4s); each thread of the WGX×WGY workgroup accumulates an RM×RN block of the
 * BM×BN output tile in vec4 registers, reading 4-wide from workgroup memory (RM/4 +
 * RN/4 vec4 reads per RM·RN multiply-adds). The tile shape is chosen per problem
 * and per adapter limits ({@link matmulTiling}). Narrow or shallow products, where even
 * the smallest (64×64) tile would be mostly idle, go to the one-thread-per-output kernel
 * of `matmul-small.ts` instead.
 *
 * Global loads follow whichever of the operand's dims is contiguous, so they stay
 * coalesced; where that dim's extent, the row stride and the offset are multiples
 * of 4 (and the element type needs no conversion), they are vec4 loads through a
 * `array<vec4<T>>` binding of the same buffer. Transposed or broadcast operands
 * are read through their strides, never copied. A contiguous output is stored as
 * vec4s the same way.
 *
 * Accumulates in the compute type (float32 like PyTorch's float32 GEMM; int32
 * wraps). Each output element is one sum over k in increasing order, as before the
 * vec4 tiling: only whether a multiply-add is fused is left to the driver, so a
 * result differs from another float32 GEMM by float32 rounding, at most about
 * K·2⁻²⁴·Σ|a·b| (what the tests allow, computed from the operands).
 */
import type { DTypeName, TensorRef } from '@antorcha/core';
import { type Wgsl, convert, normalize, wgslType } from '../codegen/dtypes.js';
import { MAX_GROUPS, Meta } from '../codegen/layout.js';
import { Bindings, type GpuRuntime, gpuOf } from '../runtime.js';
import { isSmallProduct, matmulSmall } from './matmul-small.js';

/** A tile shape: WGX×WGY threads, each computing RM×RN outputs; TK is the depth of a staged tile. */
export interface MatmulTiling {
  /** Threads along the output's columns. */
  readonly wgx: number;
  /** Threads along the output's rows. */
  readonly wgy: number;
  /** Output rows per thread (a multiple of 4). */
  readonly rm: number;
  /** Output columns per thread (a multiple of 4). */
  readonly rn: number;
  /** Depth of the staged tiles (a multiple of 4). */
  readonly tk: number;
}

/** The adapter limits the tiling depends on. */
export interface MatmulLimits {
  /** `maxComputeInvocationsPerWorkgroup` (256 by default, 128 in compatibility mode). */
  readonly maxComputeInvocationsPerWorkgroup: number;
  /** `maxComputeWorkgroupStorageSize` in bytes (16384 by default). */
  readonly maxComputeWorkgroupStorageSize: number;
  /** `maxComputeWorkgroupSizeX` (256 by default). */
  readonly maxComputeWorkgroupSizeX: number;
  /** `maxComputeWorkgroupSizeY` (256 by default). */
  readonly maxComputeWorkgroupSizeY: number;
}

/**
 * Large output tiles pay off once there are enough of them to fill the device: with
 * fewer than this many 8×8-per-thread tiles, 4×4 per thread (4× the workgroups) is used.
 * WebGPU does not report the number of compute units; 128 covers GPUs up to ~130 SMs
 * (an H100/H200 has 132) with one large tile each, at 2048² and beyond.
 */
const MIN_LARGE_TILES = 128;

/**
 * The tiling of a [batch, M, K] × [batch, K, N] product on a device with `limits`:
 * 16×16 threads where the device allows 256 invocations (16×8 with 128, 8×8 below),
 * 8×8 outputs per thread when both matrix dims fill such a tile and the product has at
 * least {@link MIN_LARGE_TILES} of them (else 4×4: many small matrices stay on small tiles), and the deepest TK ∈ {16, 8, 4} whose two staged tiles fit the
 * workgroup storage.
 */
export function matmulTiling(limits: MatmulLimits, batch: number, M: number, N: number): MatmulTiling {
  const inv = limits.maxComputeInvocationsPerWorkgroup;
  const wgx = Math.min(16, limits.maxComputeWorkgroupSizeX, inv >= 128 ? 16 : 8);
  const wgy = Math.min(16, limits.maxComputeWorkgroupSizeY, Math.floor(inv / wgx));
  const bm = wgy * 8, bn = wgx * 8; // a large tile
  const large = M >= bm && N >= bn && batch * Math.ceil(M / bm) * Math.ceil(N / bn) >= MIN_LARGE_TILES;
  const r = large ? 8 : 4;
  let tk = 16;
  while (tk > 4 && tk * (wgy * r + wgx * r) * 4 > limits.maxComputeWorkgroupStorageSize) tk /= 2;
  return { wgx, wgy, rm: r, rn: r, tk };
}

/**
 * How an operand's tile is loaded: 4-wide along its contiguous dim (`'vec'`), or one
 * element at a time with the thread index running along the contiguous dim (`'fast'`,
 * the dim named by the mode: `k` or the row/column dim).
 */
export type Load = 'vecK' | 'vecMN' | 'fastK' | 'fastMN';

/** Whether a vec4 access of `t` can go through an `array<vec4<…>>` view of this operand. */
function vecOk(ref: TensorRef, t: Wgsl, cd: DTypeName, strides: readonly number[]): boolean {
  return convert('x', ref.dtype, cd) === 'x' && wgslType(ref.dtype) === t && ref.offset % 4 === 0 && strides.every((s) => s % 4 === 0) && (ref.buffer as { size?: number }).size! % 16 === 0;
}

/** The load mode of an operand with extents (rows × k) read through strides `sRow`, `sK`. */
function loadMode(ref: TensorRef, rows: number, k: number, sRow: number, sK: number, batchStride: number, vec: boolean, t: Wgsl, cd: DTypeName): Load {
  const kFast = sK === 1 || k === 1;
  if (vec && kFast && sK === 1 && k % 4 === 0 && vecOk(ref, t, cd, [rows > 1 ? sRow : 0, batchStride])) return 'vecK';
  if (vec && !kFast && sRow === 1 && rows % 4 === 0 && vecOk(ref, t, cd, [k > 1 ? sK : 0, batchStride])) return 'vecMN';
  return kFast ? 'fastK' : 'fastMN';
}

/**
 * WGSL that stages one operand's tile (`rows` × TK, `rows` = BM for A, BN for B) into
 * the vec4 workgroup array `S` laid out [TK][rows/4]. Every thread writes whole vec4s
 * (never one component of a shared vec4, which some WGSL backends lower to a racy
 * read-modify-write): a `…MN` item is 4 rows at one k, a `…K` item a 4×4 block (4 rows
 * × 4 k) transposed in registers. `src` is the operand's binding (vec4 for `vec…`),
 * `base`/`sRow`/`sK` its offset and strides, `r0`/`R` the tile's first row and the row
 * count, `T` the thread count. Edge loads are discarded with `select`: the read
 * itself may fall outside the tensor, which WebGPU's robust buffer access keeps inside
 * the buffer (returning some value of it, or zero).
 */
function stageTile(mode: Load, S: string, src: string, from: DTypeName, cd: DTypeName, zero: string, rows: number, tk: number, T: number, sRow: string, sK: string, base: string, r0: string, R: string): string {
  const rv = rows / 4;
  const v4 = `vec4<${wgslType(cd)}>`;
  const scalar = (i: number, k: string): string => `select(${zero}, ${convert(`${src}[${base} + (gr + ${i}u) * ${sRow} + (${k}) * ${sK}]`, from, cd)}, gr + ${i}u < ${R} && ${k} < K)`;
  switch (mode) {
    case 'vecMN': // 4 rows at one k: one vec4 load, stored whole
      return `for (var e = lid; e < ${rv * tk}u; e = e + ${T}u) {
      let rq = e % ${rv}u; let k = e / ${rv}u; let gr = ${r0} + rq * 4u; let gk = k0 + k;
      var v = ${v4}();
      if (gr < ${R} && gk < K) { v = ${src}[(${base} + gr + gk * ${sK}) >> 2u]; }
      ${S}[k * ${rv}u + rq] = v;
    }`;
    case 'fastMN': // 4 rows at one k: four scalar loads
      return `for (var e = lid; e < ${rv * tk}u; e = e + ${T}u) {
      let rq = e % ${rv}u; let k = e / ${rv}u; let gr = ${r0} + rq * 4u; let gk = k0 + k;
      ${S}[k * ${rv}u + rq] = ${v4}(${[0, 1, 2, 3].map((i) => scalar(i, 'gk')).join(', ')});
    }`;
    case 'vecK': // 4 rows × 4 k: four vec4 loads along k, transposed
    case 'fastK': {
      const row = (i: number): string =>
        mode === 'vecK'
          ? `select(${v4}(), ${src}[(${base} + (gr + ${i}u) * ${sRow} + gk) >> 2u], gr + ${i}u < ${R} && gk < K)`
          : `${v4}(${[0, 1, 2, 3].map((j) => scalar(i, `gk + ${j}u`)).join(', ')})`;
      return `for (var e = lid; e < ${(rv * tk) / 4}u; e = e + ${T}u) {
      let kq = e % ${tk / 4}u; let rq = e / ${tk / 4}u; let gr = ${r0} + rq * 4u; let gk = k0 + kq * 4u;
      let q0 = ${row(0)}; let q1 = ${row(1)}; let q2 = ${row(2)}; let q3 = ${row(3)};
      ${S}[(kq * 4u) * ${rv}u + rq] = ${v4}(q0.x, q1.x, q2.x, q3.x);
      ${S}[(kq * 4u + 1u) * ${rv}u + rq] = ${v4}(q0.y, q1.y, q2.y, q3.y);
      ${S}[(kq * 4u + 2u) * ${rv}u + rq] = ${v4}(q0.z, q1.z, q2.z, q3.z);
      ${S}[(kq * 4u + 3u) * ${rv}u + rq] = ${v4}(q0.w, q1.w, q2.w, q3.w);
    }`;
    }
  }
}

/** How one product is computed: the tiling and how each operand is read and the output written. */
export interface MatmulPlan extends MatmulTiling {
  /** How A's tiles are loaded (`vec…`: 4-wide). */
  readonly aLoad: Load;
  /** How B's tiles are loaded. */
  readonly bLoad: Load;
  /** Whether the output is stored 4-wide. */
  readonly vecOut: boolean;
}

const scalarOf = (mode: Load): Load => (mode === 'vecK' ? 'fastK' : mode === 'vecMN' ? 'fastMN' : mode);

/** The plan of a [batch, M, K] × [batch, K, N] product `a`·`b` → `out` in `cd` on a device with `limits`. */
export function planMatmul(limits: MatmulLimits, a: TensorRef, b: TensorRef, out: TensorRef, cd: DTypeName): MatmulPlan {
  const batch = a.shape[0]!, M = a.shape[1]!, K = a.shape[2]!, N = b.shape[2]!;
  const t = wgslType(cd);
  // vec4 views only where no buffer is bound twice with two element types
  const ga = gpuOf(a.buffer), gb = gpuOf(b.buffer), go = gpuOf(out.buffer);
  const distinct = go !== ga && go !== gb;
  let aLoad = loadMode(a, M, K, a.strides[1]!, a.strides[2]!, batch > 1 ? a.strides[0]! : 0, distinct, t, cd);
  let bLoad = loadMode(b, N, K, b.strides[2]!, b.strides[1]!, batch > 1 ? b.strides[0]! : 0, distinct, t, cd);
  if (ga === gb && aLoad.startsWith('vec') !== bLoad.startsWith('vec')) {
    // x·x-style products bind one buffer once: both views scalar
    aLoad = scalarOf(aLoad);
    bLoad = scalarOf(bLoad);
  }
  const vecOut = distinct && out.dtype === cd && out.strides[2] === 1 && N % 4 === 0 && vecOk(out, t, cd, [M > 1 ? out.strides[1]! : 0, batch > 1 ? out.strides[0]! : 0]);
  return { ...matmulTiling(limits, batch, M, N), aLoad, bLoad, vecOut };
}

/**
 * Batched matrix product computed in `cd` (see the module notes); narrow or shallow
 * products ({@link isSmallProduct}) take the one-thread-per-output kernel instead.
 */
export function matmul(rt: GpuRuntime, a: TensorRef, b: TensorRef, out: TensorRef, cd: DTypeName): void {
  const batch = a.shape[0]!, M = a.shape[1]!, K = a.shape[2]!, N = b.shape[2]!;
  if (batch * M * N === 0) return;
  if (isSmallProduct(M, N, K)) return matmulSmall(rt, a, b, out, cd);
  const t = wgslType(cd);
  const zero = t === 'f32' ? '0.0' : t === 'i32' ? '0' : '0u';
  const { wgx, wgy, rm, rn, tk, aLoad: aModeFinal, bLoad: bMode, vecOut: oVec } = planMatmul(rt.device.limits, a, b, out, cd);
  const BM = wgy * rm, BN = wgx * rn, T = wgx * wgy;
  const aVec = aModeFinal.startsWith('vec'), bVec = bMode.startsWith('vec');
  const ga = gpuOf(a.buffer), gb = gpuOf(b.buffer), go = gpuOf(out.buffer);

  const bind = new Bindings();
  const vecOf = `vec4<${t}>` as Wgsl; // a vec4 view of the same buffer
  const o = oVec ? bind.raw(go, true, vecOf) : bind.tensor(out.buffer, true);
  const A = aVec ? bind.raw(ga, false, vecOf) : bind.tensor(a.buffer, false);
  const B = bVec ? bind.raw(gb, false, vecOf) : bind.tensor(b.buffer, false);
  const key = `mm:${cd}:${a.dtype}:${b.dtype}:${out.dtype}:${aModeFinal}:${bMode}:${oVec}:${wgx}x${wgy}:${rm}x${rn}:${tk}`;

  const rg = rm / 4, cg = rn / 4; // vec4 groups of rows / columns per thread
  const acc: string[] = [];
  const fma: string[] = [];
  const stores: string[] = [];
  for (let g = 0; g < rg; g++) {
    for (let r = 0; r < 4; r++) {
      for (let h = 0; h < cg; h++) {
        const c = `c${g * 4 + r}_${h}`;
        acc.push(`var ${c} = vec4<${t}>();`);
        fma.push(`${c} = ${c} + a${g}.${'xyzw'[r]} * b${h};`);
        const row = `m0 + ${g * wgy * 4}u + ty * 4u + ${r}u`;
        const col = `n0 + ${h * wgx * 4}u + tx * 4u`;
        if (oVec) {
          const v = cd === 'bool' || cd === 'uint8' ? `vec4<u32>(${[0, 1, 2, 3].map((i) => normalize(`${c}[${i}]`, cd)).join(', ')})` : c;
          stores.push(`{ let gm = ${row}; let gn = ${col}; if (gm < M && gn < N) { ${o}[(oBase + gm * om + gn) >> 2u] = ${v}; } }`);
        } else {
          for (let i = 0; i < 4; i++) {
            stores.push(`{ let gm = ${row}; let gn = ${col} + ${i}u; if (gm < M && gn < N) { ${o}[oBase + gm * om + gn * on] = ${convert(normalize(`${c}[${i}]`, cd), cd, out.dtype)}; } }`);
          }
        }
      }
    }
  }
  const reads: string[] = [];
  for (let g = 0; g < rg; g++) reads.push(`let a${g} = As[kk * ${BM / 4}u + ${g * wgy}u + ty];`);
  for (let h = 0; h < cg; h++) reads.push(`let b${h} = Bs[kk * ${BN / 4}u + ${h * wgx}u + tx];`);

  const source = (): string => `${bind.declarations()}
var<workgroup> As: array<vec4<${t}>, ${(BM * tk) / 4}>;
var<workgroup> Bs: array<vec4<${t}>, ${(BN * tk) / 4}>;
@compute @workgroup_size(${wgx}, ${wgy})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) l3: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let M = md[0]; let N = md[1]; let K = md[2];
  let bi = wid.z + md[15];
  let aBase = md[3] + bi * md[4]; let am = md[5]; let ak = md[6];
  let bBase = md[7] + bi * md[8]; let bk = md[9]; let bn = md[10];
  let oBase = md[11] + bi * md[12]; let om = md[13]; let on = md[14];
  let m0 = wid.y * ${BM}u; let n0 = wid.x * ${BN}u;
  let tx = l3.x; let ty = l3.y;
  ${acc.join(' ')}
  for (var k0 = 0u; k0 < K; k0 = k0 + ${tk}u) {
    ${stageTile(aModeFinal, 'As', A, a.dtype, cd, zero, BM, tk, T, 'am', 'ak', 'aBase', 'm0', 'M')}
    ${stageTile(bMode, 'Bs', B, b.dtype, cd, zero, BN, tk, T, 'bn', 'bk', 'bBase', 'n0', 'N')}
    workgroupBarrier();
    for (var kk = 0u; kk < ${tk}u; kk = kk + 1u) {
      ${reads.join(' ')}
      ${fma.join(' ')}
    }
    workgroupBarrier();
  }
  ${stores.join('\n  ')}
}`;
  const gx = Math.ceil(N / BN), gy = Math.ceil(M / BM);
  for (let start = 0; start < batch; start += MAX_GROUPS) {
    const count = Math.min(MAX_GROUPS, batch - start);
    const meta = new Meta();
    meta.pushAll([M, N, K, a.offset, a.strides[0]!, a.strides[1]!, a.strides[2]!, b.offset, b.strides[0]!, b.strides[1]!, b.strides[2]!]);
    meta.pushAll([out.offset, out.strides[0]!, out.strides[1]!, out.strides[2]!, start]);
    rt.run(key, bind, meta.toArray(), [gx, gy, count], source);
  }
}
