/**
 * Batched matrix product on arbitrary strides.
 *
 * Float (and int64/uint8/bool) products run a packed, cache-blocked GEMM: panels
 * of A (MR rows) and B (NR columns) are copied into contiguous Float64Arrays and a
 * 4×4 register-tiled micro-kernel accumulates 16 outputs in locals. Accumulation
 * is in float64 even for float32: float32 × float32 products are exact in double
 * and the sum is rounded once on store, so results are at least as accurate as
 * PyTorch's float32 BLAS (which accumulates in float32 with FMA); plain JS has no
 * float32 SIMD, so float64 accumulation costs no speed. int64 is exact while sums
 * stay within ±2^53; int32 has its own wrapping kernel (Math.imul).
 *
 * float32 products of at least WASM_MIN_MACS multiply-adds run the WebAssembly SIMD
 * GEMM instead (assembly/gemm.ts) unless `setCpuKernels('js')`: the same packing
 * scheme on f32x4 with a 5×8 register tile, accumulating in float32 as PyTorch's
 * float32 BLAS does, so results may differ from the JavaScript kernel's in the last
 * bits. Heap operands are read in place with their strides (transposes cost no copy);
 * others are copied into the heap first.
 */
import type { DTypeName, HostArray, TensorRef } from '@antorcha/core';
import { castTo, convertRef, dataOf, directStore, readExact } from './memory.js';
import { poolThreads, runOnThreads } from './wasm/pool.js';
import { heapAddress, heapAlloc, heapFree, heapScratch, heapView, wasmKernels } from './wasm/runtime.js';

const MR = 4;
const NR = 4;
const KC = 256;
const MC = 64;
/** Below this many multiply-adds a simple loop beats packing. */
const SMALL = 16 * 16 * 16;

let packA = new Float64Array(MC * KC);
let packB = new Float64Array(0);
const tile = new Float64Array(MR * NR);

/** C[ci..] += 4×4 block of Ap-panel × Bp-panel over kc steps (C row stride ldc). */
function micro4x4(kc: number, Ap: Float64Array, ia: number, Bp: Float64Array, ib: number, C: Float64Array, ci: number, ldc: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let k = 0; k < kc; k++, ia += 4, ib += 4) {
    const b0 = Bp[ib], b1 = Bp[ib + 1], b2 = Bp[ib + 2], b3 = Bp[ib + 3];
    let a = Ap[ia];
    c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
    a = Ap[ia + 1];
    c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
    a = Ap[ia + 2];
    c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
    a = Ap[ia + 3];
    c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
  }
  C[ci] += c00; C[ci + 1] += c01; C[ci + 2] += c02; C[ci + 3] += c03; ci += ldc;
  C[ci] += c10; C[ci + 1] += c11; C[ci + 2] += c12; C[ci + 3] += c13; ci += ldc;
  C[ci] += c20; C[ci + 1] += c21; C[ci + 2] += c22; C[ci + 3] += c23; ci += ldc;
  C[ci] += c30; C[ci + 1] += c31; C[ci + 2] += c32; C[ci + 3] += c33;
}

/**
 * C (M×N, row-major, zero-filled by the caller) += A·B with A(i,k) = A[aOff + i*am + k*ak]
 * and B(k,j) = B[bOff + k*bk + j*bn].
 */
