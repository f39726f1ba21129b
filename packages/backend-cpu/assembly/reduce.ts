// float32 reductions. Sums accumulate in double (f64x2 lanes) and round once, like the
// JavaScript kernels in src/reduce.ts (the order of the double additions differs for row
// sums, so results may differ from the JS kernel in the last float32 bit in rare cases;
// column sums add in exactly the JS order and are bit-identical). max/min are bit-identical
// to the JS kernels: NaN propagates (the last NaN's bits), and a zero result keeps the sign
// of the first zero met, as the JS loop `if (v > acc || v !== v) acc = v` does.

/** Sum of n contiguous float32 in double, 8 lanes of accumulation. */
@inline function sumRun(x: usize, n: i32): f64 {
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const v0 = v128.load(x + (<usize>i << 2));
    const v1 = v128.load(x + (<usize>i << 2), 16);
    a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v0));
    a1 = f64x2.add(a1, f64x2.promote_low_f32x4(i32x4.shuffle(v0, v0, 2, 3, 2, 3)));
    a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v1));
    a3 = f64x2.add(a3, f64x2.promote_low_f32x4(i32x4.shuffle(v1, v1, 2, 3, 2, 3)));
  }
  const a = f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3));
  let s = f64x2.extract_lane(a, 0) + f64x2.extract_lane(a, 1);
  for (; i < n; i++) s += <f64>load<f32>(x + (<usize>i << 2));
  return s;
}

/**
 * max (isMax = 1) or min of n >= 1 contiguous float32 with the JS kernel's semantics:
 * start at ∓∞, `if (v > acc || v !== v) acc = v`.
 */
@inline function extremeScalar(isMax: i32, x: usize, n: i32): f32 {
  let acc: f32 = isMax ? -Infinity : Infinity;
  for (let i = 0; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    if ((isMax ? v > acc : v < acc) || v != v) acc = v;
  }
  return acc;
}

@inline function extremeRun(isMax: i32, x: usize, n: i32): f32 {
  if (n < 16) return extremeScalar(isMax, x, n);
  const init = f32x4.splat(isMax ? -Infinity : Infinity);
  let a0 = init, a1 = init, a2 = init, a3 = init;
  let nan = i32x4.splat(0);
  let i = 0;
  // per lane, while no NaN: acc = v > acc ? v : acc (pmax; pmin for min), NaNs noted apart
  for (; i + 16 <= n; i += 16) {
    const p = x + (<usize>i << 2);
    const v0 = v128.load(p), v1 = v128.load(p, 16), v2 = v128.load(p, 32), v3 = v128.load(p, 48);
    if (isMax) {
      a0 = f32x4.pmax(a0, v0);
      a1 = f32x4.pmax(a1, v1);
      a2 = f32x4.pmax(a2, v2);
      a3 = f32x4.pmax(a3, v3);
    } else {
      a0 = f32x4.pmin(a0, v0);
      a1 = f32x4.pmin(a1, v1);
      a2 = f32x4.pmin(a2, v2);
      a3 = f32x4.pmin(a3, v3);
    }
    nan = v128.or(nan, v128.or(v128.or(f32x4.ne(v0, v0), f32x4.ne(v1, v1)), v128.or(f32x4.ne(v2, v2), f32x4.ne(v3, v3))));
  }
  // a NaN anywhere, or a zero result (whose sign depends on order), is settled by the exact
  // sequential loop
  if (v128.any_true(nan)) return extremeScalar(isMax, x, n);
  let m = isMax ? f32x4.pmax(f32x4.pmax(a0, a1), f32x4.pmax(a2, a3)) : f32x4.pmin(f32x4.pmin(a0, a1), f32x4.pmin(a2, a3));
  m = isMax ? f32x4.pmax(m, i32x4.shuffle(m, m, 2, 3, 0, 1)) : f32x4.pmin(m, i32x4.shuffle(m, m, 2, 3, 0, 1));
  m = isMax ? f32x4.pmax(m, i32x4.shuffle(m, m, 1, 0, 3, 2)) : f32x4.pmin(m, i32x4.shuffle(m, m, 1, 0, 3, 2));
  let r: f32 = f32x4.extract_lane(m, 0);
  for (; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2));
    if ((isMax ? v > r : v < r) || v != v) r = v;
  }
  if (r == 0 || r != r) return extremeScalar(isMax, x, n);
  return r;
}

/**
 * Row reductions of a contiguous float32 [rows, n] block (n >= 1) into `out` (rows contiguous
 * float32): op 0 sum (double accumulation, rounded once), 3 max, 4 min.
 */
export function reduceRowsF32(op: i32, x: usize, rows: i32, n: i32, out: usize): void {
  const rowBytes = <usize>n << 2;
  for (let r = 0; r < rows; r++) {
    const p = x + <usize>r * rowBytes;
    const o = out + (<usize>r << 2);
    if (op == 0) store<f32>(o, <f32>sumRun(p, n));
    else if (op == 3) store<f32>(o, extremeRun(1, p, n));
    else store<f32>(o, extremeRun(0, p, n));
  }
}

/** Double sum of n contiguous float32 (the caller adds and rounds). */
export function sumF32(x: usize, n: i32): f64 {
  return sumRun(x, n);
}

/**
 * Column sums: out[j] = Σ_r x[r·rowStride + j] for j < cols, each accumulated in double in
 * row order (as the JS column loop does) and rounded once to float32 into contiguous `out`.
 * rowStride is in elements.
 */
export function sumColsF32(x: usize, rows: i32, rowStride: i32, cols: i32, out: usize): void {
  const rs = <usize>rowStride << 2;
  let j = 0;
  for (; j + 8 <= cols; j += 8) {
    let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
    let p = x + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rs) {
      const v0 = v128.load(p);
      const v1 = v128.load(p, 16);
      a0 = f64x2.add(a0, f64x2.promote_low_f32x4(v0));
      a1 = f64x2.add(a1, f64x2.promote_low_f32x4(i32x4.shuffle(v0, v0, 2, 3, 2, 3)));
      a2 = f64x2.add(a2, f64x2.promote_low_f32x4(v1));
      a3 = f64x2.add(a3, f64x2.promote_low_f32x4(i32x4.shuffle(v1, v1, 2, 3, 2, 3)));
    }
    const o = out + (<usize>j << 2);
    v128.store(o, i32x4.shuffle(f32x4.demote_f64x2_zero(a0), f32x4.demote_f64x2_zero(a1), 0, 1, 4, 5));
    v128.store(o, i32x4.shuffle(f32x4.demote_f64x2_zero(a2), f32x4.demote_f64x2_zero(a3), 0, 1, 4, 5), 16);
  }
  for (; j + 2 <= cols; j += 2) {
    let a = f64x2.splat(0);
    let p = x + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rs) a = f64x2.add(a, f64x2.promote_low_f32x4(v128.load64_zero(p)));
    v128.store64_lane(out + (<usize>j << 2), f32x4.demote_f64x2_zero(a), 0);
  }
  for (; j < cols; j++) {
    let s: f64 = 0;
    let p = x + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rs) s += <f64>load<f32>(p);
    store<f32>(out + (<usize>j << 2), <f32>s);
  }
}
