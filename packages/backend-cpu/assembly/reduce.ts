// float32 reductions. The sums the glue uses (torchSumRowsF32, torchSumColsF32) add in float32
// in PyTorch's own order (below), bit-exact with torch.sum; reduceRowsF32's op 0 is a double
// sum like the JavaScript kernel's (another order). max/min are bit-identical to the JS
// kernels: NaN propagates (the last NaN's bits), and a zero result keeps the sign of the
// first zero met, as the JS loop `if (v > acc || v !== v) acc = v` does.

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

// ---- PyTorch's float32 summation order (ATen SumKernel.cpp, cascade_sum, AVX2) ----
// ATen sums a contiguous float32 row with 8-lane float vectors (here each is two f32x4
// halves; lane-wise float adds are the same), four of them side by side (ilp), in a cascade
// of four levels of accumulators, then adds the scalar tail and the 8 lanes in order.
// Matching its order makes sums bit-exact with PyTorch 1.13 on an AVX2 machine at one thread.

/** utils::CeilLog2: 1 for x <= 2, else floor(log2(x − 1)) + 1. */
@inline function ceilLog2(x: i32): i32 {
  if (x <= 2) return 1;
  return 32 - clz<i32>(x - 1);
}

/** ATen's row sum for n < 8 (scalar row_sum with ilp 4). */
@inline function torchSumSmall(x: usize, n: i32): f32 {
  let p0: f32 = 0, p1: f32 = 0, p2: f32 = 0, p3: f32 = 0;
  let i = 0;
  if (n >= 4) {
    p0 = load<f32>(x);
    p1 = load<f32>(x, 4);
    p2 = load<f32>(x, 8);
    p3 = load<f32>(x, 12);
    i = 4;
  }
  for (; i < n; i++) p0 += load<f32>(x + (<usize>i << 2));
  p0 += p1;
  p0 += p2;
  p0 += p3;
  return p0;
}

// Layouts of the 8-float-vector cascade (multi_row_sum with 4 rows of 8-lane vectors):
// INNER: one row, groups of 4 consecutive vectors (vectorized_inner_sum's row_sum);
// OUTER32: 32 columns, one group per input row (vectorized_outer_sum's 4×8-column blocks);
// OUTER8: 8 columns, groups of 4 input rows (vectorized_outer_sum's 8-column row_sum).
const INNER = 0;
const OUTER32 = 1;
const OUTER8 = 2;

/**
 * ATen's multi_row_sum of 4 × 8-lane float vectors over `size` groups, then the layout's
 * epilogue: INNER returns the row's sum before the store; OUTER32/OUTER8 store 0 + each
 * column's sum into out (contiguous) and return 0. `stride`: bytes between input rows.
 */
