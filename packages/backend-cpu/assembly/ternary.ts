// Fused float32 kernels of three operands, bit-identical to src/ternary.ts:
// - addcmul: out = fma(fl32(v·t1), t2, self) with a single rounding (PyTorch's compiled
//   kernel contracts it into an FMA). As in the JS kernel, the product of two float32 is
//   exact in double, the double sum s is rounded to float32 (r), and only when s lies
//   exactly on a float32 midpoint does the TwoSum error decide the rounding (rounding twice
//   can only go wrong there). Lanes run in f64x2 and spot midpoints from s's low bits; a
//   block with such a lane (rare), or with a nonzero sum below float32's normal range, is
//   redone by the scalar routine (the JS kernel's exact test).
// - addcdiv: out = self + fl32(fl32(v·t1) / t2), every step a float32 operation.
// Operands step by 1 element, t2 by 0 or 1; `v` is a float32 value.

@inline function fma32(a: f64, b: f64, c: f64): f32 {
  const p = a * b;
  const s = p + c;
  const r = <f64><f32>s;
  const d = s - r;
  const o = r + (d + d);
  if (d == 0 || <f64><f32>o != o) return <f32>r;
  const bb = s - p;
  const e = p - (s - bb) + (c - bb);
  if (e == 0) return <f32>r;
  return (e > 0) == (o > r) ? <f32>o : <f32>r;
}


const LOW29 = i64x2.splat(0x1fffffff);
const MID29 = i64x2.splat(0x10000000);
const TINY = f64x2.splat(1.1754943508222875e-38); // 2^-126
const ZERO = f64x2.splat(0);

/** out[i] = fma(fl32(v·t1[i]), t2[i·bs], self[i]) for i < n (bs ∈ {0, 1}). */
export function addcmulF32(self: usize, t1: usize, t2: usize, bs: i32, out: usize, n: i32, v: f32): void {
  const vv = f32x4.splat(v);
  let i = 0;
  const b0 = v128.load32_splat(t2);
  for (; i + 4 <= n; i += 4) {
    const q = <usize>i << 2;
    const a = f32x4.mul(vv, v128.load(t1 + q));
    const b = bs == 0 ? b0 : v128.load(t2 + q);
    const c = v128.load(self + q);
    // low and high pairs in double
    const aL = f64x2.promote_low_f32x4(a), aH = f64x2.promote_low_f32x4(i32x4.shuffle(a, a, 2, 3, 0, 1));
    const bL = f64x2.promote_low_f32x4(b), bH = f64x2.promote_low_f32x4(i32x4.shuffle(b, b, 2, 3, 0, 1));
    const cL = f64x2.promote_low_f32x4(c), cH = f64x2.promote_low_f32x4(i32x4.shuffle(c, c, 2, 3, 0, 1));
    const sL = f64x2.add(f64x2.mul(aL, bL), cL), sH = f64x2.add(f64x2.mul(aH, bH), cH);
    // A lane needs the exact routine only when s sits exactly on a float32 midpoint: for
    // |s| in float32's normal range, the 29 bits below float32 precision are 1 then 28 zeros.
    // Nonzero sums below 2^-126 (where float32 has fewer bits) take the exact routine too.
    const tL = v128.or(i64x2.eq(v128.and(sL, LOW29), MID29), v128.and(f64x2.lt(f64x2.abs(sL), TINY), f64x2.ne(sL, ZERO)));
    const tH = v128.or(i64x2.eq(v128.and(sH, LOW29), MID29), v128.and(f64x2.lt(f64x2.abs(sH), TINY), f64x2.ne(sH, ZERO)));
    const rL32 = f32x4.demote_f64x2_zero(sL), rH32 = f32x4.demote_f64x2_zero(sH);
    if (v128.any_true(v128.or(tL, tH))) {
      for (let k = 0; k < 4; k++) {
        const e = <usize>(i + k) << 2;
        const bk = bs == 0 ? load<f32>(t2) : load<f32>(t2 + e);
        store<f32>(out + e, fma32(<f64>(v * load<f32>(t1 + e)), <f64>bk, <f64>load<f32>(self + e)));
      }
      continue;
    }
    v128.store(out + q, i32x4.shuffle(rL32, rH32, 0, 1, 4, 5));
  }
  for (; i < n; i++) {
    const e = <usize>i << 2;
    const bk = bs == 0 ? load<f32>(t2) : load<f32>(t2 + e);
    store<f32>(out + e, fma32(<f64>(v * load<f32>(t1 + e)), <f64>bk, <f64>load<f32>(self + e)));
  }
}

/** out[i] = self[i] + fl32(fl32(v·t1[i]) / t2[i]) for i < n. */
export function addcdivF32(self: usize, t1: usize, t2: usize, out: usize, n: i32, v: f32): void {
  const vv = f32x4.splat(v);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const q = <usize>i << 2;
    v128.store(out + q, f32x4.add(v128.load(self + q), f32x4.div(f32x4.mul(vv, v128.load(t1 + q)), v128.load(t2 + q))));
  }
  for (; i < n; i++) {
    const e = <usize>i << 2;
    store<f32>(out + e, load<f32>(self + e) + (v * load<f32>(t1 + e)) / load<f32>(t2 + e));
  }
}