export function gemm(
  M: number, N: number, K: number,
  A: HostArray, aOff: number, am: number, ak: number,
  B: HostArray, bOff: number, bk: number, bn: number,
  C: Float64Array,
): void {
  const nPanels = Math.ceil(N / NR);
  if (packB.length < nPanels * NR * KC) packB = new Float64Array(nPanels * NR * KC);
  const Bp = packB, Ap = packA;
  for (let pc = 0; pc < K; pc += KC) {
    const kc = Math.min(KC, K - pc);
    // pack B[pc:pc+kc, :] into NR-wide panels, zero-padded on the right
    for (let q = 0, j0 = 0; q < nPanels; q++, j0 += NR) {
      const nr = Math.min(NR, N - j0);
      let p = q * kc * NR;
      for (let k = 0; k < kc; k++) {
        const row = bOff + (pc + k) * bk + j0 * bn;
        for (let c = 0; c < NR; c++) Bp[p++] = c < nr ? B[row + c * bn] : 0;
      }
    }
    for (let ic = 0; ic < M; ic += MC) {
      const mc = Math.min(MC, M - ic);
      // pack A[ic:ic+mc, pc:pc+kc] into MR-tall panels, zero-padded at the bottom
      for (let q = 0, i0 = 0; i0 < mc; q++, i0 += MR) {
        const mr = Math.min(MR, mc - i0);
        let p = q * kc * MR;
        for (let k = 0; k < kc; k++) {
          const col = aOff + (ic + i0) * am + (pc + k) * ak;
          for (let r = 0; r < MR; r++) Ap[p++] = r < mr ? A[col + r * am] : 0;
        }
      }
      for (let q = 0, j0 = 0; q < nPanels; q++, j0 += NR) {
        const nr = Math.min(NR, N - j0);
        const ib = q * kc * NR;
        for (let qa = 0, i0 = 0; i0 < mc; qa++, i0 += MR) {
          const mr = Math.min(MR, mc - i0);
          const ia = qa * kc * MR;
          if (mr === MR && nr === NR) micro4x4(kc, Ap, ia, Bp, ib, C, (ic + i0) * N + j0, N);
          else {
            tile.fill(0);
            micro4x4(kc, Ap, ia, Bp, ib, tile, 0, NR);
            for (let r = 0; r < mr; r++) {
              const ci = (ic + i0 + r) * N + j0;
              for (let c = 0; c < nr; c++) C[ci + c] += tile[r * NR + c];
            }
          }
        }
      }
    }
  }
}

/** C (M×N row-major) = A·B by a plain i-k-j loop (small or thin products). */
function gemmSmall(
  M: number, N: number, K: number,
  A: HostArray, aOff: number, am: number, ak: number,
  B: HostArray, bOff: number, bk: number, bn: number,
  C: Float64Array,
): void {
  if (N === 1) {
    for (let i = 0; i < M; i++) {
      let s = 0;
      for (let k = 0, ai = aOff + i * am, bi = bOff; k < K; k++, ai += ak, bi += bk) s += A[ai] * B[bi];
      C[i] = s;
    }
    return;
  }
  for (let i = 0; i < M; i++) {
    const ci = i * N;
    for (let k = 0; k < K; k++) {
      const av = A[aOff + i * am + k * ak];
      for (let j = 0, bi = bOff + k * bk; j < N; j++, bi += bn) C[ci + j] += av * B[bi];
    }
  }
}

/** int32 product with two's-complement wrapping, as PyTorch's int32 matmul. */
function gemmInt32(
  M: number, N: number, K: number,
  A: HostArray, aOff: number, am: number, ak: number,
  B: HostArray, bOff: number, bk: number, bn: number,
  C: Int32Array,
): void {
  for (let i = 0; i < M; i++) {
    const ci = i * N;
    for (let k = 0; k < K; k++) {
      const av = A[aOff + i * am + k * ak];
      for (let j = 0, bi = bOff + k * bk; j < N; j++, bi += bn) C[ci + j] = (C[ci + j] + Math.imul(av, B[bi])) | 0;
    }
  }
}

/** The WebAssembly GEMM (assembly/gemm.ts). */
interface GemmKernels {
  sgemm(
    M: number, N: number, K: number,
    a: number, am: number, ak: number,
    b: number, bk: number, bn: number,
    c: number, ldc: number,
    accumulate: number, scratch: number,
  ): void;
  sgemmScratchBytes(M: number, N: number, K: number): number;
}

/**
 * Below this many multiply-adds per product the JavaScript loops are about as fast
 * (a call, the packing and the edge tiles cost more than the products).
 */
const WASM_MIN_MACS = 4096;

