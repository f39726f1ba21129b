// Strided copies of 1-, 4- and 8-byte elements (a bit copy: same dtype in and out), the
// kernel behind `contiguous()`, im2col windows and every other same-dtype strided copy.
// The view is given as up to 6 dims (outer first, size-1 dims padded at the front) with
// per-dim element strides for the destination and the source; strides may be negative.

@inline
function copyStrided<T>(
  dst: usize, src: usize,
  n0: i32, n1: i32, n2: i32, n3: i32, n4: i32, n5: i32,
  d0: i32, d1: i32, d2: i32, d3: i32, d4: i32, d5: i32,
  s0: i32, s1: i32, s2: i32, s3: i32, s4: i32, s5: i32,
): void {
  const e = <i32>sizeof<T>();
  const rowBytes = n5 * e;
  const dense = d5 == 1 && s5 == 1;
  const vecEnd = rowBytes & ~15;
  for (let i0 = 0; i0 < n0; i0++) {
    for (let i1 = 0; i1 < n1; i1++) {
      for (let i2 = 0; i2 < n2; i2++) {
        for (let i3 = 0; i3 < n3; i3++) {
          let dp = <isize>dst + <isize>(i0 * d0 + i1 * d1 + i2 * d2 + i3 * d3) * e;
          let sp = <isize>src + <isize>(i0 * s0 + i1 * s1 + i2 * s2 + i3 * s3) * e;
          for (let i4 = 0; i4 < n4; i4++) {
            const dr = dp + <isize>(i4 * d4) * e;
            const sr = sp + <isize>(i4 * s4) * e;
            if (dense) {
              let b = 0;
              for (; b < vecEnd; b += 16) v128.store(dr + b, v128.load(sr + b));
              for (; b < rowBytes; b += e) store<T>(dr + b, load<T>(sr + b));
            } else {
              const db = <isize>d5 * e, sb = <isize>s5 * e;
              let dq = dr, sq = sr;
              let i5 = 0;
              for (; i5 + 4 <= n5; i5 += 4) {
                const a = load<T>(sq), b1 = load<T>(sq + sb), c = load<T>(sq + 2 * sb), d = load<T>(sq + 3 * sb);
                store<T>(dq, a);
                store<T>(dq + db, b1);
                store<T>(dq + 2 * db, c);
                store<T>(dq + 3 * db, d);
                dq += 4 * db;
                sq += 4 * sb;
              }
              for (; i5 < n5; i5++) {
                store<T>(dq, load<T>(sq));
                dq += db;
                sq += sb;
              }
            }
          }
        }
      }
    }
  }
}

/** Strided copy of 4-byte elements (float32, int32): see {@link copyStrided}. */
export function copyStrided32(
  dst: usize, src: usize,
  n0: i32, n1: i32, n2: i32, n3: i32, n4: i32, n5: i32,
  d0: i32, d1: i32, d2: i32, d3: i32, d4: i32, d5: i32,
  s0: i32, s1: i32, s2: i32, s3: i32, s4: i32, s5: i32,
): void {
  copyStrided<u32>(dst, src, n0, n1, n2, n3, n4, n5, d0, d1, d2, d3, d4, d5, s0, s1, s2, s3, s4, s5);
}

/** Strided copy of 8-byte elements (float64, int64 held as float64 bits). */
export function copyStrided64(
  dst: usize, src: usize,
  n0: i32, n1: i32, n2: i32, n3: i32, n4: i32, n5: i32,
  d0: i32, d1: i32, d2: i32, d3: i32, d4: i32, d5: i32,
  s0: i32, s1: i32, s2: i32, s3: i32, s4: i32, s5: i32,
): void {
  copyStrided<u64>(dst, src, n0, n1, n2, n3, n4, n5, d0, d1, d2, d3, d4, d5, s0, s1, s2, s3, s4, s5);
}

/** Strided copy of 1-byte elements (uint8, bool). */
export function copyStrided8(
  dst: usize, src: usize,
  n0: i32, n1: i32, n2: i32, n3: i32, n4: i32, n5: i32,
  d0: i32, d1: i32, d2: i32, d3: i32, d4: i32, d5: i32,
  s0: i32, s1: i32, s2: i32, s3: i32, s4: i32, s5: i32,
): void {
  copyStrided<u8>(dst, src, n0, n1, n2, n3, n4, n5, d0, d1, d2, d3, d4, d5, s0, s1, s2, s3, s4, s5);
}
