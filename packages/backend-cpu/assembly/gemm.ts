// Single-precision GEMM: C (M×N) = A·B or C += A·B.
//
// Packed and cache-blocked in the GotoBLAS/BLIS way. Per NC-column block of C and
// KC-deep slice of K, B is packed into NR-wide column panels (k-major, NR floats per
// k, zero-padded); per MC-row block, A is packed into MR-tall row panels (MR floats
// per k, zero-padded). An MR×NR register tile of f32x4 accumulators (5 rows × 2
// vectors) then runs over the KC slice. Edge tiles
// are computed whole on the padded panels into a scratch tile and only their valid
// part is written. Accumulation is float32 (as a float32 BLAS); relaxed SIMD builds
// use fused multiply-add.
//
// A(i,k) = A[i*am + k*ak], B(k,j) = B[k*bk + j*bn] (element strides, any sign or 0:
// transposed operands need no copies), C(i,j) = C[i*ldc + j]. Everything lives in
// the caller's memory; the only writable storage is the caller's scratch block, so
// calls on disjoint C (and disjoint scratch) may run concurrently.

// Block sizes for Zen 4 (32 KiB L1d, 1 MiB L2): a KC-deep A micro-panel (5·512·4 = 10 KiB)
// and B micro-panel (8·512·4 = 16 KiB) share L1; the packed MC×KC A block (240 KiB)
// stays in L2; the KC×NC B block (up to 2 MiB) streams from L3, each micro-panel reused
// over the MC/MR tiles of a block. KC = 512 measured a few percent over 256 at 512³.
// @ts-ignore: decorator
@inline const MR: i32 = 5;
// @ts-ignore: decorator
@inline const NR: i32 = 8;
// @ts-ignore: decorator
@inline const KC: i32 = 512;
// @ts-ignore: decorator
@inline const MC: i32 = 120;
// @ts-ignore: decorator
@inline const NC: i32 = 1024;

// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

// @ts-ignore: decorator
@inline function imin(a: i32, b: i32): i32 {
  return a < b ? a : b;
}

// @ts-ignore: decorator
@inline function roundUp(x: i32, m: i32): i32 {
  return ((x + m - 1) / m) * m;
}

/**
 * Bytes of scratch `sgemm` needs for an M×N×K product (packed A block, packed B
 * block, one edge tile), with 16 bytes of slack for alignment.
 */
export function sgemmScratchBytes(M: i32, N: i32, K: i32): i32 {
  if (M <= 0 || N <= 0 || K <= 0) return 0;
  const kc = imin(KC, K);
  const mc = imin(MC, roundUp(M, MR));
  const nc = imin(NC, roundUp(N, NR));
  return (mc * kc + kc * nc + MR * NR) * 4 + 16;
}

/** Packs A[i0.., k0..] (mc rows × kc) into MR-tall panels at dst. */
function packA(a: usize, am: i32, ak: i32, mc: i32, kc: i32, dst: usize): void {
  const amB = <usize>(am << 2), akB = <usize>(ak << 2);
  for (let i0 = 0; i0 < mc; i0 += MR) {
    const mr = imin(MR, mc - i0);
    let p = a + <usize>(i0 * am << 2);
    if (mr == MR) {
      for (let k = 0; k < kc; k++) {
        let q = p;
        for (let r = 0; r < MR; r++) {
          store<f32>(dst + <usize>(r << 2), load<f32>(q));
          q += amB;
        }
        p += akB;
        dst += MR << 2;
      }
    } else {
      for (let k = 0; k < kc; k++) {
        let q = p;
        for (let r = 0; r < MR; r++) {
          store<f32>(dst + <usize>(r << 2), r < mr ? load<f32>(q) : 0);
          q += amB;
        }
        p += akB;
        dst += MR << 2;
      }
    }
  }
}

/**
 * Reads 4 floats at each of src, src + stride, src + 2·stride, src + 3·stride (4 columns
 * of B, 4 consecutive k each) and writes them as 4 rows of 4 at dst, dst + NR·4, …
 */