/** A [B, R, C] float32 operand as the GEMM reads it: a heap address and element strides. */
interface HeapOperand {
  address: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * `ref` ([B, R, C] float32) where the GEMM can read it: in place when it lives in the heap,
 * else copied into a heap temporary (pushed on `temps`; one batch when the batch is
 * broadcast). null when the heap can't hold the copy.
 */
function heapOperand(ref: TensorRef, temps: number[]): HeapOperand | null {
  const [B, R, C] = ref.shape as [number, number, number];
  const [s0, s1, s2] = ref.strides as [number, number, number];
  const address = heapAddress(ref);
  if (address >= 0) return { address, s0, s1, s2 };
  const nb = s0 === 0 ? 1 : B;
  const tmp = heapAlloc(Math.max(4 * nb * R * C, 16));
  if (tmp < 0) return null;
  temps.push(tmp);
  const src = dataOf(ref), dst = heapView('float32', tmp, nb * R * C);
  for (let t = 0, o = 0; t < nb; t++)
    for (let r = 0; r < R; r++)
      for (let c = 0, i = ref.offset + t * s0 + r * s1; c < C; c++, i += s2) dst[o++] = src[i]!;
  return { address: tmp, s0: s0 === 0 ? 0 : R * C, s1: C, s2: 1 };
}

/**
 * float32 matmul through the WebAssembly GEMM when a, b and out are float32 and the
 * products are large enough; false otherwise (nothing written). Operands outside the
 * heap (small buffers, wrapped arrays, expanded scalars such as the gradient of a sum)
 * are copied into heap temporaries, an output outside the heap or with strided rows
 * is computed in one and copied out. Batches loop here, one `sgemm` call each.
 */
function matmulWasm(a: TensorRef, b: TensorRef, out: TensorRef, cd: DTypeName): boolean {
  if (cd !== 'float32' || a.dtype !== 'float32' || b.dtype !== 'float32' || out.dtype !== 'float32') return false;
  let batch = a.shape[0], M = a.shape[1];
  const K = a.shape[2], N = b.shape[2];
  if (M * N * Math.max(K, 1) < WASM_MIN_MACS) return false;
  const W = wasmKernels() as unknown as GemmKernels | null;
  if (W === null || typeof W.sgemm !== 'function') return false;
  const temps: number[] = [];
  try {
    const A = heapOperand(a, temps), Bo = heapOperand(b, temps);
    if (A === null || Bo === null) return false;
    let oAddr = out.strides[2] === 1 ? heapAddress(out) : -1;
    let os0 = out.strides[0], om = out.strides[1];
    const staged = oAddr < 0;
    if (staged) {
      oAddr = heapAlloc(Math.max(4 * batch * M * N, 16));
      if (oAddr < 0) return false;
      temps.push(oAddr);
      os0 = M * N;
      om = N;
    }
    let as0 = A.s0;
    const merged = batch > 1 && Bo.s0 === 0 && as0 === M * A.s1 && os0 === M * om;
    // b shared by every batch and a, out stacking their rows: one taller product
    const rows = merged ? M * batch : M;
    if (merged) {
      batch = 1;
      as0 = 0;
      os0 = 0;
    }
    const jobs = gemmJobs(rows, N, K);
    if (jobs === null) return false;
    for (let t = 0; t < batch; t++) {
      const a0 = A.address + 4 * t * as0, b0 = Bo.address + 4 * t * Bo.s0, o0 = oAddr + 4 * t * os0;
      if (jobs.length === 1) {
        W.sgemm(rows, N, K, a0, A.s1, A.s2, b0, Bo.s1, Bo.s2, o0, om, 0, jobs[0]!.scratch);
        continue;
      }
      runOnThreads('sgemm', jobs.map((j) => [
        j.rows, j.cols, K, a0 + 4 * j.row * A.s1, A.s1, A.s2, b0 + 4 * j.col * Bo.s2, Bo.s1, Bo.s2, o0 + 4 * (j.row * om + j.col), om, 0, j.scratch,
      ]));
    }
    if (staged) {
      const nb = out.shape[0];
      const src = heapView('float32', oAddr, nb * M * N), O = dataOf(out);
      const [t0, t1, t2] = out.strides as [number, number, number];
      for (let t = 0, i = 0; t < nb; t++)
        for (let r = 0; r < M; r++)
          for (let c = 0, o = out.offset + t * t0 + r * t1; c < N; c++, o += t2) O[o] = src[i++]!;
    }
    return true;
  } finally {
    for (const p of temps) heapFree(p);
  }
}

/** Products of at least this many multiply-adds are split over the worker pool: a wake-up costs 15–30 µs. */
const PARALLEL_MIN_MACS = 1 << 22;
/** The GEMM's register tile (rows × columns): ranges start at multiples of it, so results don't depend on the split. */
const WASM_MR = 5;
const WASM_NR = 8;

/** One thread's share of a product: rows [row, row+rows) × columns [col, col+cols), and its packing scratch. */
interface GemmJob {
  row: number;
  rows: number;
  col: number;
  cols: number;
  scratch: number;
}

/**
 * Splits an M×N·K product over the pool's threads (one job when the product is small or
 * the pool has one thread), along the longer of M and N so that each thread packs only
 * its share of the other operand (a 64-row product split by rows would pack all of B
 * twice). Null when the heap can't give the scratch.
 */
function gemmJobs(M: number, N: number, K: number): GemmJob[] | null {
  const W = wasmKernels() as unknown as GemmKernels;
  const byRows = M >= N;
  const tile = byRows ? WASM_MR : WASM_NR;
  const extent = byRows ? M : N;
  const tiles = Math.ceil(extent / tile);
  let threads = M * N * K >= PARALLEL_MIN_MACS ? Math.min(poolThreads(), tiles) : 1;
  if (threads < 1) threads = 1;
  const jobs: GemmJob[] = [];
  for (let j = 0, t = 0; j < threads; j++) {
    const take = Math.floor(tiles / threads) + (j < tiles % threads ? 1 : 0);
    const start = t * tile, len = Math.min(extent, (t + take) * tile) - start;
    t += take;
    const job = byRows ? { row: start, rows: len, col: 0, cols: N, scratch: 0 } : { row: 0, rows: M, col: start, cols: len, scratch: 0 };
    job.scratch = heapScratch(j, Math.max(16, W.sgemmScratchBytes(job.rows, job.cols, K)));
    if (job.scratch < 0) return null;
    jobs.push(job);
  }
  return jobs;
}

/**
 * Batched matrix product: a is [B, M, K], b is [B, K, N], out is [B, M, N], any
 * strides (stride 0 broadcasts a batch). Computes in `cd` (see the module notes).
 */
export function matmul(a: TensorRef, b: TensorRef, out: TensorRef, cd: DTypeName): void {
  let batch = a.shape[0], M = a.shape[1];
  const K = a.shape[2], N = b.shape[2];
  if (batch * M * N === 0) return;
  if (matmulWasm(a, b, out, cd)) return;
  if (!readExact(a.dtype, cd)) a = convertRef(a, cd);
  if (!readExact(b.dtype, cd)) b = convertRef(b, cd);
  const A = dataOf(a), B = dataOf(b), O = dataOf(out);
  let as0 = a.strides[0], os0 = out.strides[0];
  const am = a.strides[1], ak = a.strides[2];
  const bs0 = b.strides[0], bk = b.strides[1], bn = b.strides[2];
  const om = out.strides[1], on = out.strides[2];
  // b shared by every batch and a, out stacking their rows: one taller product
  if (batch > 1 && bs0 === 0 && as0 === M * am && os0 === M * om) {
    M *= batch;
    batch = 1;
    as0 = 0;
    os0 = 0;
  }
  const exact = directStore(cd, out.dtype);
  const outDt = out.dtype;
  const C: Float64Array | Int32Array = cd === 'int32' ? new Int32Array(M * N) : new Float64Array(M * N);
  for (let t = 0; t < batch; t++) {
    const aOff = a.offset + t * as0, bOff = b.offset + t * bs0, oOff = out.offset + t * os0;
    if (t > 0) C.fill(0);
    if (C instanceof Int32Array) gemmInt32(M, N, K, A, aOff, am, ak, B, bOff, bk, bn, C);
    else if (M * N * K <= SMALL || M < MR || N < NR) gemmSmall(M, N, K, A, aOff, am, ak, B, bOff, bk, bn, C);
    else gemm(M, N, K, A, aOff, am, ak, B, bOff, bk, bn, C);
    for (let i = 0; i < M; i++) {
      let oi = oOff + i * om;
      const ci = i * N;
      if (exact) for (let j = 0; j < N; j++, oi += on) O[oi] = C[ci + j];
      else for (let j = 0; j < N; j++, oi += on) O[oi] = castTo(castTo(C[ci + j], cd), outDt);
    }
  }
}