@inline function cascade8(layout: i32, x: usize, n: i32, stride: usize, rows: i32, out: usize): f32 {
  // INNER: n floats; OUTER32: rows rows of 32 columns; OUTER8: rows rows of 8 columns
  const vecSize = n >> 3;
  const size = layout == INNER ? vecSize >> 2 : layout == OUTER32 ? rows : rows >> 2;
  const advance: usize = layout == INNER ? 128 : layout == OUTER32 ? stride : stride << 2;
  // byte offsets of the group's k-th 8-lane vector (k = 1, 2, 3)
  const k1: usize = layout == OUTER8 ? stride : 32;
  const k2: usize = k1 << 1;
  const k3: usize = k1 + k2;
  const levelPower = max<i32>(4, ceilLog2(size) / 4);
  const step = 1 << levelPower;
  const mask = step - 1;
  const z = f32x4.splat(0);
  let a00 = z, a01 = z, a02 = z, a03 = z, a04 = z, a05 = z, a06 = z, a07 = z;
  let a10 = z, a11 = z, a12 = z, a13 = z, a14 = z, a15 = z, a16 = z, a17 = z;
  let a20 = z, a21 = z, a22 = z, a23 = z, a24 = z, a25 = z, a26 = z, a27 = z;
  let a30 = z, a31 = z, a32 = z, a33 = z, a34 = z, a35 = z, a36 = z, a37 = z;
  let i = 0;
  let p = x;
  while (i + step <= size) {
    for (let j = 0; j < step; j++, i++, p += advance) {
      a00 = f32x4.add(a00, v128.load(p));
      a01 = f32x4.add(a01, v128.load(p, 16));
      a02 = f32x4.add(a02, v128.load(p + k1));
      a03 = f32x4.add(a03, v128.load(p + k1, 16));
      a04 = f32x4.add(a04, v128.load(p + k2));
      a05 = f32x4.add(a05, v128.load(p + k2, 16));
      a06 = f32x4.add(a06, v128.load(p + k3));
      a07 = f32x4.add(a07, v128.load(p + k3, 16));
    }
    a10 = f32x4.add(a10, a00); a11 = f32x4.add(a11, a01); a12 = f32x4.add(a12, a02); a13 = f32x4.add(a13, a03);
    a14 = f32x4.add(a14, a04); a15 = f32x4.add(a15, a05); a16 = f32x4.add(a16, a06); a17 = f32x4.add(a17, a07);
    a00 = z; a01 = z; a02 = z; a03 = z; a04 = z; a05 = z; a06 = z; a07 = z;
    if ((i & (mask << levelPower)) != 0) continue;
    a20 = f32x4.add(a20, a10); a21 = f32x4.add(a21, a11); a22 = f32x4.add(a22, a12); a23 = f32x4.add(a23, a13);
    a24 = f32x4.add(a24, a14); a25 = f32x4.add(a25, a15); a26 = f32x4.add(a26, a16); a27 = f32x4.add(a27, a17);
    a10 = z; a11 = z; a12 = z; a13 = z; a14 = z; a15 = z; a16 = z; a17 = z;
    if ((i & (mask << (2 * levelPower))) != 0) continue;
    a30 = f32x4.add(a30, a20); a31 = f32x4.add(a31, a21); a32 = f32x4.add(a32, a22); a33 = f32x4.add(a33, a23);
    a34 = f32x4.add(a34, a24); a35 = f32x4.add(a35, a25); a36 = f32x4.add(a36, a26); a37 = f32x4.add(a37, a27);
    a20 = z; a21 = z; a22 = z; a23 = z; a24 = z; a25 = z; a26 = z; a27 = z;
  }
  for (; i < size; i++, p += advance) {
    a00 = f32x4.add(a00, v128.load(p));
    a01 = f32x4.add(a01, v128.load(p, 16));
    a02 = f32x4.add(a02, v128.load(p + k1));
    a03 = f32x4.add(a03, v128.load(p + k1, 16));
    a04 = f32x4.add(a04, v128.load(p + k2));
    a05 = f32x4.add(a05, v128.load(p + k2, 16));
    a06 = f32x4.add(a06, v128.load(p + k3));
    a07 = f32x4.add(a07, v128.load(p + k3, 16));
  }
  // acc[0] += acc[1]; += acc[2]; += acc[3]
  a00 = f32x4.add(f32x4.add(f32x4.add(a00, a10), a20), a30);
  a01 = f32x4.add(f32x4.add(f32x4.add(a01, a11), a21), a31);
  a02 = f32x4.add(f32x4.add(f32x4.add(a02, a12), a22), a32);
  a03 = f32x4.add(f32x4.add(f32x4.add(a03, a13), a23), a33);
  a04 = f32x4.add(f32x4.add(f32x4.add(a04, a14), a24), a34);
  a05 = f32x4.add(f32x4.add(f32x4.add(a05, a15), a25), a35);
  a06 = f32x4.add(f32x4.add(f32x4.add(a06, a16), a26), a36);
  a07 = f32x4.add(f32x4.add(f32x4.add(a07, a17), a27), a37);
  if (layout == OUTER32) {
    // each of the 32 columns is stored (0 + sum)
    v128.store(out, f32x4.add(z, a00));
    v128.store(out, f32x4.add(z, a01), 16);
    v128.store(out, f32x4.add(z, a02), 32);
    v128.store(out, f32x4.add(z, a03), 48);
    v128.store(out, f32x4.add(z, a04), 64);
    v128.store(out, f32x4.add(z, a05), 80);
    v128.store(out, f32x4.add(z, a06), 96);
    v128.store(out, f32x4.add(z, a07), 112);
    return 0;
  }
  // leftover vectors (INNER) or rows (OUTER8) go into ilp row 0
  if (layout == INNER) {
    for (let v = size << 2; v < vecSize; v++) {
      const q = x + (<usize>v << 5);
      a00 = f32x4.add(a00, v128.load(q));
      a01 = f32x4.add(a01, v128.load(q, 16));
    }
  } else {
    for (let r = size << 2; r < rows; r++) {
      const q = x + <usize>r * stride;
      a00 = f32x4.add(a00, v128.load(q));
      a01 = f32x4.add(a01, v128.load(q, 16));
    }
  }
  // partial_sums[0] += partial_sums[1], [2], [3]
  a00 = f32x4.add(f32x4.add(f32x4.add(a00, a02), a04), a06);
  a01 = f32x4.add(f32x4.add(f32x4.add(a01, a03), a05), a07);
  if (layout == OUTER8) {
    v128.store(out, f32x4.add(z, a00));
    v128.store(out, f32x4.add(z, a01), 16);
    return 0;
  }
  let fin: f32 = 0;
  for (let k = vecSize << 3; k < n; k++) fin += load<f32>(x + (<usize>k << 2));
  fin += f32x4.extract_lane(a00, 0);
  fin += f32x4.extract_lane(a00, 1);
  fin += f32x4.extract_lane(a00, 2);
  fin += f32x4.extract_lane(a00, 3);
  fin += f32x4.extract_lane(a01, 0);
  fin += f32x4.extract_lane(a01, 1);
  fin += f32x4.extract_lane(a01, 2);
  fin += f32x4.extract_lane(a01, 3);
  return fin;
}