// @ts-ignore: decorator
@inline function transpose4(src: usize, stride: usize, dst: usize): void {
  const v0 = v128.load(src);
  const v1 = v128.load(src + stride);
  const v2 = v128.load(src + (stride << 1));
  const v3 = v128.load(src + stride * 3);
  const t0 = i32x4.shuffle(v0, v1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(v2, v3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(v0, v1, 2, 6, 3, 7);
  const t3 = i32x4.shuffle(v2, v3, 2, 6, 3, 7);
  v128.store(dst, i64x2.shuffle(t0, t1, 0, 2));
  v128.store(dst, i64x2.shuffle(t0, t1, 1, 3), NR << 2);
  v128.store(dst, i64x2.shuffle(t2, t3, 0, 2), NR << 3);
  v128.store(dst, i64x2.shuffle(t2, t3, 1, 3), NR * 12);
}

/** Packs B[k0.., j0..] (kc × nc) into NR-wide panels at dst. */
function packB(b: usize, bk: i32, bn: i32, kc: i32, nc: i32, dst: usize): void {
  const bkB = <usize>(bk << 2), bnB = <usize>(bn << 2);
  for (let j0 = 0; j0 < nc; j0 += NR) {
    const nr = imin(NR, nc - j0);
    let p = b + <usize>(j0 * bn << 2);
    if (nr == NR && bn == 1) {
      for (let k = 0; k < kc; k++) {
        for (let v = 0; v < NR; v += 4) v128.store(dst + <usize>(v << 2), v128.load(p + <usize>(v << 2)));
        p += bkB;
        dst += NR << 2;
      }
    } else if (nr == NR && bk == 1) {
      // B transposed (each column contiguous in k): 4 k at a time, two 4×4 transposes
      let k = 0;
      for (; k + 4 <= kc; k += 4) {
        transpose4(p, bnB, dst);
        transpose4(p + (bnB << 2), bnB, dst + 16);
        p += 16;
        dst += NR << 4;
      }
      for (; k < kc; k++) {
        let q = p;
        for (let c = 0; c < NR; c++) {
          store<f32>(dst + <usize>(c << 2), load<f32>(q));
          q += bnB;
        }
        p += 4;
        dst += NR << 2;
      }
    } else if (nr == NR) {
      for (let k = 0; k < kc; k++) {
        let q = p;
        for (let c = 0; c < NR; c++) {
          store<f32>(dst + <usize>(c << 2), load<f32>(q));
          q += bnB;
        }
        p += bkB;
        dst += NR << 2;
      }
    } else {
      for (let k = 0; k < kc; k++) {
        let q = p;
        for (let c = 0; c < NR; c++) {
          store<f32>(dst + <usize>(c << 2), c < nr ? load<f32>(q) : 0);
          q += bnB;
        }
        p += bkB;
        dst += NR << 2;
      }
    }
  }
}

/**
 * The MR×NR (5×8) register tile: C[c..] (row stride ldcB bytes) = (add ? C : 0) +
 * Ap·Bp over kc ≥ 1 steps. 5×8 (10 accumulators, two B vectors, the broadcast and
 * a product temporary: 14 of the 15 xmm registers V8 allocates) measured fastest
 * on V8 11.3 without FMA: 6×8 spills, and unrolling k makes TurboFan hoist the
 * next step's loads and spill.
 */
function micro(kc: i32, ap: usize, bp: usize, c: usize, ldcB: usize, add: bool): void {
  let c00 = f32x4.splat(0); let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0); let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0); let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0); let c31 = f32x4.splat(0);
  let c40 = f32x4.splat(0); let c41 = f32x4.splat(0);
  let k = 0;
  for (; k + 1 <= kc; k += 1) {
    const b0_0 = v128.load(bp, 0);
    const b1_0 = v128.load(bp, 16);
    let a_0 = v128.load32_splat(ap, 0);
    c00 = madd(a_0, b0_0, c00);
    c01 = madd(a_0, b1_0, c01);
    a_0 = v128.load32_splat(ap, 4);
    c10 = madd(a_0, b0_0, c10);
    c11 = madd(a_0, b1_0, c11);
    a_0 = v128.load32_splat(ap, 8);
    c20 = madd(a_0, b0_0, c20);
    c21 = madd(a_0, b1_0, c21);
    a_0 = v128.load32_splat(ap, 12);
    c30 = madd(a_0, b0_0, c30);
    c31 = madd(a_0, b1_0, c31);
    a_0 = v128.load32_splat(ap, 16);
    c40 = madd(a_0, b0_0, c40);
    c41 = madd(a_0, b1_0, c41);
    ap += 20;
    bp += 32;
  }
  if (add) {
    v128.store(c, f32x4.add(v128.load(c, 0), c00), 0);
    v128.store(c, f32x4.add(v128.load(c, 16), c01), 16);
    c += ldcB;
    v128.store(c, f32x4.add(v128.load(c, 0), c10), 0);
    v128.store(c, f32x4.add(v128.load(c, 16), c11), 16);
    c += ldcB;
    v128.store(c, f32x4.add(v128.load(c, 0), c20), 0);
    v128.store(c, f32x4.add(v128.load(c, 16), c21), 16);
    c += ldcB;
    v128.store(c, f32x4.add(v128.load(c, 0), c30), 0);
    v128.store(c, f32x4.add(v128.load(c, 16), c31), 16);
    c += ldcB;
    v128.store(c, f32x4.add(v128.load(c, 0), c40), 0);
    v128.store(c, f32x4.add(v128.load(c, 16), c41), 16);
  } else {
    v128.store(c, c00, 0);
    v128.store(c, c01, 16);
    c += ldcB;
    v128.store(c, c10, 0);
    v128.store(c, c11, 16);
    c += ldcB;
    v128.store(c, c20, 0);
    v128.store(c, c21, 16);
    c += ldcB;
    v128.store(c, c30, 0);
    v128.store(c, c31, 16);
    c += ldcB;
    v128.store(c, c40, 0);
    v128.store(c, c41, 16);
  }
}