/** ATen's cascade sum of n contiguous float32 (vectorized_inner_sum for one row), before the store. */
function torchSumRow(x: usize, n: i32): f32 {
  if (n < 8) return torchSumSmall(x, n);
  return cascade8(INNER, x, n, 0, 0, 0);
}

/**
 * ATen's scalar multi_row_sum with 4 accumulators (lanes) over `size` groups: lane k of
 * group i is the float at x + i·advance + k·kStride. Returns the 4 level-folded lanes.
 */
@inline function cascade4(x: usize, advance: usize, kStride: usize, size: i32): v128 {
  const levelPower = max<i32>(4, ceilLog2(size) / 4);
  const step = 1 << levelPower;
  const mask = step - 1;
  const z = f32x4.splat(0);
  let a0 = z, a1 = z, a2 = z, a3 = z;
  let i = 0;
  let p = x;
  while (i + step <= size) {
    for (let j = 0; j < step; j++, i++, p += advance) a0 = f32x4.add(a0, load4(p, kStride));
    a1 = f32x4.add(a1, a0);
    a0 = z;
    if ((i & (mask << levelPower)) != 0) continue;
    a2 = f32x4.add(a2, a1);
    a1 = z;
    if ((i & (mask << (2 * levelPower))) != 0) continue;
    a3 = f32x4.add(a3, a2);
    a2 = z;
  }
  for (; i < size; i++, p += advance) a0 = f32x4.add(a0, load4(p, kStride));
  return f32x4.add(f32x4.add(f32x4.add(a0, a1), a2), a3);
}

@inline function load4(p: usize, kStride: usize): v128 {
  if (kStride == 4) return v128.load(p);
  let v = v128.load32_zero(p);
  v = v128.load32_lane(p + kStride, v, 1);
  v = v128.load32_lane(p + 2 * kStride, v, 2);
  return v128.load32_lane(p + 3 * kStride, v, 3);
}

/** ATen's scalar row_sum (ilp 4) of `size` floats at x with byte stride `stride`. */
function torchSumStrided(x: usize, stride: usize, size: i32): f32 {
  const groups = size >> 2;
  const acc = cascade4(x, stride << 2, stride, groups);
  let p0 = f32x4.extract_lane(acc, 0);
  for (let i = groups << 2; i < size; i++) p0 += load<f32>(x + <usize>i * stride);
  p0 += f32x4.extract_lane(acc, 1);
  p0 += f32x4.extract_lane(acc, 2);
  p0 += f32x4.extract_lane(acc, 3);
  return p0;
}

/**
 * Column sums in PyTorch's order: out[j] = Σ_r x[r·rowStride + j] for j < cols (contiguous
 * out), as ATen's cascade_sum reduces dim 0 of a [rows, cols] float32 matrix whose columns
 * are contiguous (vectorized_outer_sum for cols >= 8, else scalar_outer_sum). rowStride is
 * in elements. Bit-exact with torch.sum(x, 0) at one thread on AVX2.
 */
export function torchSumColsF32(x: usize, rows: i32, rowStride: i32, cols: i32, out: usize): void {
  const rs = <usize>rowStride << 2;
  let j = 0;
  if (cols >= 8) {
    for (; j + 32 <= cols; j += 32) cascade8(OUTER32, x + (<usize>j << 2), 0, rs, rows, out + (<usize>j << 2));
    for (; j + 8 <= cols; j += 8) cascade8(OUTER8, x + (<usize>j << 2), 0, rs, rows, out + (<usize>j << 2));
  } else {
    for (; j + 4 <= cols; j += 4) {
      const acc = cascade4(x + (<usize>j << 2), rs, 4, rows);
      v128.store(out + (<usize>j << 2), f32x4.add(f32x4.splat(0), acc));
    }
  }
  for (; j < cols; j++) store<f32>(out + (<usize>j << 2), <f32>0 + torchSumStrided(x + (<usize>j << 2), rs, rows));
}

/**
 * Row sums of a contiguous float32 [rows, n] block into contiguous `out` in PyTorch's order
 * (bit-exact with torch.sum over the last dim, and over everything, at one thread on AVX2).
 */
export function torchSumRowsF32(x: usize, rows: i32, n: i32, out: usize): void {
  const rowBytes = <usize>n << 2;
  for (let r = 0; r < rows; r++) {
    // the output starts at 0 and the row's sum is added to it (0 + −0 is +0)
    store<f32>(out + (<usize>r << 2), <f32>0 + torchSumRow(x + <usize>r * rowBytes, n));
  }
}

// ---- column max/min: the JS kernel's fold, run lane-wise down the columns ----

/** One step of the JS fold `if (v > acc || v !== v) acc = v` (max; `<` for min) in every lane. */
@inline function extremeStep(isMax: i32, acc: v128, v: v128): v128 {
  const take = v128.or(isMax ? f32x4.gt(v, acc) : f32x4.lt(v, acc), f32x4.ne(v, v));
  return v128.bitselect(v, acc, take);
}

/** Sets the quiet bit of NaN lanes, as the JS kernel's float32 → double → float32 trip does. */
@inline function quietNaN4(v: v128): v128 {
  return v128.or(v, v128.and(f32x4.ne(v, v), i32x4.splat(0x00400000)));
}

@inline function extremeCols(isMax: i32, x: usize, rows: i32, rs: usize, cols: i32, out: usize): void {
  const init = f32x4.splat(isMax ? -Infinity : Infinity);
  let j = 0;
  for (; j + 16 <= cols; j += 16) {
    let a0 = init, a1 = init, a2 = init, a3 = init;
    let p = x + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rs) {
      a0 = extremeStep(isMax, a0, v128.load(p));
      a1 = extremeStep(isMax, a1, v128.load(p, 16));
      a2 = extremeStep(isMax, a2, v128.load(p, 32));
      a3 = extremeStep(isMax, a3, v128.load(p, 48));
    }
    const o = out + (<usize>j << 2);
    v128.store(o, quietNaN4(a0));
    v128.store(o, quietNaN4(a1), 16);
    v128.store(o, quietNaN4(a2), 32);
    v128.store(o, quietNaN4(a3), 48);
  }
  for (; j + 4 <= cols; j += 4) {
    let a = init;
    let p = x + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rs) a = extremeStep(isMax, a, v128.load(p));
    v128.store(out + (<usize>j << 2), quietNaN4(a));
  }
  for (; j < cols; j++) {
    let a = init;
    let p = x + (<usize>j << 2);
    for (let r = 0; r < rows; r++, p += rs) a = extremeStep(isMax, a, v128.load32_splat(p));
    v128.store32_lane(out + (<usize>j << 2), quietNaN4(a), 0);
  }
}

/**
 * Column max (isMax = 1) or min: out[j] = fold of x[r·rowStride + j] over r < rows (rows >= 1,
 * rowStride in elements), for j < cols, out contiguous: the JS kernel's sequential
 * `if (v > acc || v !== v) acc = v` from ∓∞ per column, so bit-identical to it (NaN: the
 * last one, quieted; zero results keep the sign of the first extreme zero).
 */
export function extremeColsF32(isMax: i32, x: usize, rows: i32, rowStride: i32, cols: i32, out: usize): void {
  const rs = <usize>rowStride << 2;
  if (isMax) extremeCols(1, x, rows, rs, cols, out);
  else extremeCols(0, x, rows, rs, cols, out);
}