/**
 * Single-precision GEMM on byte addresses into the shared memory.
 *
 * C(i,j) = (accumulate ? C(i,j) : 0) + Σ_k A(i,k)·B(k,j) for i < M, j < N, with
 * A(i,k) at a + 4·(i·am + k·ak), B(k,j) at b + 4·(k·bk + j·bn) and C(i,j) at
 * c + 4·(i·ldc + j). Without `accumulate` C is only written (never read), and K = 0
 * writes zeros. `scratch` must hold `sgemmScratchBytes(M, N, K)` bytes and must not
 * overlap A, B or C; it is the only other memory written, so concurrent calls on
 * disjoint C with their own scratch are safe.
 */
export function sgemm(
  M: i32, N: i32, K: i32,
  a: usize, am: i32, ak: i32,
  b: usize, bk: i32, bn: i32,
  c: usize, ldc: i32,
  accumulate: i32, scratch: usize,
): void {
  if (M <= 0 || N <= 0) return;
  const ldcB = <usize>(ldc << 2);
  if (K <= 0) {
    if (!accumulate) for (let i = 0; i < M; i++) memory.fill(c + <usize>(i) * ldcB, 0, <usize>(N << 2));
    return;
  }
  scratch = (scratch + 15) & ~15;
  const kcMax = imin(KC, K);
  const mcMax = imin(MC, roundUp(M, MR));
  const ncMax = imin(NC, roundUp(N, NR));
  const pa = scratch;
  const pb = pa + <usize>(mcMax * kcMax << 2);
  const tile = pb + <usize>(kcMax * ncMax << 2);
  for (let jc = 0; jc < N; jc += NC) {
    const nc = imin(NC, N - jc);
    for (let pc = 0; pc < K; pc += KC) {
      const kc = imin(KC, K - pc);
      const add = pc > 0 || accumulate != 0;
      packB(b + <usize>((pc * bk + jc * bn) << 2), bk, bn, kc, nc, pb);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = imin(MC, M - ic);
        packA(a + <usize>((ic * am + pc * ak) << 2), am, ak, mc, kc, pa);
        for (let jr = 0; jr < nc; jr += NR) {
          const nr = imin(NR, nc - jr);
          const bp = pb + <usize>(jr * kc << 2);
          const cj = c + <usize>((ic * ldc + jc + jr) << 2);
          for (let ir = 0; ir < mc; ir += MR) {
            const mr = imin(MR, mc - ir);
            const ap = pa + <usize>(ir * kc << 2);
            const cij = cj + <usize>(ir) * ldcB;
            if (mr == MR && nr == NR) {
              micro(kc, ap, bp, cij, ldcB, add);
            } else {
              micro(kc, ap, bp, tile, NR << 2, false);
              for (let r = 0; r < mr; r++) {
                const row = cij + <usize>(r) * ldcB;
                const t = tile + <usize>(r * NR << 2);
                if (add) for (let j = 0; j < nr; j++) store<f32>(row + <usize>(j << 2), load<f32>(row + <usize>(j << 2)) + load<f32>(t + <usize>(j << 2)));
                else for (let j = 0; j < nr; j++) store<f32>(row + <usize>(j << 2), load<f32>(t + <usize>(j << 2)));
              }
            }
          }
        }
      }
    }
  }
}
